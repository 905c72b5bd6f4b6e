import {config} from "../config.js";
import type {DriftTable} from "../drift/index.js";
import {dollars, int, list, midSentence} from "../shared/index.js";
import type {FeatureImportance} from "../scoring/index.js";
import type {ReportInputs} from "../pass/index.js";
import type {MonitoringTable} from "../monitoring/index.js";
import type {PerformanceTable} from "../performance/index.js";
import {costsBySchedule, type RetrainingTable} from "../retraining/index.js";
import type {RiskTable} from "../risk/index.js";
import {maintenanceCalendar, type MaintenanceCalendar} from "./calendar.js";
import {recommendation, type Benchmarks, type Recommendation} from "./recommendation.js";
import {featureRequirements, type Requirements} from "./requirements.js";

/** The one-page memo's data: every figure read from the inputs and the other tables. */
export interface MemoTable {
  log: {first: string; last: string; days: number; rows: number};
  model: {
    kind: string;
    lambda: number | null;
    features: number;
    nonzero: number;
    training_window: {start: string; end: string; days: number};
    training_rows: number;
    validation: {rmse: number; mae: number; r2: number; n: number};
  };
  benchmarks: Benchmarks;
  recommendation: Recommendation;
  monitoring_plan: {metrics: string[]; window_days: number; response_hours: {yellow: number; red: number}; escalation: string[]; review_owner: string; review_day: string};
  retraining_plan: {
    schedule: string;
    window: string;
    before_deploy: boolean;
    day: string;
    per_retrain_usd: number;
    annual_usd: number;
    triggered_per_year: {low: number | null; high: number | null};
    triggers: {name: string; threshold_pct: number}[];
    cooldown_days: number;
  };
  requirements: Requirements;
  calendar: MaintenanceCalendar;
  conclusions: {monitoring: string; retraining: string};
}

export interface MemoSources {
  inputs: ReportInputs;
  importance: FeatureImportance[];
  performance: PerformanceTable;
  drift: DriftTable;
  monitoring: MonitoringTable;
  retraining: RetrainingTable;
  risk: RiskTable;
}

/** The triggered retrains' yearly cost, a range or one figure. */
function triggeredText(low: number | null, high: number | null): string {
  if (low === null || high === null) return "";
  return `, plus ${low === high ? dollars(low) : `${dollars(low)}–${dollars(high)}`} for triggered retrains at this log's pace`;
}

/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** "API features", "database features": how a source reads in a sentence. */
export function sourceLabel(source: string): string {
  return `${source === config.risk.apiSource ? source.toUpperCase() : source} features`;
}

export function memoTable({inputs, importance, performance, drift, monitoring, retraining, risk}: MemoSources): MemoTable {
  const {model, stats} = inputs;
  const m = config.memo;
  const complete = risk.fallback.complete_rows;
  const benchmarks: Benchmarks = {
    validation_rmse: stats.validation.rmse,
    expected_low: m.expectedRmseUsd.low,
    expected_high: m.expectedRmseUsd.high,
    acceptable: m.acceptableRmseUsd,
    observed_rmse: performance.overall.rmse,
    observed_ci_low: performance.overall.rmse_ci_low,
    observed_ci_high: performance.overall.rmse_ci_high,
    complete_rows_rmse: complete.rmse,
    complete_rows_share: complete.share,
  };
  const latency = {red_days: monitoring.replay.by_metric.find((x) => x.metric === "latency_p95")?.red_days ?? 0, budget_ms: monitoring.settings.latency_budget_ms};
  const calendar = maintenanceCalendar(monitoring.window.last);
  const [review, retrain] = calendar.tasks;
  const p = retraining.protocol;
  const schedule = costsBySchedule(retraining.costs)[p.schedule.recommended];
  const monitoringPlan = {
    metrics: monitoring.rules.map((r) => r.name),
    window_days: monitoring.settings.window_days,
    response_hours: {...monitoring.settings.response_hours},
    escalation: [...monitoring.settings.escalation],
    review_owner: review.owner,
    review_day: review.cadence,
  };
  const retrainingPlan = {
    schedule: p.schedule.recommended,
    window: p.window.recommended === "rolling" ? `rolling ${int(p.window.days)}-day` : "expanding",
    before_deploy: p.schedule.retrain_before_deploy,
    day: retrain.cadence,
    per_retrain_usd: retraining.costs.per_retrain_usd,
    annual_usd: schedule.annual_usd,
    triggered_per_year: {low: retraining.costs.triggered.per_year_low, high: retraining.costs.triggered.per_year_high},
    triggers: retraining.current.triggers.map((t) => ({name: t.name, threshold_pct: t.threshold_pct})),
    cooldown_days: p.schedule.cooldown_days,
  };
  return {
    log: {first: monitoring.window.first, last: monitoring.window.last, days: monitoring.window.days, rows: monitoring.window.rows},
    model: {
      kind: model.kind,
      lambda: model.lambda,
      features: model.features.length,
      nonzero: model.coefficients.filter((b) => b !== 0).length,
      training_window: {...stats.window},
      training_rows: stats.nObs,
      validation: {...stats.validation},
    },
    benchmarks,
    recommendation: recommendation(benchmarks, retraining, risk, latency, sourceLabel),
    monitoring_plan: monitoringPlan,
    retraining_plan: retrainingPlan,
    requirements: featureRequirements(importance, stats, drift),
    calendar,
    conclusions: {
      monitoring:
        `A daily job computes ${monitoringPlan.metrics.length} metrics (${list(monitoringPlan.metrics)}), accuracy and drift over the trailing ${monitoringPlan.window_days} days, each with a yellow and a red line. ` +
        `Alerts go to the owner (yellow answered within ${monitoringPlan.response_hours.yellow} h, red within ${monitoringPlan.response_hours.red} h) and escalate ${monitoringPlan.escalation.join(" → ")}; ` +
        `the ${midSentence(review.owner)} reviews the figures weekly (${review.cadence}).`,
      retraining:
        `${p.schedule.retrain_before_deploy ? "Retrain before deploying, then " : ""}${p.schedule.recommended === "monthly" ? "monthly" : "weekly"} (${p.schedule.recommended === "monthly" ? retrain.cadence : review.cadence}) on a ${retrainingPlan.window} window, ` +
        `plus a retrain when a trigger fires (${orList(retraining.current.triggers.map((t) => `${midSentence(t.name)} > ${t.threshold_pct}%`))}; at most one per ${p.schedule.cooldown_days} days). ` +
        `${dollars(retrainingPlan.per_retrain_usd)} a retrain: ${dollars(schedule.annual_usd)} a year${triggeredText(retraining.costs.triggered.annual_low_usd, retraining.costs.triggered.annual_high_usd)}.`,
    },
  };
}
