import {config} from "../config.js";
import {isNearZeroMean} from "../shared/index.js";
import type {FeatureImportance} from "../scoring/index.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";

export interface MonitoredFeature {
  feature: string;
  /** Position in the model's feature order (the accumulation's order). */
  index: number;
  /** 1 = most important by |β|·training SD. */
  rank: number;
  importance: number;
  train_mean: number;
  train_sd: number;
  /** Training missing rate, in percent. */
  train_missing_pct: number;
  /** Whether its mean shift is alerted on (false when its training mean is near zero). */
  mean_shift: boolean;
}

export interface MonitoredFeatures {
  features: MonitoredFeature[];
  /** Share of the model's total |β|·SD that the monitored features carry. */
  importance_share: number;
  excluded_from_mean_shift: {feature: string; train_mean: number; train_sd: number}[];
}

/**
 * The features whose drift is alerted on: the most important ones by
 * |β|·training SD. A percentage mean shift needs a training mean well away
 * from zero, so features whose mean is near zero (the one rule,
 * loaders/shared/near-zero.ts) keep their missing-rate alert but drop the
 * mean-shift one.
 */
export function monitoredFeatures(
  importance: readonly FeatureImportance[],
  modelFeatures: readonly string[],
  stats: TrainingStats,
  count: number = config.monitoring.importantFeatures,
  minAbsMeanInSd: number = config.monitoring.minAbsMeanInSd,
): MonitoredFeatures {
  const train = modelFeatureStats(modelFeatures, stats);
  const top = importance.slice(0, count);
  const features = top.map((f): MonitoredFeature => {
    const s = train[f.index];
    return {
      feature: f.feature,
      index: f.index,
      rank: f.rank,
      importance: f.importance,
      train_mean: s.mean,
      train_sd: s.sd,
      train_missing_pct: s.missingRate * 100,
      mean_shift: !isNearZeroMean(s.mean, s.sd, minAbsMeanInSd),
    };
  });
  const total = importance.reduce((sum, f) => sum + f.importance, 0);
  return {
    features,
    importance_share: total > 0 ? top.reduce((sum, f) => sum + f.importance, 0) / total : 0,
    excluded_from_mean_shift: features.filter((f) => !f.mean_shift).map(({feature, train_mean, train_sd}) => ({feature, train_mean, train_sd})),
  };
}
