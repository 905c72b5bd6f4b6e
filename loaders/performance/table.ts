import type {Accumulation} from "../accumulate/index.js";
import type {RowErrors} from "./row-errors.js";
import {config} from "../config.js";
import type {TrainingStats} from "../inputs/index.js";
import {concentration, type Concentration} from "./concentration.js";
import {
  concentrationConclusion,
  dailyConclusion,
  establishedConclusion,
  imputedConclusion,
  overallConclusion,
  quantilesConclusion,
  segmentsConclusion,
  worstConclusion,
} from "./conclusions.js";
import {dailyPerformance, windowComparison, type DayPerformance, type WindowComparison} from "./daily.js";
import {establishedVsNew, type EstablishedVsNew} from "./established.js";
import {groupFigures, type GroupFigures} from "./group.js";
import {byImputed, imputedGroups, imputedSplit, type ImputedGroup, type ImputedPerformance, type ImputedSplit} from "./imputed.js";
import {segmentTable, type SegmentPerformance} from "./segment-table.js";
import {worstRule, worstSegments} from "./worst.js";

export {increasePct} from "./group.js";
export {worstSegments} from "./worst.js";
export type {GroupFigures} from "./group.js";
export type {SegmentPerformance, SegmentStatus} from "./segment-table.js";
export type {DayPerformance, WindowComparison} from "./daily.js";
export type {Concentration, ConcentrationVerdict} from "./concentration.js";

export type OverallPerformance = GroupFigures;

/** One row of the validation-vs-production table. */
export interface MetricComparison {
  metric: "RMSE" | "MAE" | "R²";
  /** "USD" for dollar metrics, "" for R². */
  unit: string;
  validation: number;
  production: number | null;
  change: number | null;
  change_pct: number | null;
}

/** The settings behind the figures, so pages state their rules without typing numbers. */
export interface PerformanceSettings {
  ci_level: number;
  resamples: number;
  seed: number;
  max_draws: number;
  min_segment_rows: number;
  worst_count: number;
  tail_quantile: number;
  near_validation_pct: number;
  concentrated_max_row_share: number;
  rolling_days: number;
}

export interface PerformanceTable {
  n: number;
  validation: TrainingStats["validation"];
  overall: OverallPerformance;
  comparison: MetricComparison[];
  segments: SegmentPerformance[];
  worst_segments: SegmentPerformance[];
  worst_rule: string;
  concentration: Concentration;
  established_vs_new: EstablishedVsNew | null;
  daily: DayPerformance[];
  daily_windows: WindowComparison | null;
  by_imputed: ImputedPerformance[];
  by_imputed_groups: ImputedGroup[];
  imputed_split: ImputedSplit | null;
  settings: PerformanceSettings;
  conclusions: {
    overall: string;
    segments: string;
    worst: string;
    quantiles: string;
    concentration: string;
    established: string;
    imputed: string;
    daily: string;
  };
}

/**
 * Production accuracy against the validation figures in `training_stats`,
 * overall, per segment and per day, from one pass's accumulation alone (so
 * the streaming path gives the same tables).
 */
export function performanceTable(acc: Accumulation, errors: RowErrors, stats: TrainingStats): PerformanceTable {
  const validation = stats.validation;
  const overall = groupFigures(acc.overall.errors, errors.abs, "overall", validation.rmse);
  const segments = segmentTable(acc, errors, stats);
  const worst = worstSegments(segments);
  const conc = concentration(acc, validation.rmse);
  const established = establishedVsNew(acc, errors, stats);
  const daily = dailyPerformance(acc);
  const windows = windowComparison(acc, errors);
  const split = imputedSplit(acc);
  const p = config.performance;
  return {
    n: acc.rows,
    validation,
    overall,
    comparison: [
      comparison("RMSE", "USD", validation.rmse, overall.rmse),
      comparison("MAE", "USD", validation.mae, overall.mae),
      comparison("R²", "", validation.r2, overall.r2),
    ],
    segments,
    worst_segments: worst,
    worst_rule: worstRule(),
    concentration: conc,
    established_vs_new: established,
    daily,
    daily_windows: windows,
    by_imputed: byImputed(acc),
    by_imputed_groups: imputedGroups(acc),
    imputed_split: split,
    settings: {
      ci_level: p.interval.level,
      resamples: p.interval.resamples,
      seed: p.interval.seed,
      max_draws: p.interval.maxDraws,
      min_segment_rows: p.minSegmentRows,
      worst_count: p.worstCount,
      tail_quantile: p.tailQuantile,
      near_validation_pct: p.nearValidationPct,
      concentrated_max_row_share: p.concentratedMaxRowShare,
      rolling_days: p.rollingDays,
    },
    conclusions: {
      overall: overallConclusion(overall, validation),
      segments: segmentsConclusion(segments),
      worst: worstConclusion(worst),
      quantiles: quantilesConclusion(overall, segments),
      concentration: concentrationConclusion(conc, validation.rmse, overall.rmse),
      established: establishedConclusion(established),
      imputed: imputedConclusion(split, acc.rows),
      daily: dailyConclusion(daily, windows),
    },
  };
}

function comparison(metric: MetricComparison["metric"], unit: string, validation: number, production: number | null): MetricComparison {
  return {
    metric,
    unit,
    validation,
    production,
    change: production === null ? null : production - validation,
    change_pct: production === null || validation === 0 ? null : (production / validation - 1) * 100,
  };
}
