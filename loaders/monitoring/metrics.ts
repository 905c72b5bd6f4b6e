import {config} from "../config.js";
import type {TrainingStats} from "../inputs/index.js";
import {nearZeroMeanRule} from "../shared/index.js";
import {checkThresholds, type Thresholds} from "./alerts.js";
import type {MonitoredFeatures} from "./features.js";

export type MetricId = "rmse" | "mae" | "mean_shift" | "missing_rate" | "prediction_shift" | "latency_p95" | "volume" | "mispricing" | "alerts_per_day";
/** The brief's four metric groups. */
export type MetricGroup = "accuracy" | "drift" | "volume_and_latency" | "business";

export const groupNames: Record<MetricGroup, string> = {
  accuracy: "Prediction accuracy",
  drift: "Feature drift",
  volume_and_latency: "Volume and latency",
  business: "Business impact",
};

/** One monitored metric, defined well enough for an engineer to implement it. */
export interface MetricDefinition {
  id: MetricId;
  group: MetricGroup;
  /** The brief's name of the group. */
  group_name: string;
  name: string;
  formula: string;
  unit: string;
  /** `trailing`: the last `days` calendar days including today, pooled; `day`: today only. */
  window: {kind: "trailing" | "day"; days: number; min_rows: number | null};
  aggregation: string;
  /** Columns of the production log the metric reads (plus training statistics where named). */
  data_source: {columns: string[]; training_stats: string[]};
  /** One alert per monitored feature rather than one for the model. */
  per_feature: boolean;
  features: string[] | null;
  thresholds: MetricThresholds;
  owner: string;
}

/**
 * A metric's lines. For the accuracy metrics the percentages over a
 * validation figure are the source of truth (`over_validation`): the dollar
 * lines are validation × (1 + pct/100), so they follow a retrained model;
 * null for metrics whose lines are absolute.
 */
export interface MetricThresholds extends Thresholds {
  basis: string;
  over_validation: {statistic: "validation.rmse" | "validation.mae"; validation: number; yellow_pct: number; red_pct: number} | null;
}

const usd = (x: number) => `$${x.toFixed(2)}`;
const times = (x: number) => (x === 2 ? "twice" : x === 0.5 ? "half" : `${Number(x.toFixed(2))}×`);

/**
 * The catalogue: one definition for every metric id (so a lookup by id cannot
 * miss), in the catalogue's order (the order of `metricList`, the JSON's).
 */
export type MetricCatalogue = {[K in MetricId]: MetricDefinition & {id: K}};

/** The catalogue's definitions in its order: the replay's rules, monitoring.json's and the spec's list. */
export function metricList(catalogue: MetricCatalogue): MetricDefinition[] {
  // Object.values keeps the order the definitions were written in (no key is a number).
  return Object.values(catalogue);
}

/**
 * The metric catalogue: thresholds from config.monitoring.alerts, resolved
 * against this model's validation figures. The replay, the page and the
 * published spec all read this one catalogue, so they cannot disagree.
 */
export function metricCatalogue(stats: TrainingStats, monitored: MonitoredFeatures): MetricCatalogue {
  const validation = stats.validation;
  const m = config.monitoring;
  const a = m.alerts;
  const pooled = {kind: "trailing" as const, days: m.windowDays, min_rows: m.minWindowRows};
  const today = {kind: "day" as const, days: 1, min_rows: null};
  const trailingText = `the last ${m.windowDays} calendar days (today included), evaluated once they hold at least ${m.minWindowRows} predictions`;
  const shiftFeatures = monitored.features.filter((f) => f.mean_shift).map((f) => f.feature);
  const allFeatures = monitored.features.map((f) => f.feature);
  const overValidation = (key: "rmse" | "mae", label: string): MetricThresholds => {
    const base = validation[key];
    const t = a[key];
    return {
      direction: "above",
      yellow: base * (1 + t.yellow / 100),
      red: base * (1 + t.red / 100),
      over_validation: {statistic: `validation.${key}`, validation: base, yellow_pct: t.yellow, red_pct: t.red},
      basis: `${t.yellow}% and ${t.red}% over the validation ${label} of ${usd(base)} (training_stats), i.e. ${usd(base * (1 + t.yellow / 100))} and ${usd(base * (1 + t.red / 100))}; the percentages are the source of truth, so the lines follow the model when it is retrained.`,
    };
  };
  // Each definition is checked and given its group's name as it is made: the catalogue holds only checked rules.
  const define = <K extends MetricId>(metric: Omit<MetricDefinition, "id" | "group_name"> & {id: K}): MetricDefinition & {id: K} => {
    checkThresholds(metric.id, metric.thresholds);
    return {...metric, group_name: groupNames[metric.group]};
  };
  return {
    rmse: define({
      id: "rmse",
      group: "accuracy",
      name: "RMSE",
      formula: "sqrt(Σ (actual_price − prediction)² / n) over the window's rows",
      unit: "USD",
      window: pooled,
      aggregation: `Pooled over ${trailingText}: sum squared errors and counts per day, then sqrt(ΣSSE / Σn); never a mean of daily RMSEs.`,
      data_source: {columns: ["date", "actual_price", "prediction"], training_stats: ["validation.rmse"]},
      per_feature: false,
      features: null,
      thresholds: {
        ...overValidation("rmse", "RMSE"),
        basis: `Red: the brief's line (Part 3: "RMSE above $10 (22% over validation)"). Yellow: the brief's retraining trigger (Part 4: RMSE degradation above 15%). ` + overValidation("rmse", "RMSE").basis,
      },
      owner: m.owners.accuracy,
    }),
    mae: define({
      id: "mae",
      group: "accuracy",
      name: "MAE",
      formula: "Σ |actual_price − prediction| / n over the window's rows",
      unit: "USD",
      window: pooled,
      aggregation: `Pooled over ${trailingText}: Σ|error| / Σn.`,
      data_source: {columns: ["date", "actual_price", "prediction"], training_stats: ["validation.mae"]},
      per_feature: false,
      features: null,
      thresholds: {
        ...overValidation("mae", "MAE"),
        basis: "The same tolerance as RMSE. MAE rising with RMSE means errors grew broadly; RMSE alone, that a few large errors appeared. " + overValidation("mae", "MAE").basis,
      },
      owner: m.owners.accuracy,
    }),
    mean_shift: define({
      id: "mean_shift",
      group: "drift",
      name: "Feature mean shift",
      formula: "(mean of the feature's present values − training mean) / training mean × 100, one value per monitored feature",
      unit: "%",
      window: pooled,
      aggregation: `Pooled over ${trailingText}: Σx / n_present per feature. Alerted on |shift|, either direction.`,
      data_source: {columns: ["date", ...shiftFeatures], training_stats: ["features.mean", "features.sd"]},
      per_feature: true,
      features: shiftFeatures,
      thresholds: {
        direction: "abs_above",
        yellow: a.meanShift.yellow,
        red: a.meanShift.red,
        basis: `Yellow: the brief's line (Part 3: a feature's "mean shift above 25%"). Red: ours, ${times(a.meanShift.red / a.meanShift.yellow)} the yellow line. Monitored: the top ${m.importantFeatures} features by |β|·training SD, except those whose training mean is near zero (a percentage of a near-zero mean is noise): ${nearZeroMeanRule(m.minAbsMeanInSd)}.`,
        over_validation: null,
      },
      owner: m.owners.drift,
    }),
    missing_rate: define({
      id: "missing_rate",
      group: "drift",
      name: "Feature missing rate",
      formula: "missing values / rows × 100, one value per monitored feature (a value is missing when the cell is empty or NA; serving imputes it with the training mean)",
      unit: "%",
      window: pooled,
      aggregation: `Pooled over ${trailingText}: Σ missing / Σ rows per feature.`,
      data_source: {columns: ["date", ...allFeatures], training_stats: ["features.missing_rate"]},
      per_feature: true,
      features: allFeatures,
      thresholds: {
        direction: "above",
        yellow: a.missingRate.yellow,
        red: a.missingRate.red,
        over_validation: null,
        basis: `Red: the brief's line (Part 3: "missing rate above 15%"). Yellow: ours, ${times(a.missingRate.yellow / a.missingRate.red)} the red line, still about three standard errors above a 2% training rate in a ${m.minWindowRows}-row window.`,
      },
      owner: m.owners.drift,
    }),
    prediction_shift: define({
      id: "prediction_shift",
      group: "drift",
      name: "Prediction drift",
      formula: "(mean of the window's predictions − training mean of actual_price) / training SD of actual_price",
      unit: "training SD",
      window: pooled,
      aggregation: `Pooled over ${trailingText}: Σ prediction / n over every row, labelled or not (it reads no actual price, so it judges days whose labels have not arrived). Alerted on |shift|, either direction.`,
      data_source: {columns: ["date", "prediction"], training_stats: ["target.mean", "target.sd"]},
      per_feature: false,
      features: null,
      thresholds: {
        direction: "abs_above",
        yellow: a.predictionShift.yellow,
        red: a.predictionShift.red,
        over_validation: null,
        basis: `Ours: the Drift page's prediction drift (mean shift in training target SDs) as a rule. Red at ${a.predictionShift.red} SD, the Drift page's large shift (Cohen's d = 0.5); yellow at ${a.predictionShift.yellow} SD. ${predictionShiftNoiseText(stats, m.minWindowRows)}`,
      },
      owner: m.owners.drift,
    }),
    latency_p95: define({
      id: "latency_p95",
      group: "volume_and_latency",
      name: "p95 latency",
      formula: "95th percentile of latency_ms over the day's requests (linear interpolation between order statistics, R type 7)",
      unit: "ms",
      window: today,
      aggregation: "Each calendar day on its own: latency failures are acute (a deploy, a slow feature API) and a weekly pool would dilute them.",
      data_source: {columns: ["date", "latency_ms"], training_stats: []},
      per_feature: false,
      features: null,
      thresholds: {
        direction: "above",
        yellow: a.latencyP95.yellow,
        red: a.latencyP95.red,
        over_validation: null,
        basis: `Red: past the API's ${m.latencyBudgetMs} ms budget. Yellow: ${Math.round((a.latencyP95.yellow / m.latencyBudgetMs) * 100)}% of the budget, when the headroom is gone.`,
      },
      owner: m.owners.serving,
    }),
    volume: define({
      id: "volume",
      group: "volume_and_latency",
      name: "Prediction volume",
      formula: `predictions today / median of daily predictions over the previous ${m.volumeBaselineDays} calendar days × 100`,
      unit: "% of usual",
      window: today,
      aggregation: `Count of today's rows (0 on a day without any); the baseline is the median of up to ${m.volumeBaselineDays} previous days' counts, and needs at least ${m.minBaselineDays} of them.`,
      data_source: {columns: ["date"], training_stats: []},
      per_feature: false,
      features: null,
      thresholds: {
        direction: "below",
        yellow: a.volume.yellow,
        red: a.volume.red,
        over_validation: null,
        basis: `Ours: below ${a.volume.yellow}% of the usual daily count is worth a look; below ${a.volume.red}% most traffic is not being priced by the model (a broken upstream or a failed deploy). A median baseline ignores one odd day.`,
      },
      owner: m.owners.serving,
    }),
    mispricing: define({
      id: "mispricing",
      group: "business",
      name: "Mispriced revenue",
      formula: "(Σ units_sold × max(actual − prediction, 0) + Σ units_sold × max(prediction − actual, 0)) / Σ units_sold × actual_price × 100",
      unit: "% of revenue",
      window: pooled,
      aggregation: `Pooled over ${trailingText}; rows without units_sold are left out of numerator and denominator.`,
      data_source: {columns: ["date", "units_sold", "actual_price", "prediction"], training_stats: []},
      per_feature: false,
      features: null,
      thresholds: {
        direction: "above",
        yellow: a.mispricing.yellow,
        red: a.mispricing.red,
        over_validation: null,
        basis: `Ours: ${mispricingBaselineText(stats)}; past ${a.mispricing.yellow}% the model misprices more than it did in validation, past ${a.mispricing.red}% about one revenue dollar in ${Math.round(100 / a.mispricing.red)} is priced wrong.`,
      },
      owner: m.owners.business,
    }),
    alerts_per_day: define({
      id: "alerts_per_day",
      group: "business",
      name: "Alert frequency",
      formula: "number of yellow and red alerts fired by the other rules on the day (each monitored feature's alert counts once)",
      unit: "alerts",
      window: today,
      aggregation: "Count per calendar day of the daily evaluation.",
      data_source: {columns: [], training_stats: []},
      per_feature: false,
      features: null,
      thresholds: {
        direction: "above",
        yellow: a.alertsPerDay.yellow,
        red: a.alertsPerDay.red,
        over_validation: null,
        basis: `Red: the brief's rollback criterion (Part 5: more than 10 alerts a day). Yellow: ours, ${times(a.alertsPerDay.yellow / a.alertsPerDay.red)} the red line: the on-call load is already heavy.`,
      },
      owner: m.owners.alertLoad,
    }),
  };
}

/**
 * What mispricing looked like in validation, unweighted by units (training
 * has no units): the validation MAE as a share of the training mean price.
 */
export function mispricingBaselinePct(stats: TrainingStats): number | null {
  return stats.target && stats.target.mean > 0 ? (stats.validation.mae / stats.target.mean) * 100 : null;
}

/**
 * The sampling noise of the rule at the smallest judged window: the
 * predictions' SD is about √R² × the target's (validation R²), so their mean
 * over n rows varies by about √R² / √n training SDs without any drift.
 */
function predictionShiftNoiseText(stats: TrainingStats, rows: number): string {
  const r2 = stats.validation.r2;
  if (stats.target === null) return "The training statistics give no target, so the rule reads no data.";
  if (!(r2 >= 0 && r2 <= 1)) return `Validation R² is ${r2}, so the noise of the mean prediction cannot be estimated.`;
  const se = Math.sqrt(r2) / Math.sqrt(rows);
  return `Without drift, the mean of ${rows} predictions varies by about √R²/√${rows} = ${se.toFixed(3)} training SD (validation R² ${r2.toFixed(3)}), so yellow is ${(config.monitoring.alerts.predictionShift.yellow / se).toFixed(1)} and red ${(config.monitoring.alerts.predictionShift.red / se).toFixed(1)} of these standard errors from no drift.`;
}

function mispricingBaselineText(stats: TrainingStats): string {
  const b = mispricingBaselinePct(stats);
  return b === null
    ? "the training statistics give no mean price, so the validation level of mispricing is unknown"
    : `at validation accuracy the mean absolute error was ${b.toFixed(1)}% of the mean training price`;
}
