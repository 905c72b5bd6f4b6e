import {accumulate, dailySums, emptyAccumulation, type Accumulation} from "../daily/index.js";
import {driftReport, type DriftReport, driftTable, type DriftTable} from "../drift/index.js";
import {featureImportance, type FeatureImportance, score, type Scores, scoringPlan} from "../scoring/index.js";
import {type Inputs, inputSummary, type InputSummary} from "../inputs/index.js";
import {monitoringSpec, type MonitoringSpec, monitoringTable, type MonitoringTable} from "../monitoring/index.js";
import {performanceDetail, type PerformanceDetail, performanceTable, type PerformanceTable} from "../performance/index.js";
import {retrainingTable, type RetrainingTable} from "../retraining/index.js";
import {riskTable, type RiskTable} from "../risk/index.js";
import {memoTable, type MemoTable} from "../memo/index.js";

/**
 * Every table of the report, computed once from validated inputs. The tables
 * CLI writes them to files and the site's data loaders print slices of them:
 * one code path, so the site and the CLI cannot disagree.
 */
export interface Tables {
  inputs: Inputs;
  summary: InputSummary;
  /** Model features ranked by |β|·training SD. */
  importance: FeatureImportance[];
  scores: Scores;
  accumulation: Accumulation;
  performance: PerformanceTable;
  /** Performance figures that need row-level context (charts, price bins, the error tail). */
  performanceDetail: PerformanceDetail;
  drift: DriftTable;
  /** The drift page's analyses: impact, distribution tests, missingness, correlations, new segments. */
  driftReport: DriftReport;
  /** The monitoring dashboard: daily series, alert rules and their replay. */
  monitoring: MonitoringTable;
  /** monitoring-spec.json: the rules as engineers implement them (the same catalogue). */
  monitoringSpec: MonitoringSpec;
  /** The retraining protocol: triggers, their replay, costs. */
  retraining: RetrainingTable;
  /** Risk mitigation: the risk matrix, fallback, sanity check, rollback and incident response. */
  risk: RiskTable;
  /** The one-page deployment memo. */
  memo: MemoTable;
}

export function buildTables(inputs: Inputs): Tables {
  const {production, model, stats} = inputs;
  const scores = score(production, scoringPlan(model, stats));
  const accumulation = accumulate(emptyAccumulation(production.features.length), production, scores);
  const tables = passTables(inputs, scores, accumulation);
  const {importance, performance, drift} = tables;
  return {
    ...tables,
    summary: inputSummary(inputs),
    driftReport: driftReport({inputs, scores, accumulation, importance, performance, drift}),
  };
}

/** The tables that read no feature column row by row beyond the few `passRowFeatures` names: what the streaming path gives too. */
export type PassTables = Omit<Tables, "summary" | "driftReport">;

/** Every table computable from the scores, one pass's accumulation and the feature columns `passRowFeatures` names (no other is read row by row). */
export function passTables(inputs: Inputs, scores: Scores, accumulation: Accumulation): PassTables {
  const {production, model, stats} = inputs;
  const importance = featureImportance(model, stats);
  const performance = performanceTable(accumulation, stats);
  const drift = driftTable(accumulation, production.features, stats);
  // The calendar days' sums every later stage reads, computed once.
  const days = dailySums(accumulation, production);
  const monitoring = monitoringTable({inputs, days, importance, performance, drift});
  const retraining = retrainingTable({inputs, days, importance, performance, drift, monitoring});
  const risk = riskTable({inputs, importance, scores, performance, drift, monitoring});
  return {
    inputs,
    importance,
    scores,
    accumulation,
    performance,
    performanceDetail: performanceDetail(production, scores, performance),
    drift,
    monitoring,
    monitoringSpec: monitoringSpec(inputs, monitoring.rules, monitoring.window),
    retraining,
    risk,
    memo: memoTable({inputs, importance, performance, drift, monitoring, retraining, risk}),
  };
}
