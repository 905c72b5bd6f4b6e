import {config} from "../config.js";
import {countsAt, type Accumulation, type AccumulationPlan} from "../accumulate/index.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";
import {present as withValues} from "../shared/index.js";
import {quantilesFromOrder} from "../stats/index.js";
import {cdfBoundaries, ksCritical, largestGap, psiOfShares, quantileBins, validQuantiles, wasserstein, type ValueCounts} from "./distribution.js";

export type PsiLevel = "stable" | "moderate" | "major";

export interface FeatureDistribution {
  feature: string;
  psi: number | null;
  psi_level: PsiLevel | null;
  /** Approximate KS distance (a lower bound of the exact one). */
  ks: number | null;
  /** Two-sample KS critical value at config.driftAnalysis.ksAlpha for these sample sizes. */
  ks_critical: number | null;
  ks_beyond_noise: boolean | null;
  /** 1-Wasserstein distance between the quantile functions, in training SDs. */
  wasserstein_sd: number | null;
  /** Distinct training quantile values treated as point masses (0 for a continuous feature). */
  point_masses: number | null;
  train_quantiles: number[] | null;
  /** Production quantiles (R type 7) at the training probabilities. */
  prod_quantiles: number[] | null;
}

export interface DistributionTable {
  /** Null when the statistics file has no usable quantiles. */
  unavailable: string | null;
  probs: number[] | null;
  features: FeatureDistribution[];
  level_counts: Record<PsiLevel, number>;
  ks_beyond_noise_count: number;
  /** Features of the quantile chart: the highest PSI first. */
  chart_features: string[];
}

export function psiLevel(value: number): PsiLevel {
  const {psiModerate, psiMajor} = config.driftAnalysis;
  return value >= psiMajor ? "major" : value >= psiModerate ? "moderate" : "stable";
}

/**
 * PSI, approximate KS and Wasserstein distance of every model feature against
 * its training quantiles, from the pass's counts around the quantile values
 * and each feature's exact order statistics (loaders/drift/quantile-look.ts).
 */
export function distributionTable(acc: Accumulation, plan: AccumulationPlan, stats: TrainingStats, orderStatistics: (feature: number) => ((k: number) => number) | null): DistributionTable {
  const c = config.driftAnalysis;
  const probs = stats.quantileProbs;
  const trainStats = modelFeatureStats(plan.features, stats);
  const empty = (feature: string): FeatureDistribution => ({
    feature,
    psi: null,
    psi_level: null,
    ks: null,
    ks_critical: null,
    ks_beyond_noise: null,
    wasserstein_sd: null,
    point_masses: null,
    train_quantiles: null,
    prod_quantiles: null,
  });
  const unavailable = !probs || !stats.quantiles ? `${stats.file} has no training quantiles` : null;
  const features = plan.features.map((feature, j): FeatureDistribution => {
    const q = stats.quantiles?.get(feature);
    const bins = acc.bins[j];
    const cuts = plan.cuts[j];
    if (!probs || !q || !validQuantiles(q, probs) || bins === null || cuts === null) return empty(feature);
    const n = acc.features[j].present.n;
    const order = orderStatistics(j);
    if (n === 0 || order === null) return {...empty(feature), train_quantiles: q};
    const counts: ValueCounts = {n, at: (v) => countsAt(cuts, bins, cuts.values.indexOf(v))};
    const train = trainStats[j];
    const bounds = cdfBoundaries(q, probs, counts, c.minPointShare);
    const {expected, actual} = quantileBins(bounds);
    const value = psiOfShares(expected, actual, c.psiEpsilon);
    const ks = largestGap(bounds);
    const trainRows = Math.round(stats.nObs * (1 - train.missingRate));
    const critical = trainRows > 0 ? ksCritical(c.ksAlpha, n, trainRows) : null;
    const prodQuantiles = quantilesFromOrder(n, probs, order);
    return {
      feature,
      psi: value,
      psi_level: psiLevel(value),
      ks,
      ks_critical: critical,
      ks_beyond_noise: critical === null ? null : ks > critical,
      wasserstein_sd: train.sd > 0 ? wasserstein(probs, q, prodQuantiles) / train.sd : null,
      point_masses: bounds.points,
      train_quantiles: q,
      prod_quantiles: prodQuantiles,
    };
  });
  const level_counts: Record<PsiLevel, number> = {stable: 0, moderate: 0, major: 0};
  for (const f of features) if (f.psi_level) ++level_counts[f.psi_level];
  return {
    unavailable: unavailable ?? (features.every((f) => f.psi === null) ? `${stats.file} has no usable quantiles for the model's features` : null),
    probs,
    features,
    level_counts,
    ks_beyond_noise_count: features.filter((f) => f.ks_beyond_noise).length,
    chart_features: withValues(features, "psi")
      .sort((a, b) => b.psi - a.psi || (a.feature < b.feature ? -1 : 1))
      .slice(0, c.quantileChartFeatures)
      .map((f) => f.feature),
  };
}
