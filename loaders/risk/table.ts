import {config} from "../config.js";
import {criticalFeatures, type FeatureImportance, type Scores} from "../scoring/index.js";
import type {DriftTable} from "../drift/index.js";
import type {Inputs} from "../inputs/index.js";
import type {MonitoringTable} from "../monitoring/index.js";
import type {PerformanceTable} from "../performance/index.js";
import {fallbackConclusion, matrixConclusion, summaryConclusion, rollbackConclusion, sanityConclusion, type RiskConclusions} from "./conclusions.js";
import {fallbackRule, type FallbackRule} from "./fallback.js";
import {incidentPlan, type IncidentPlan} from "./incident.js";
import {riskMatrix, sourceMissingPct, type RiskRow} from "./matrix.js";
import {rollbackPlan, type RollbackPlan} from "./rollback.js";
import {sanityCheck, type SanityCheck} from "./sanity.js";
import {missesAny, subsetAccuracy} from "./subset.js";

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
  inputs: Inputs;
  importance: FeatureImportance[];
  scores: Scores;
  performance: PerformanceTable;
  drift: DriftTable;
  monitoring: MonitoringTable;
}

export function riskTable({inputs, importance, scores, performance, drift, monitoring}: RiskSources): RiskTable {
  const {production, stats} = inputs;
  const validation = stats.validation.rmse;
  const criticalRows = criticalFeatures(importance).features;
  const critical = criticalRows.map((f) => f.feature);
  const source = new Map(stats.features.map((f) => [f.feature, f.source]));
  const api = config.risk.apiSource;
  const pipelineSources = [...new Set(stats.features.map((f) => f.source))].filter((s) => s !== api).sort();
  // The columns (model positions) of the critical features from these sources.
  const columnsFrom = (sources: string[]) => criticalRows.filter((f) => sources.includes(source.get(f.feature) ?? "")).map((f) => f.index);
  const subset = (columns: number[]) => subsetAccuracy(scores.error, missesAny(production.x, columns), validation);

  const fallback = fallbackRule(production, scores, stats, critical, validation);
  const sanity = sanityCheck(production, scores, stats, fallback.signals.map((s) => s.feature));
  const missing = sourceMissingPct(drift);
  const criticalSet = new Set(critical);
  const matrix = riskMatrix(
    {
      source_missing_pct: missing,
      pipeline_rows: subset(columnsFrom(pipelineSources)),
      api_rows: subset(columnsFrom([api])),
      complete_rows: fallback.complete_rows,
      critical_severe: drift.features.filter((f) => f.severe && criticalSet.has(f.feature)).map((f) => f.feature),
      severe_count: drift.severe_count,
      new_category_share: drift.new_category_share,
      new_category_rmse_increase_pct: performance.established_vs_new?.new?.rmse_increase_pct ?? null,
      outside_training_prices: sanity.training_range ? sanity.training_range.rejected : null,
      latency_red_days: monitoring.replay.by_metric.find((m) => m.metric === "latency_p95")?.red_days ?? 0,
    },
    {api, pipeline: pipelineSources},
    (source) => (source === api ? source.toUpperCase() : source),
  );
  const rollback = rollbackPlan(monitoring.replay.alerts_per_day, monitoring.window.median_daily_rows);
  return {
    rows: production.rows,
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
