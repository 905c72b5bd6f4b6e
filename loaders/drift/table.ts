import type {Accumulation} from "../accumulate/index.js";
import {config} from "../config.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import {meanOf, sampleSd} from "../stats/index.js";

export interface FeatureDrift {
  feature: string;
  source: string;
  unit: string;
  train_mean: number;
  prod_mean: number | null;
  /** (production − training mean) / training mean × 100; null when the training mean is 0. */
  mean_shift_pct: number | null;
  /** The same shift in training SDs: meaningful also when the mean is near zero. */
  mean_shift_sd: number | null;
  train_sd: number;
  prod_sd: number | null;
  sd_change_pct: number | null;
  train_missing_rate: number;
  prod_missing_rate: number;
  /** Values present in production. */
  prod_n: number;
  severe: boolean;
}

export interface NewSegment {
  segment: string;
  n: number;
  share: number;
}

export interface DriftTable {
  features: FeatureDrift[];
  severe_count: number;
  /** Missing feature cells / all feature cells in production. */
  overall_missing_rate: number;
  train_overall_missing_rate: number;
  new_categories: NewSegment[];
  new_category_share: number | null;
  new_brands: NewSegment[];
  new_brand_share: number | null;
}

/** Brief, Part 2: |mean shift| > 20% or |SD change| > 30% is severe drift. */
export function isSevere(meanShiftPct: number | null, sdChangePct: number | null): boolean {
  const {severeMeanShiftPct, severeSdChangePct} = config.drift;
  return (meanShiftPct !== null && Math.abs(meanShiftPct) > severeMeanShiftPct) || (sdChangePct !== null && Math.abs(sdChangePct) > severeSdChangePct);
}

/** Training vs production distribution of every model feature (in model order), from the pass's moments. */
export function driftTable(acc: Accumulation, features: readonly string[], stats: TrainingStats): DriftTable {
  const trainRows = modelFeatureStats(features, stats);
  const rows = features.map((feature, j): FeatureDrift => {
    const train = trainRows[j];
    const {present, missing} = acc.features[j];
    const prodMean = meanOf(present);
    const prodSd = sampleSd(present);
    const meanShiftPct = prodMean === null || train.mean === 0 ? null : ((prodMean - train.mean) / train.mean) * 100;
    const sdChangePct = prodSd === null || train.sd === 0 ? null : ((prodSd - train.sd) / train.sd) * 100;
    return {
      feature,
      source: train.source,
      unit: train.unit,
      train_mean: train.mean,
      prod_mean: prodMean,
      mean_shift_pct: meanShiftPct,
      mean_shift_sd: prodMean === null || train.sd === 0 ? null : (prodMean - train.mean) / train.sd,
      train_sd: train.sd,
      prod_sd: prodSd,
      sd_change_pct: sdChangePct,
      train_missing_rate: train.missingRate,
      prod_missing_rate: missing / acc.rows,
      prod_n: present.n,
      severe: isSevere(meanShiftPct, sdChangePct),
    };
  });
  const missingCells = acc.features.reduce((sum, f) => sum + f.missing, 0);
  const newCategories = unseen(acc.segments.category, stats.categories, acc.rows);
  const newBrands = unseen(acc.segments.brand, stats.brands, acc.rows);
  return {
    features: rows,
    severe_count: rows.filter((f) => f.severe).length,
    overall_missing_rate: missingCells / (acc.rows * rows.length),
    train_overall_missing_rate: rows.reduce((sum, f) => sum + f.train_missing_rate, 0) / rows.length,
    new_categories: newCategories,
    new_category_share: stats.categories ? totalRows(newCategories) / acc.rows : null,
    new_brands: newBrands,
    new_brand_share: stats.brands ? totalRows(newBrands) / acc.rows : null,
  };
}

/** Production segments absent from the training counts; none when training counts are unknown. */
function unseen(production: Map<string, {rows: number}>, training: Map<string, number> | null, rows: number): NewSegment[] {
  if (!training) return [];
  return [...production]
    .filter(([segment]) => !training.has(segment))
    .map(([segment, g]) => ({segment, n: g.rows, share: g.rows / rows}))
    .sort((a, b) => b.n - a.n || compare(a.segment, b.segment));
}

function totalRows(segments: readonly NewSegment[]): number {
  return segments.reduce((sum, s) => sum + s.n, 0);
}
