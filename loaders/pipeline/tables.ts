import {labelledAccumulation, labelledRows} from "../accumulate/index.js";
import {dailySums} from "../daily/index.js";
import {driftReport, driftTable, orderStatisticsOf, type DriftReport, type DriftTable} from "../drift/index.js";
import {memoTable, type MemoTable} from "../memo/index.js";
import {monitoringSpec, monitoringTable, type MonitoringSpec, type MonitoringTable} from "../monitoring/index.js";
import {secondLook, trace, type ReportInputs} from "../pass/index.js";
import {performanceDetail, performanceTable, RowErrors, type PerformanceDetail, type PerformanceTable} from "../performance/index.js";
import {retrainingTable, type RetrainingTable} from "../retraining/index.js";
import {fallbackLookOf, riskTable, type RiskTable} from "../risk/index.js";
import {featureImportance, type FeatureImportance} from "../scoring/index.js";
import {inputSummary, type InputSummary} from "./summary.js";

/**
 * Every table of the report, computed once from the pass's log. The tables
 * CLI writes them to files and the site's data loader prints them: one code
 * path, so the site and the CLI cannot disagree.
 */
export interface Tables {
  inputs: ReportInputs;
  summary: InputSummary;
  /** Model features ranked by |β|·training SD. */
  importance: FeatureImportance[];
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

/**
 * The tables from the log: the figures that need a second look at spilled
 * values (exact quantiles, the fallback's signals row by row) get it first;
 * everything else reads the merged sums and kept rows.
 */
export function tablesOf(inputs: ReportInputs): Tables {
  const {log, model, stats} = inputs;
  const acc = log.accumulation;
  const importance = featureImportance(model, stats);
  // Accuracy reads the labelled rows only (a row awaiting its actual price has no error yet), exactly as if
  // the others were not in the log; the fallback's look and the risk subsets walk every kept row by position,
  // so they read all of them and skip the unlabelled ones themselves.
  const labelled = {accumulation: labelledAccumulation(acc), errors: new RowErrors(labelledRows(log.kept))};
  const allErrors = labelled.errors.rows === log.kept ? labelled.errors : new RowErrors(log.kept);
  const errors = labelled.errors;
  const orderStatistics = orderStatisticsOf(acc, log.plan, stats.quantileProbs, log.contributions);
  trace("quantiles looked up");
  const fallback = fallbackLookOf(inputs, importance, allErrors);
  if (fallback.look) secondLook(log.contributions, [fallback.look]);
  trace("fallback looked up");

  const performance = performanceTable(labelled.accumulation, errors, stats);
  const drift = driftTable(acc, log.features, stats);
  // The calendar days' sums every later stage reads, computed once.
  const days = dailySums(acc, log.kept);
  const monitoring = monitoringTable({inputs, days, importance, performance, drift});
  const retraining = retrainingTable({inputs, days, importance, performance, drift, monitoring});
  const risk = riskTable({inputs, importance, errors: allErrors, fallback, performance, drift, monitoring});
  trace("tables");
  return {
    inputs,
    summary: inputSummary(inputs),
    importance,
    performance,
    performanceDetail: performanceDetail(errors, performance),
    drift,
    driftReport: driftReport({stats, plan: log.plan, accumulation: acc, errors, rows: log.kept, orderStatistics, importance, performance, drift}),
    monitoring,
    monitoringSpec: monitoringSpec(inputs, monitoring),
    retraining,
    risk,
    memo: memoTable({inputs, importance, performance, drift, monitoring, retraining, risk}),
  };
}
