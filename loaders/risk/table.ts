import {config} from "../config.js";
import type {DriftTable} from "../drift/index.js";
import type {MonitoringTable} from "../monitoring/index.js";
import type {ReportInputs} from "../pass/index.js";
import type {PerformanceTable, RowErrors} from "../performance/index.js";
import {criticalFeatures, type FeatureImportance} from "../scoring/index.js";
import {fallbackConclusion, matrixConclusion, rollbackConclusion, sanityConclusion, summaryConclusion, type RiskConclusions} from "./conclusions.js";
import {fallbackLook, type FallbackLook, type FallbackRule} from "./fallback.js";
import {pipelineSources, type RiskFlag} from "./flag-sets.js";
import {incidentPlan, type IncidentPlan} from "./incident.js";
import {riskMatrix, sourceMissingPct, type RiskRow} from "./matrix.js";
import {rollbackPlan, type RollbackPlan} from "./rollback.js";
import {sanityCheck, type SanityCheck} from "./sanity.js";
import {subsetAccuracy} from "./subset.js";

/** The risk page's data. */
export interface RiskTable {
  rows: number;
  validation_rmse: number;
  matrix: RiskRow[];
  source_missing_pct: Record<string, number>;
  fallback: FallbackRule;
  sanity: SanityCheck;
  rollback: RollbackPlan;
  incident: IncidentPlan;
  conclusions: RiskConclusions;
}

export interface RiskSources {
  inputs: ReportInputs;
  importance: FeatureImportance[];
  errors: RowErrors;
  /** The fallback rule's look at the price signals, already run (see fallbackLookOf). */
  fallback: FallbackLook;
  performance: PerformanceTable;
  drift: DriftTable;
  monitoring: MonitoringTable;
}

/** The rule's look at the log: its rows and flags, and the price signals as the pass summed them. */
export function fallbackLookOf(inputs: ReportInputs, importance: readonly FeatureImportance[], errors: RowErrors): FallbackLook {
  const {log, stats, model} = inputs;
  const critical = criticalFeatures(importance).features.map((f) => f.feature);
  const bit = 1 << log.plan.flagSets.findIndex((s) => s.name === "critical");
  const candidates = log.plan.priceFeatures.map((position, s) => ({position, feature: model.features[position], sums: log.accumulation.priceSignals[s]}));
  const flags = log.kept.flags;
  const rows = {n: log.rows, actual: log.kept.actual, prediction: log.kept.prediction, error: errors.error, misses: (r: number) => (flags[r] & bit) !== 0};
  return fallbackLook(rows, candidates, critical, stats.validation.rmse, config.risk.sanityRangeUsd);
}

export function riskTable({inputs, importance, errors, fallback: look, performance, drift, monitoring}: RiskSources): RiskTable {
  const {log, stats} = inputs;
  const validation = stats.validation.rmse;
  const critical = criticalFeatures(importance).features.map((f) => f.feature);
  const api = config.risk.apiSource;
  const pipeline = pipelineSources(stats);
  const flags = log.kept.flags;
  const subset = (name: RiskFlag) => {
    const bit = 1 << log.plan.flagSets.findIndex((s) => s.name === name);
    return subsetAccuracy(errors.error, (r) => (flags[r] & bit) !== 0, validation);
  };

  const {rule: fallback, rejected} = look.result(config.risk.sanityRangeUsd);
  const sanity = sanityCheck(log.kept.prediction, log.kept.actual, stats, rejected);
  const missing = sourceMissingPct(drift);
  const criticalSet = new Set(critical);
  const matrix = riskMatrix(
    {
      source_missing_pct: missing,
      pipeline_rows: subset("critical-pipeline"),
      api_rows: subset("critical-api"),
      complete_rows: fallback.complete_rows,
      critical_severe: drift.features.filter((f) => f.severe && criticalSet.has(f.feature)).map((f) => f.feature),
      severe_count: drift.severe_count,
      new_category_share: drift.new_category_share,
      new_category_rmse_increase_pct: performance.established_vs_new?.new?.rmse_increase_pct ?? null,
      outside_training_prices: sanity.training_range ? sanity.training_range.rejected : null,
      latency_red_days: monitoring.replay.by_metric.find((m) => m.metric === "latency_p95")?.red_days ?? 0,
    },
    {api, pipeline},
    (source) => (source === api ? source.toUpperCase() : source),
  );
  const rollback = rollbackPlan(monitoring.replay.alerts_per_day, monitoring.window.median_daily_rows);
  return {
    rows: log.rows,
    validation_rmse: validation,
    matrix,
    source_missing_pct: missing,
    fallback,
    sanity,
    rollback,
    incident: incidentPlan(),
    conclusions: {
      matrix: matrixConclusion(matrix),
      fallback: fallbackConclusion(fallback, validation),
      sanity: sanityConclusion(sanity),
      rollback: rollbackConclusion(rollback),
      summary: summaryConclusion(matrix, sanity),
    },
  };
}
