import {median} from "d3";
import {config} from "../config.js";
import {meanOf, quantiles} from "../stats/index.js";
import {type DaySums, mispricingPct, pool, type PooledSums, trailing} from "../daily/index.js";
import type {MonitoredFeature} from "./features.js";

/** A monitored feature over the trailing window. */
export interface FeatureWindow {
  feature: string;
  /** Signed % shift of the window's mean from the training mean; null when not monitored for shift or not evaluable. */
  mean_shift_pct: number | null;
  missing_pct: number | null;
}

/**
 * One calendar day's figures: the day alone (noisy at a few rows a day) and
 * the trailing window the accuracy, drift and impact alerts use. `null` where
 * a figure cannot be computed: no rows, too few rows in the window, a column
 * absent from the log.
 */
export interface DayFigures {
  date: string;
  /** 1 for the window's first day. */
  day: number;
  n: number;
  /** Today's rows with an actual price: the accuracy figures' rows (the others await their labels). */
  labelled: number;
  /** Today's accuracy, over its labelled rows; null without any. */
  rmse: number | null;
  mae: number | null;
  bias: number | null;
  /** Rows in the trailing window ending today. */
  window_n: number;
  /** Of them, the rows with an actual price: what the accuracy and mispricing rules pool and count toward min_rows. */
  window_labelled_n: number;
  /**
   * False when today has rows but none has its actual price yet ("no labels
   * yet"): the accuracy rules then read no data rather than re-judge the
   * earlier days' labels as today's.
   */
  labels_today: boolean;
  rmse_trailing: number | null;
  mae_trailing: number | null;
  latency_p50: number | null;
  latency_p95: number | null;
  /** Today's rows with a latency (what the p95 is taken over; a row without latency_ms is left out). */
  latency_n: number;
  /** Missing cells / all model-feature cells today, in %. */
  missing_all_pct: number | null;
  /** Highest missing rate among the monitored features: today, and over the window. */
  missing_max_pct: number | null;
  missing_max_trailing_pct: number | null;
  missing_max_trailing_feature: string | null;
  /** Largest |mean shift| among the mean-shift features: today, and over the window. */
  mean_shift_max_pct: number | null;
  mean_shift_max_trailing_pct: number | null;
  mean_shift_max_trailing_feature: string | null;
  /** Prediction drift: (mean prediction − training target mean) / training target SD, today and over the window; null without target statistics. */
  prediction_shift_sd: number | null;
  prediction_shift_trailing_sd: number | null;
  /** Median count of the previous days (the volume baseline), and today's count as % of it. */
  volume_baseline: number | null;
  volume_pct: number | null;
  underpriced_usd: number | null;
  overpriced_usd: number | null;
  revenue_usd: number | null;
  mispricing_pct: number | null;
  mispricing_trailing_pct: number | null;
  features_trailing: FeatureWindow[];
}

/** The training target's mean and SD (training_stats' target), what prediction drift is measured against. */
export interface TargetMoments {
  mean: number;
  sd: number;
}

export interface SeriesOptions {
  hasUnits: boolean;
  /** Null when the training statistics have no target (prediction drift then reads no data). */
  target: TargetMoments | null;
  windowDays?: number;
  minWindowRows?: number;
  baselineDays?: number;
  minBaselineDays?: number;
}

/** The daily series of every monitored figure, from the calendar-filled day sums. */
export function dailyFigures(days: readonly DaySums[], monitored: readonly MonitoredFeature[], options: SeriesOptions): DayFigures[] {
  const m = config.monitoring;
  const width = options.windowDays ?? m.windowDays;
  const minRows = options.minWindowRows ?? m.minWindowRows;
  const baselineDays = options.baselineDays ?? m.volumeBaselineDays;
  const minBaseline = options.minBaselineDays ?? m.minBaselineDays;
  const shiftFeatures = monitored.filter((f) => f.mean_shift);
  return days.map((d, i): DayFigures => {
    const window = pool(trailing(days, i, width));
    const enough = window.rows >= minRows;
    const today = d.rows > 0;
    const labelled = d.errors.n;
    const labelsToday = !today || labelled > 0;
    // Accuracy and mispricing pool the window's labelled rows, and need as many of them (issue 22).
    const accuracyReady = labelsToday && window.errors.n >= minRows;
    const [p50, p95] = d.latencyMs.length > 0 ? quantiles(d.latencyMs, [0.5, 0.95]) : [null, null];
    const previous = days.slice(Math.max(0, i - baselineDays), i).map((p) => p.rows);
    const baseline = previous.length >= minBaseline ? (median(previous) ?? null) : null;
    const featuresTrailing = monitored.map((f): FeatureWindow => ({
      feature: f.feature,
      mean_shift_pct: enough && f.mean_shift ? meanShiftPct(window, f) : null,
      missing_pct: enough ? missingPct(window, f) : null,
    }));
    const worstMissing = argMax(featuresTrailing, (f) => f.missing_pct);
    const worstShift = argMax(featuresTrailing, (f) => absOrNull(f.mean_shift_pct));
    return {
      date: d.date,
      day: i + 1,
      n: d.rows,
      labelled,
      rmse: labelled > 0 ? Math.sqrt(d.errors.sumSquaredError / labelled) : null,
      mae: labelled > 0 ? d.errors.sumAbsError / labelled : null,
      bias: labelled > 0 ? d.errors.sumError / labelled : null,
      window_n: window.rows,
      window_labelled_n: window.errors.n,
      labels_today: labelsToday,
      rmse_trailing: accuracyReady ? Math.sqrt(window.errors.sumSquaredError / window.errors.n) : null,
      mae_trailing: accuracyReady ? window.errors.sumAbsError / window.errors.n : null,
      latency_p50: p50,
      latency_p95: p95,
      latency_n: d.latencyMs.length,
      missing_all_pct: today ? (d.features.reduce((s, f) => s + f.missing, 0) / (d.rows * d.features.length)) * 100 : null,
      missing_max_pct: today ? maxOf(monitored.map((f) => missingPct(d, f))) : null,
      missing_max_trailing_pct: worstMissing ? worstMissing.key : null,
      missing_max_trailing_feature: worstMissing ? worstMissing.item.feature : null,
      mean_shift_max_pct: today ? maxOf(shiftFeatures.map((f) => absOrNull(meanShiftPct(d, f)))) : null,
      mean_shift_max_trailing_pct: worstShift ? worstShift.key : null,
      mean_shift_max_trailing_feature: worstShift ? worstShift.item.feature : null,
      prediction_shift_sd: today ? predictionShiftSd(d, options.target) : null,
      prediction_shift_trailing_sd: enough ? predictionShiftSd(window, options.target) : null,
      volume_baseline: baseline,
      volume_pct: baseline === null || baseline === 0 ? null : (d.rows / baseline) * 100,
      underpriced_usd: options.hasUnits ? d.impact.underpriced : null,
      overpriced_usd: options.hasUnits ? d.impact.overpriced : null,
      revenue_usd: options.hasUnits ? d.impact.revenue : null,
      mispricing_pct: options.hasUnits ? mispricingPct(d.impact) : null,
      mispricing_trailing_pct: options.hasUnits && accuracyReady ? mispricingPct(window.impact) : null,
      features_trailing: featuresTrailing,
    };
  });
}

export function meanShiftPct(sums: PooledSums, f: MonitoredFeature): number | null {
  const mean = meanOf(sums.features[f.index].present);
  return mean === null || f.train_mean === 0 ? null : ((mean - f.train_mean) / f.train_mean) * 100;
}

/** The drift of the predictions' mean in training target SDs: the Drift page's mean_shift_sd of the predictions. */
export function predictionShiftSd(sums: Pick<PooledSums, "rows" | "predictionSum">, target: TargetMoments | null): number | null {
  if (target === null || !(target.sd > 0) || sums.rows === 0) return null;
  return (sums.predictionSum / sums.rows - target.mean) / target.sd;
}

export function missingPct(sums: PooledSums, f: MonitoredFeature): number | null {
  return sums.rows > 0 ? (sums.features[f.index].missing / sums.rows) * 100 : null;
}

function absOrNull(x: number | null): number | null {
  return x === null ? null : Math.abs(x);
}

function maxOf(values: (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

/** The item with the largest key, and the key (the first on ties, so model importance order breaks them); null when no key is defined. */
function argMax<T>(items: readonly T[], key: (item: T) => number | null): {item: T; key: number} | null {
  let best: {item: T; key: number} | null = null;
  let bestKey = -Infinity;
  for (const item of items) {
    const k = key(item);
    if (k !== null && k > bestKey) {
      best = {item, key: k};
      bestKey = k;
    }
  }
  return best;
}
