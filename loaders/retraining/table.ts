import type {DaySums} from "../daily/index.js";
import {config} from "../config.js";
import {criticalFeatures, type FeatureImportance} from "../scoring/index.js";
import type {DriftTable} from "../drift/index.js";
import {modelFeatureStats} from "../inputs/index.js";
import type {ReportInputs} from "../pass/index.js";
import type {MonitoringTable} from "../monitoring/index.js";
import type {PerformanceTable} from "../performance/index.js";
import {costBenefit, type CostBenefit} from "./benefit.js";
import {weeklyBuildup, type Buildup} from "./buildup.js";
import {benefitConclusion, costsConclusion, criticalConclusion, protocolConclusion, replayConclusion, summaryConclusion, triggersConclusion, type RetrainingConclusions} from "./conclusions.js";
import {costsBySchedule, retrainingCosts, type RetrainingCosts} from "./costs.js";
import {driftValue, nearZeroMean, type CriticalColumn} from "./drift-measure.js";
import {triggerFrequency, type TriggerFrequency} from "./frequency.js";
import {retrainingProtocol, type Protocol} from "./protocol.js";
import {newCategoryRowsByDay, triggerDays, type TriggerDay} from "./replay.js";
import {currentTriggers, type CurrentTriggers} from "./triggers.js";

export interface CriticalFeatureRow {
  feature: string;
  rank: number;
  importance: number;
  /** Share of the model's total |β|·SD (0–1). */
  share: number;
}

/** The retraining page's data. */
export interface RetrainingTable {
  window: {first: string; last: string; days: number; rows: number};
  settings: {
    triggers: {rmse_degradation_pct: number; critical_drift_pct: number; new_category_share_pct: number};
    critical_importance_share: number;
    window_days: number;
    min_window_rows: number;
    cooldown_days: number;
    retrains_per_year: {weekly: number; monthly: number; quarterly: number};
    training_window: {start: string; end: string; days: number};
  };
  critical: {features: CriticalFeatureRow[]; share: number};
  current: CurrentTriggers;
  /** Features outside the critical set that drifted past the trigger's line, most important first. */
  non_critical_drifted: {feature: string; rank: number; share: number; drift_pct: number}[];
  daily: TriggerDay[];
  frequency: TriggerFrequency;
  buildup: Buildup;
  protocol: Protocol;
  costs: RetrainingCosts;
  benefit: CostBenefit | null;
  conclusions: RetrainingConclusions;
}

export interface RetrainingSources {
  inputs: ReportInputs;
  /** Every calendar day of the log, as poolable sums (loaders/daily). */
  days: DaySums[];
  importance: FeatureImportance[];
  performance: PerformanceTable;
  drift: DriftTable;
  monitoring: MonitoringTable;
}

export function retrainingTable({inputs, days, importance, performance, drift, monitoring}: RetrainingSources): RetrainingTable {
  const {log, stats, model} = inputs;
  const t = config.retraining.triggers;
  const critical = criticalFeatures(importance);
  const total = importance.reduce((s, f) => s + f.importance, 0);
  const train = modelFeatureStats(model.features, stats);
  const columns: CriticalColumn[] = critical.features.map((f) => ({feature: f.feature, index: f.index, rank: f.rank, train_mean: train[f.index].mean, train_sd: train[f.index].sd}));
  const current = currentTriggers(performance.overall.rmse_increase_pct, drift, critical);

  const newRows = newCategoryRowsByDay(log.kept, stats.categories);
  const daily = triggerDays(days, newRows, columns, stats.validation.rmse);
  const frequency = triggerFrequency(daily.map((d) => d.any), daily.map((d) => d.date), config.monitoring.windowDays);
  const buildup = weeklyBuildup(days, newRows, columns, stats.validation.rmse);
  const protocol = retrainingProtocol(buildup, performance.daily_windows?.change ?? null, drift.severe_count, stats.window.days);
  const costs = retrainingCosts(frequency);
  const scheduleCost = costsBySchedule(costs)[protocol.schedule.recommended].annual_usd;
  const benefit = costBenefit(monitoring.impact.totals, monitoring.window.days, performance.validation.mae, performance.overall.mae, scheduleCost);

  const criticalNames = new Set(critical.features.map((f) => f.feature));
  // Each other feature with its drift row (model order, at its index); ranks are distinct, so the order is the rank's whatever the iteration's.
  const nonCritical = importance
    .filter((f) => !criticalNames.has(f.feature))
    .flatMap((f) => {
      const d = drift.features[f.index];
      const v = driftValue(d.mean_shift_pct, d.sd_change_pct, nearZeroMean(d.train_mean, d.train_sd));
      return v.drift_pct !== null && v.drift_pct > t.criticalDriftPct ? [{feature: d.feature, rank: f.rank, share: total > 0 ? f.importance / total : 0, drift_pct: v.drift_pct}] : [];
    })
    .sort((a, b) => a.rank - b.rank);

  return {
    window: {first: monitoring.window.first, last: monitoring.window.last, days: monitoring.window.days, rows: log.rows},
    settings: {
      triggers: {rmse_degradation_pct: t.rmseDegradationPct, critical_drift_pct: t.criticalDriftPct, new_category_share_pct: t.newCategorySharePct},
      critical_importance_share: config.retraining.criticalImportanceShare,
      window_days: config.monitoring.windowDays,
      min_window_rows: config.monitoring.minWindowRows,
      cooldown_days: frequency.cooldown_days,
      retrains_per_year: {...config.retraining.retrainsPerYear},
      training_window: {...stats.window},
    },
    critical: {features: critical.features.map((f) => ({feature: f.feature, rank: f.rank, importance: f.importance, share: total > 0 ? f.importance / total : 0})), share: critical.share},
    current,
    non_critical_drifted: nonCritical,
    daily,
    frequency,
    buildup,
    protocol,
    costs,
    benefit,
    conclusions: {
      protocol: protocolConclusion(protocol, buildup),
      triggers: triggersConclusion(current, log.rows, daily.at(-1) ?? null),
      critical: criticalConclusion(current, critical.share, critical.target_share, nonCritical),
      replay: replayConclusion(daily, frequency, config.monitoring.minWindowRows),
      costs: costsConclusion(costs),
      benefit: benefitConclusion(benefit, protocol.schedule.recommended, costs.triggered.annual_high_usd),
      summary: summaryConclusion(current, protocol, scheduleCost),
    },
  };
}
