import type {Accumulation} from "./accumulate.js";
import {config} from "./config.js";
import type {TrainingStats} from "./inputs/training-stats.js";
import {compare} from "./order.js";
import {dimensions, type Dimension} from "./segments.js";
import {accuracy, type Accuracy} from "./stats/error-sums.js";
import {quantile} from "./stats/quantile.js";

export interface OverallPerformance {
  rmse: number;
  mae: number;
  r2: number | null;
  bias: number;
  p95_abs_error: number;
  rmse_increase_pct: number;
}

export interface SegmentPerformance {
  dimension: Dimension;
  segment: string;
  n: number;
  rmse: number;
  mae: number;
  bias: number;
  r2: number | null;
  p95_abs_error: number;
  rmse_increase_pct: number;
  /** Mean actual price of the segment's rows (orders price tiers without naming them). */
  mean_actual_price: number;
}

export interface DayPerformance {
  date: string;
  n: number;
  rmse: number;
  mae: number;
  bias: number;
}

export interface PerformanceTable {
  n: number;
  validation: TrainingStats["validation"];
  overall: OverallPerformance;
  segments: SegmentPerformance[];
  worst_segments: SegmentPerformance[];
  daily: DayPerformance[];
  by_imputed: {imputed_features: number; n: number; rmse: number; mae: number}[];
}

/** RMSE increase over validation, in percent. */
export function increasePct(value: number, baseline: number): number {
  return (value / baseline - 1) * 100;
}

/**
 * Production accuracy against the validation figures in `training_stats`,
 * overall, per segment and per day, from one pass's accumulation alone (so
 * the streaming path gives the same tables).
 */
export function performanceTable(acc: Accumulation, stats: TrainingStats): PerformanceTable {
  const p = config.performance.tailQuantile;
  const validation = stats.validation;
  const overall = accuracy(acc.overall.errors);
  const segments: SegmentPerformance[] = [];
  for (const dimension of dimensions) {
    const rows = [...acc.segments[dimension]].map(([segment, sums]): SegmentPerformance => {
      const a = accuracy(sums.errors);
      return {
        dimension,
        segment,
        ...pick(a),
        r2: a.r2,
        p95_abs_error: quantile(sums.absErrors, p),
        rmse_increase_pct: increasePct(a.rmse, validation.rmse),
        mean_actual_price: sums.errors.actual.mean,
      };
    });
    // Price tiers read best from cheap to dear; other segments alphabetically.
    rows.sort(dimension === "price_tier" ? (a, b) => a.mean_actual_price - b.mean_actual_price : (a, b) => compare(a.segment, b.segment));
    segments.push(...rows);
  }
  return {
    n: acc.rows,
    validation,
    overall: {
      rmse: overall.rmse,
      mae: overall.mae,
      r2: overall.r2,
      bias: overall.bias,
      p95_abs_error: quantile(acc.overall.absErrors, p),
      rmse_increase_pct: increasePct(overall.rmse, validation.rmse),
    },
    segments,
    worst_segments: worstSegments(segments),
    daily: [...acc.days].sort(([a], [b]) => compare(a, b)).map(([date, day]) => ({date, ...pick(accuracy(day.errors))})),
    by_imputed: [...acc.byImputed].sort(([a], [b]) => a - b).map(([k, sums]) => {
      const a = accuracy(sums);
      return {imputed_features: k, n: a.n, rmse: a.rmse, mae: a.mae};
    }),
  };
}

/**
 * The five worst segments by RMSE among those with enough rows to be judged
 * (config.performance.minSegmentRows), so a three-product segment cannot top
 * the list by noise.
 */
export function worstSegments(segments: readonly SegmentPerformance[], count = 5): SegmentPerformance[] {
  return segments
    .filter((s) => s.n >= config.performance.minSegmentRows)
    .sort((a, b) => b.rmse - a.rmse)
    .slice(0, count);
}

function pick({n, rmse, mae, bias}: Accuracy) {
  return {n, rmse, mae, bias};
}

