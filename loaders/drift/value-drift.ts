import {config} from "../config.js";
import {quantilesFromOrder} from "../stats/index.js";
import {cdfBoundaries, countsOfSorted, ksCritical, largestGap, psiOfShares, quantileBins, validQuantiles} from "./distribution.js";
import {wasserstein} from "./distribution.js";
import {psiLevel, type DistanceFigures, type PsiLevel} from "./distribution-table.js";

/** The training target as training_stats holds it: rows, mean, SD and quantiles at `probs`. */
export interface TargetSummary {
  n: number;
  mean: number;
  sd: number;
  /** Null when the statistics have no target quantiles (the distribution tests are then null). */
  quantiles: number[] | null;
  probs: number[] | null;
}

/**
 * One column of production values (actual prices, predictions) against the
 * training target: mean and SD shift as for a feature (sample SD, n − 1), and
 * the feature tests on the training quantile bins (distribution.ts), with
 * the same approximations: PSI on the bins between training quantiles, KS ≈ a
 * lower bound of the exact distance, Wasserstein between quantile functions
 * linear between the quantile points.
 */
export interface ValueDrift extends DistanceFigures {
  n: number;
  train_mean: number;
  train_sd: number;
  prod_mean: number | null;
  prod_sd: number | null;
  mean_shift_pct: number | null;
  sd_change_pct: number | null;
  /** (production mean − training mean) / training SD. */
  mean_shift_sd: number | null;
  psi: number | null;
  psi_level: PsiLevel | null;
}

/** The bins the PSI is computed on: their upper edges (the distinct training quantile values after the first) and both sides' shares. */
export interface TargetBins {
  /** Distinct training quantile values, ascending: bin b is (edges[b], edges[b + 1]], the first also holding values ≤ edges[0], the last values above the top edge. */
  edges: number[];
  expected: number[];
  actual: number[];
}

/** Sorts a copy of the values (NaN last) and drops NaN. */
export function sortedPresent(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) --n;
  return sorted.subarray(0, n);
}

/** The training quantile bins of sorted values, as the feature PSI builds them (tied quantiles and point masses included). */
export function targetBins(target: TargetSummary, sorted: Float64Array): TargetBins | null {
  const {quantiles: q, probs} = target;
  if (!q || !probs || !validQuantiles(q, probs) || sorted.length === 0) return null;
  const bounds = cdfBoundaries(q, probs, countsOfSorted(sorted), config.driftAnalysis.minPointShare);
  return {edges: [...new Set(q)], ...quantileBins(bounds)};
}

/**
 * `alpha` is the level of this one KS test: the family-wise level for a test
 * that stands alone, or the per-test level of its family (the days of the
 * daily series) under config.driftAnalysis.multipleTesting.
 */
export function valueDrift(values: ArrayLike<number>, target: TargetSummary, alpha: number = config.driftAnalysis.multipleTesting.familyAlpha): ValueDrift {
  const a = config.driftAnalysis;
  const sorted = sortedPresent(values);
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; ++i) sum += sorted[i];
  const mean = n > 0 ? sum / n : null;
  let m2 = 0;
  if (mean !== null) for (let i = 0; i < n; ++i) m2 += (sorted[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : null;
  const pctOf = (x: number | null, ref: number) => (x === null || ref === 0 ? null : ((x - ref) / ref) * 100);
  const base: ValueDrift = {
    n,
    train_mean: target.mean,
    train_sd: target.sd,
    prod_mean: mean,
    prod_sd: sd,
    mean_shift_pct: pctOf(mean, target.mean),
    sd_change_pct: pctOf(sd, target.sd),
    mean_shift_sd: mean === null || !(target.sd > 0) ? null : (mean - target.mean) / target.sd,
    psi: null,
    psi_level: null,
    ks: null,
    ks_critical: null,
    ks_beyond_noise: null,
    wasserstein_sd: null,
    point_masses: null,
    train_quantiles: target.quantiles,
    prod_quantiles: null,
  };
  const {quantiles: q, probs} = target;
  if (!q || !probs || !validQuantiles(q, probs) || n === 0) return base;
  const bounds = cdfBoundaries(q, probs, countsOfSorted(sorted), a.minPointShare);
  const {expected, actual} = quantileBins(bounds);
  const psi = psiOfShares(expected, actual, a.psiEpsilon);
  const ks = largestGap(bounds);
  const critical = target.n > 0 ? ksCritical(alpha, n, target.n) : null;
  const prodQuantiles = quantilesFromOrder(n, probs, (k) => sorted[k]);
  return {
    ...base,
    psi,
    psi_level: psiLevel(psi),
    ks,
    ks_critical: critical,
    ks_beyond_noise: critical === null ? null : ks > critical,
    wasserstein_sd: target.sd > 0 ? wasserstein(probs, q, prodQuantiles) / target.sd : null,
    point_masses: bounds.points,
    prod_quantiles: prodQuantiles,
  };
}
