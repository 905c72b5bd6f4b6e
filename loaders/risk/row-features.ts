import {config} from "../config.js";
import {criticalFeatures, type FeatureImportance} from "../scoring/index.js";
import type {TrainingStats} from "../inputs/index.js";

/** Model features measured in the target's unit: the price-like inputs the fallback may serve instead of the model. */
export function priceFeatures(features: readonly string[], stats: TrainingStats): string[] {
  const unit = new Map(stats.features.map((f) => [f.feature, f.unit]));
  return features.filter((f) => unit.get(f) === config.risk.priceUnit);
}

/**
 * The feature columns the risk table reads row by row, in model order: the
 * critical features (whether a row misses any of them) and the price-like
 * ones (their values, for the fallback and the sanity check). Declared here,
 * next to the code that reads them, so a path that cannot hold every column
 * (the streaming one) keeps exactly these.
 */
export function riskRowFeatures(features: readonly string[], stats: TrainingStats, importance: readonly FeatureImportance[]): string[] {
  const read = new Set([...criticalFeatures(importance).features.map((f) => f.feature), ...priceFeatures(features, stats)]);
  return features.filter((f) => read.has(f));
}
