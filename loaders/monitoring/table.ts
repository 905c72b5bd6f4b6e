import {median} from "d3";
import {config} from "../config.js";
import {nearZeroMeanRule} from "../shared/index.js";
import {addImpact, daySpan, impactTotals, type DaySums} from "../daily/index.js";
import type {DriftTable} from "../drift/index.js";
import type {ReportInputs} from "../pass/index.js";
import type {PerformanceTable} from "../performance/index.js";
import type {FeatureImportance} from "../scoring/index.js";
import {levelOf} from "./alerts.js";
import {monitoringConclusions} from "./conclusions.js";
import type {FeatureComparison, MonitoringFacts, MonitoringTable} from "./dashboard.js";
import {monitoredFeatures} from "./features.js";
import {metricCatalogue, metricList, mispricingBaselinePct} from "./metrics.js";
import {falseAlarmProbability} from "./noise.js";
import {observations} from "./observations.js";
import {replay} from "./replay.js";
import {dailyFigures} from "./series.js";

export interface MonitoringSources {
  inputs: ReportInputs;
  /** Every calendar day of the log, as poolable sums (loaders/daily). */
  days: DaySums[];
  importance: FeatureImportance[];
  performance: PerformanceTable;
  drift: DriftTable;
}

/** The monitoring dashboard's data: the daily series, the rules and their replay over the production window. */
export function monitoringTable({inputs, days: sums, importance, performance, drift}: MonitoringSources): MonitoringTable {
  const {log, stats, model} = inputs;
  const m = config.monitoring;
  const monitored = monitoredFeatures(importance, model.features, stats);
  const catalogue = metricCatalogue(stats, monitored);
  const rules = metricList(catalogue);
  const hasUnits = log.columns.hasUnitsSold;
  const daily = dailyFigures(sums, monitored.features, {hasUnits, target: stats.target === null ? null : {mean: stats.target.mean, sd: stats.target.sd}});
  const result = replay(
    rules.map((c) => ({metric: c.id, thresholds: c.thresholds})),
    observations(daily, monitored.features),
  );
  const last = daily[daily.length - 1];
  const lastStatus = result.status[result.status.length - 1].metrics;
  const medianRows = median(daily.map((d) => d.n)) ?? 0;
  const redRatio = 1 + m.alerts.rmse.red / 100;
  const totals = hasUnits ? impactTotals(sums.map((d) => d.impact).reduce(addImpact)) : null;
  const shiftRule = catalogue.mean_shift.thresholds;
  const missingRule = catalogue.missing_rate.thresholds;
  const table: MonitoringFacts = {
    window: {first: daily[0].date, last: last.date, days: daily.length, rows: log.rows, median_daily_rows: medianRows, span: daySpan(daily.filter((d) => d.n > 0).map((d) => d.date))},
    has_latency: log.columns.hasLatency,
    has_units: hasUnits,
    settings: {
      window_days: m.windowDays,
      min_window_rows: m.minWindowRows,
      latency_budget_ms: m.latencyBudgetMs,
      important_features: m.importantFeatures,
      min_abs_mean_in_sd: m.minAbsMeanInSd,
      near_zero_mean_rule: nearZeroMeanRule(m.minAbsMeanInSd),
      rmse_over_validation_pct: {...m.alerts.rmse},
      response_hours: {...m.responseHours},
      escalation: [...m.escalation],
    },
    monitored,
    rules,
    daily,
    replay: result,
    tiles: lastStatus.map((s) => {
      const c = catalogue[s.metric];
      return {...s, name: c.name, unit: c.unit, group: c.group, group_name: c.group_name};
    }),
    impact: {totals, validation_baseline_pct: mispricingBaselinePct(stats)},
    noise: {
      median_daily_rows: medianRows,
      red_ratio: redRatio,
      false_red_daily: falseAlarmProbability(medianRows, redRatio),
      false_red_window: falseAlarmProbability(m.minWindowRows, redRatio),
    },
    training_vs_production: {
      accuracy: [
        {metric: "RMSE", unit: "USD", training: performance.validation.rmse, production: performance.overall.rmse, last_window: last.rmse_trailing},
        {metric: "MAE", unit: "USD", training: performance.validation.mae, production: performance.overall.mae, last_window: last.mae_trailing},
        {metric: "R²", unit: "", training: performance.validation.r2, production: performance.overall.r2, last_window: null},
      ],
      // The drift table's rows are in model order (f.index); the window's features in monitored order (k).
      features: monitored.features.map((f, k): FeatureComparison => {
        const d = drift.features[f.index];
        const w = last.features_trailing[k];
        return {
          feature: f.feature,
          rank: f.rank,
          train_mean: d.train_mean,
          prod_mean: d.prod_mean,
          mean_shift_pct: d.mean_shift_pct,
          train_missing_pct: d.train_missing_rate * 100,
          prod_missing_pct: d.prod_missing_rate * 100,
          last_window_shift_pct: w.mean_shift_pct,
          last_window_missing_pct: w.missing_pct,
          shift_level: f.mean_shift ? levelOf(w.mean_shift_pct, shiftRule) : "not_monitored",
          missing_level: levelOf(w.missing_pct, missingRule),
        };
      }),
    },
  };
  return {...table, conclusions: monitoringConclusions(table, catalogue, performance.overall.rmse_increase_pct)};
}
