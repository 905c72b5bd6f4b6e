import {config} from "../config.js";
import {countsAt, type Accumulation, type AccumulationPlan} from "../accumulate/index.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";
import {present as withValues} from "../shared/index.js";
import {perTestLevel, quantilesFromOrder} from "../stats/index.js";
import {cdfBoundaries, ksCritical, ksPValue, largestGap, psiOfShares, quantileBins, validQuantiles, wasserstein, type ValueCounts} from "./distribution.js";
import {psiRange} from "./psi-range.js";

export type PsiLevel = "stable" | "moderate" | "major";

/** What the distribution tests say of one set of values against the training quantiles: the feature, target and prediction tests alike. */
export interface DistanceFigures {
  /** Approximate KS distance (a lower bound of the exact one). */
  ks: number | null;
  /** Two-sample KS critical value at the family's per-test level for these sample sizes. */
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

export interface FeatureDistribution extends DistanceFigures {
  feature: string;
  /**
   * PSI with each bracketed training CDF value set nearest the production ECDF
   * (distribution.ts): for a continuous feature its PSI, for a discrete one a
   * point inside [psi_min, psi_max], not a bound.
   */
  psi: number | null;
  /** The least and largest PSI over every training distribution with these quantiles (psi-range.ts); both equal psi for a continuous feature. */
  psi_min: number | null;
  psi_max: number | null;
  /** Whether psi_min is attained (true) or a proven lower bound of the least PSI (psi-range.ts). */
  psi_min_exact: boolean | null;
  /** Whether the quantiles' brackets leave PSI a range (a discrete feature whose point masses fall inside the bins). */
  psi_bracketed: boolean | null;
  /** The band the whole range falls in; null when it straddles a band edge (not resolved by the training quantiles). */
  psi_level: PsiLevel | null;
  /** The PSI and its reading at the other floors of config.driftAnalysis.psiEpsilonChecks, in that order. */
  floor_checks: FloorCheck[] | null;
  /** Whether the reading (band, or not resolved) at any of those floors differs from the one at psiEpsilon. */
  floor_dependent: boolean | null;
}

export interface FloorCheck {
  epsilon: number;
  psi: number;
  psi_min: number;
  psi_max: number;
  psi_level: PsiLevel | null;
}

export interface DistributionTable {
  /** Null when the statistics file has no usable quantiles. */
  unavailable: string | null;
  probs: number[] | null;
  features: FeatureDistribution[];
  /** Features by proven band (their whole PSI range in it). */
  level_counts: Record<PsiLevel, number>;
  /** Features whose PSI range straddles a band edge, highest psi_max first. */
  unresolved: string[];
  ks_beyond_noise_count: number;
  /** The features with a KS test (the family config.driftAnalysis.multipleTesting corrects for). */
  ks_tests: number;
  /** The per-test level each KS test is judged at after the correction (5% / ks_tests under Bonferroni). */
  ks_level: number;
  /** Features whose reading depends on the empty-share floor (floor_dependent). */
  floor_dependent: string[];
  /** Features of the quantile chart: the highest PSI first. */
  chart_features: string[];
}

export function psiLevel(value: number): PsiLevel {
  const {psiModerate, psiMajor} = config.driftAnalysis;
  return value >= psiMajor ? "major" : value >= psiModerate ? "moderate" : "stable";
}

/** The band of a PSI known to lie in [min, max]: the band of both ends, or null when they differ (a band edge inside the range). */
export function provenLevel(min: number, max: number): PsiLevel | null {
  const level = psiLevel(min);
  return psiLevel(max) === level ? level : null;
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
    psi_min: null,
    psi_max: null,
    psi_min_exact: null,
    psi_bracketed: null,
    psi_level: null,
    floor_checks: null,
    floor_dependent: null,
    ks: null,
    ks_critical: null,
    ks_beyond_noise: null,
    wasserstein_sd: null,
    point_masses: null,
    train_quantiles: null,
    prod_quantiles: null,
  });
  const unavailable = !probs || !stats.quantiles ? `${stats.file} has no training quantiles` : null;
  // Each feature's figures, with its KS sample sizes (production n, training m) when it has a KS test.
  const tested = plan.features.map((feature, j): {row: FeatureDistribution; ks: {d: number; n: number; m: number} | null} => {
    const q = stats.quantiles?.get(feature);
    const bins = acc.bins[j];
    const cuts = plan.cuts[j];
    if (!probs || !q || !validQuantiles(q, probs) || bins === null || cuts === null) return {row: empty(feature), ks: null};
    const n = acc.features[j].present.n;
    const order = orderStatistics(j);
    if (n === 0 || order === null) return {row: {...empty(feature), train_quantiles: q}, ks: null};
    const counts: ValueCounts = {n, at: (v) => countsAt(cuts, bins, cuts.values.indexOf(v))};
    const train = trainStats[j];
    const bounds = cdfBoundaries(q, probs, counts, c.minPointShare);
    const {expected, actual} = quantileBins(bounds);
    const value = psiOfShares(expected, actual, c.psiEpsilon);
    const range = psiRange(bounds, c.psiEpsilon);
    const level = range.free ? provenLevel(range.min, range.max) : psiLevel(value);
    const floorChecks = c.psiEpsilonChecks.map((epsilon): FloorCheck => {
      const r = psiRange(bounds, epsilon);
      return {epsilon, psi: psiOfShares(expected, actual, epsilon), psi_min: r.min, psi_max: r.max, psi_level: r.free ? provenLevel(r.min, r.max) : psiLevel(r.min)};
    });
    const ks = largestGap(bounds);
    const trainRows = Math.round(stats.nObs * (1 - train.missingRate));
    const prodQuantiles = quantilesFromOrder(n, probs, order);
    const row: FeatureDistribution = {
      feature,
      psi: value,
      psi_min: range.min,
      psi_max: range.max,
      psi_min_exact: range.exact_min,
      psi_bracketed: range.free,
      psi_level: level,
      floor_checks: floorChecks,
      floor_dependent: floorChecks.some((x) => x.psi_level !== level),
      ks,
      // Set below, once the family's per-test level is known.
      ks_critical: null,
      ks_beyond_noise: null,
      wasserstein_sd: train.sd > 0 ? wasserstein(probs, q, prodQuantiles) / train.sd : null,
      point_masses: bounds.points,
      train_quantiles: q,
      prod_quantiles: prodQuantiles,
    };
    return {row, ks: trainRows > 0 ? {d: ks, n, m: trainRows} : null};
  });
  // The KS family: every feature with a distance and training rows, corrected together (config.driftAnalysis.multipleTesting).
  const {correction, familyAlpha} = c.multipleTesting;
  const family = withValues(tested, "ks");
  const ksLevel = perTestLevel(
    family.map(({ks}) => ksPValue(ks.d, ks.n, ks.m)),
    familyAlpha,
    correction,
  );
  const features = tested.map(({row, ks}): FeatureDistribution => {
    if (ks === null) return row;
    const critical = ksCritical(ksLevel, ks.n, ks.m);
    return {...row, ks_critical: critical, ks_beyond_noise: ks.d > critical};
  });
  const level_counts: Record<PsiLevel, number> = {stable: 0, moderate: 0, major: 0};
  for (const f of features) if (f.psi_level) ++level_counts[f.psi_level];
  return {
    unavailable: unavailable ?? (features.every((f) => f.psi === null) ? `${stats.file} has no usable quantiles for the model's features` : null),
    probs,
    features,
    level_counts,
    unresolved: features
      .filter((f) => f.psi !== null && f.psi_level === null)
      .sort((a, b) => (b.psi_max ?? 0) - (a.psi_max ?? 0) || (a.feature < b.feature ? -1 : 1))
      .map((f) => f.feature),
    ks_beyond_noise_count: features.filter((f) => f.ks_beyond_noise).length,
    ks_tests: family.length,
    ks_level: ksLevel,
    floor_dependent: features.filter((f) => f.floor_dependent).map((f) => f.feature),
    chart_features: withValues(features, "psi")
      .sort((a, b) => b.psi - a.psi || (a.feature < b.feature ? -1 : 1))
      .slice(0, c.quantileChartFeatures)
      .map((f) => f.feature),
  };
}
