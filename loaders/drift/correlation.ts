import {config} from "../config.js";
import type {FeatureImportance} from "../scoring/index.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import {kellySkewness, normalCdf, normalQuantile, pairCorrelation, perTestLevel, type CoMoments, type Correction} from "../stats/index.js";

export interface CorrelationPair {
  a: string;
  b: string;
  /** As stored in the training statistics. */
  train_r: number;
  /**
   * The training value if its mean imputation shrank it as independent
   * missingness would (train_r when training was not imputed). The value
   * without imputation lies between train_r (features missing together) and this.
   */
  train_r_adjusted: number;
  /** Production, over the rows where both features are present. */
  prod_r: number;
  n: number;
  /** prod_r − train_r. */
  delta: number;
  /** Fisher's z of production against the nearest plausible training value (0 when inside the range). */
  z: number;
  beyond_noise: boolean;
  /**
   * Whether Fisher's z is out of its depth here: |r| at least fisherHighR and
   * a feature skewed beyond fisherSkewness (config), where z overstates the
   * significance; null when the skewness is unknown (no training quantiles).
   */
  normality_doubtful: boolean | null;
}

/** What the log says about how the training matrix was made, over the strong pairs. */
export interface ImputationEvidence {
  /** Pairs with |r_train| above config.driftAnalysis.correlation.evidenceMinR. */
  pairs: number;
  /** Median r_prod / r_train over them (production on pairwise-complete rows, so not shrunk). */
  median_ratio: number;
  /** Median r_train_adjusted / r_train: what the ratio would be if mean imputation had shrunk training as independent missingness does. */
  predicted_ratio: number;
}

export interface CorrelationReport {
  /** Why the section cannot be computed; null when it can. */
  unavailable: string | null;
  /**
   * Whether the training matrix is taken to have been computed after mean
   * imputation (and so adjusted here). An assumption: it is inferred from the
   * word "mean" in the serving imputation field (`imputation_field`); the
   * statistics file does not say how its matrix was made.
   */
  adjusted_for_imputation: boolean;
  imputation_field: string;
  /** The log's evidence for or against that assumption; null with no strong pairs. */
  imputation_evidence: ImputationEvidence | null;
  /** Of the changes beyond noise, those where Fisher's z is out of its depth (normality_doubtful). */
  beyond_noise_doubtful: number;
  features_compared: number;
  pairs_compared: number;
  /** Family-wise level, and the correction over the pairs (config.driftAnalysis.multipleTesting). */
  alpha: number;
  correction: Correction;
  /** |z| above which a change is beyond sampling noise (the correction's per-test level over all pairs). */
  z_critical: number | null;
  beyond_noise_count: number;
  /** Largest shrinkage factor applied to a training value (1 − √((1−mᵢ)(1−mⱼ))), as a share. */
  max_imputation_shrinkage: number;
  /** The pairs whose correlation changed most, by |Δr|. */
  top_pairs: CorrelationPair[];
  /** The changes beyond noise, by |z|. */
  top_beyond_noise: CorrelationPair[];
  /** Δr among the most important features (both orders of each pair, for a square heat map). */
  heatmap: {features: string[]; cells: CorrelationPair[]};
}

/**
 * Correlations of mean-imputed values are shrunk: imputed rows add nothing to
 * the covariance but count in n. With independent missingness r_imputed ≈ r ×
 * √((1−mᵢ)(1−mⱼ)); with features always missing together, r_imputed ≈ r. The
 * training matrix was computed that way (about 2% missing) and which case
 * holds is unknown, so the training value without imputation is known only to
 * lie between the stored r and r / factor.
 */
export function imputationFactor(missingA: number, missingB: number): number {
  return Math.sqrt((1 - missingA) * (1 - missingB));
}

/** Fisher's z statistic for the difference between two independent correlations. */
export function fisherZ(r1: number, n1: number, r2: number, n2: number): number {
  const clip = (r: number) => Math.max(-1 + 1e-12, Math.min(1 - 1e-12, r));
  return (Math.atanh(clip(r2)) - Math.atanh(clip(r1))) / Math.sqrt(1 / (n1 - 3) + 1 / (n2 - 3));
}

/** Production pairwise correlations (from the pass's co-moments: `features` is their order) against the training matrix. */
export function correlationReport(comoments: CoMoments, features: readonly string[], stats: TrainingStats, importance: readonly FeatureImportance[]): CorrelationReport {
  const c = config.driftAnalysis.correlation;
  const {correction, familyAlpha} = config.driftAnalysis.multipleTesting;
  const matrix = stats.correlation;
  const empty = (why: string): CorrelationReport => ({
    unavailable: why,
    adjusted_for_imputation: false,
    imputation_field: stats.imputation,
    imputation_evidence: null,
    beyond_noise_doubtful: 0,
    features_compared: 0,
    pairs_compared: 0,
    alpha: familyAlpha,
    correction,
    z_critical: null,
    beyond_noise_count: 0,
    max_imputation_shrinkage: 0,
    top_pairs: [],
    top_beyond_noise: [],
    heatmap: {features: [], cells: []},
  });
  if (!matrix) return empty(`${stats.file} has no training correlation matrix`);
  const adjust = /mean/i.test(stats.imputation);
  const trainRows = modelFeatureStats(features, stats);
  // The model's features in the matrix, in the model's order: matrix position i, column j and training missing rate.
  const at = features.flatMap((f, j) => {
    const i = matrix.features.indexOf(f);
    const q = stats.quantiles?.get(f);
    const skew = q && stats.quantileProbs && q.length === stats.quantileProbs.length ? kellySkewness(q, stats.quantileProbs) : null;
    return i < 0 ? [] : [{feature: f, i, j, missing: trainRows[j].missingRate, skew}];
  });
  if (at.length < 2) return empty(`${stats.file}'s correlation matrix covers fewer than two of the model's features`);

  const pairs: CorrelationPair[] = [];
  const byKey = new Map<string, CorrelationPair>();
  let maxShrink = 0;
  for (let u = 0; u < at.length; ++u) {
    for (let v = u + 1; v < at.length; ++v) {
      const a = at[u].feature;
      const b = at[v].feature;
      const train = matrix.values[at[u].i][at[v].i];
      const {r, n} = pairCorrelation(comoments, at[u].j, at[v].j);
      if (r === null || n < 4) continue;
      const factor = adjust ? imputationFactor(at[u].missing, at[v].missing) : 1;
      maxShrink = Math.max(maxShrink, 1 - factor);
      const adjusted = Math.max(-1, Math.min(1, train / factor));
      // Compare with the plausible training value nearest production: a change is counted only if imputation cannot explain it.
      const nearest = Math.min(Math.max(r, Math.min(train, adjusted)), Math.max(train, adjusted));
      const trainRows = stats.nObs * factor * factor;
      const skews = [at[u].skew, at[v].skew];
      const skewed = skews.some((x) => x !== null && Math.abs(x) >= c.fisherSkewness);
      const high = Math.max(Math.abs(train), Math.abs(r)) >= c.fisherHighR;
      const doubtful = !high ? false : skewed ? true : skews.some((x) => x === null) ? null : false;
      const pair: CorrelationPair = {a, b, train_r: train, train_r_adjusted: adjusted, prod_r: r, n, delta: r - train, z: fisherZ(nearest, trainRows, r, n), beyond_noise: false, normality_doubtful: doubtful};
      pairs.push(pair);
      byKey.set(`${a}\t${b}`, pair);
    }
  }
  // Two-sided p-values of the z statistics; the correction's per-test level gives the critical |z|.
  const level = perTestLevel(
    pairs.map((p) => 2 * normalCdf(-Math.abs(p.z))),
    familyAlpha,
    correction,
  );
  const zCritical = pairs.length ? normalQuantile(1 - level / 2) : null;
  for (const p of pairs) p.beyond_noise = zCritical !== null && Math.abs(p.z) > zCritical;
  const byName = (x: CorrelationPair, y: CorrelationPair) => compare(x.a, y.a) || compare(x.b, y.b);

  const inMatrix = new Set(at.map((x) => x.feature));
  const heatFeatures = importance.filter((f) => inMatrix.has(f.feature)).slice(0, c.heatmapFeatures).map((f) => f.feature);
  const cells: CorrelationPair[] = [];
  for (const a of heatFeatures) {
    for (const b of heatFeatures) {
      if (a === b) continue;
      const pair = byKey.get(`${a}\t${b}`) ?? byKey.get(`${b}\t${a}`);
      if (pair) cells.push({...pair, a, b});
    }
  }

  const strong = pairs.filter((p) => Math.abs(p.train_r) > c.evidenceMinR);
  const evidence = strong.length
    ? {pairs: strong.length, median_ratio: median(strong.map((p) => p.prod_r / p.train_r)), predicted_ratio: median(strong.map((p) => p.train_r_adjusted / p.train_r))}
    : null;
  return {
    unavailable: null,
    adjusted_for_imputation: adjust,
    imputation_field: stats.imputation,
    imputation_evidence: evidence,
    beyond_noise_doubtful: pairs.filter((p) => p.beyond_noise && p.normality_doubtful).length,
    features_compared: at.length,
    pairs_compared: pairs.length,
    alpha: familyAlpha,
    correction,
    z_critical: zCritical,
    beyond_noise_count: pairs.filter((p) => p.beyond_noise).length,
    max_imputation_shrinkage: maxShrink,
    top_pairs: [...pairs].sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || byName(x, y)).slice(0, c.topPairs),
    top_beyond_noise: pairs
      .filter((p) => p.beyond_noise)
      .sort((x, y) => Math.abs(y.z) - Math.abs(x.z) || byName(x, y))
      .slice(0, c.topPairs),
    heatmap: {features: heatFeatures, cells},
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
