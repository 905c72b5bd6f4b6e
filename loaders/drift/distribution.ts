import {bisectLeft, bisectRight} from "d3";

/**
 * Distribution tests against a training distribution known only by its
 * quantiles (training rows are not available: `training_stats` keeps 15
 * quantiles per feature). Pure functions: training quantiles, their
 * probabilities and the production values' counts around each quantile value
 * in, numbers out.
 */

/** How many production values lie below a value, and at or below it, out of `n` present values. */
export interface ValueCounts {
  n: number;
  at(v: number): {below: number; atOrBelow: number};
}

/** The counts of sorted values, by binary search (for values held in memory: tests, small samples). */
export function countsOfSorted(sortedValues: ArrayLike<number>): ValueCounts {
  const values = sortedValues as number[];
  return {n: values.length, at: (v) => ({below: bisectLeft(values, v), atOrBelow: bisectRight(values, v)})};
}

/**
 * Training and production CDFs at the points where the training CDF is known
 * from its quantiles. At a point value v of a discrete feature the CDF jumps,
 * so v gives two boundaries: just below v (v⁻) and at v.
 */
export interface CdfBoundaries {
  /** Training CDF at each boundary (non-decreasing). */
  train: number[];
  /** Production ECDF at the same boundaries. */
  prod: number[];
  /** False for a v⁻ boundary, true for a boundary at a quantile value. */
  atValue: boolean[];
  /**
   * The bracket the quantiles allow the training CDF at each boundary: every
   * training distribution with these quantiles has its CDF there in [low, high]
   * (low = high = train at a continuous quantile, where F(q_k) = p_k).
   */
  low: number[];
  high: number[];
  /** How many distinct quantile values were treated as point masses. */
  points: number;
}

/**
 * At a continuous quantile q_k the training CDF is p_k. A value v that several
 * training quantiles share (p_lo … p_hi: num_variants is 0 from q00 to q05),
 * or that holds at least `minPointShare` of production rows, is a point mass:
 * the training CDF jumps there from F(v⁻) ∈ [p_lo−1, p_lo] to F(v) ∈
 * [p_hi, p_hi+1], and the quantiles say no more. Each is taken as the value in
 * its bracket nearest the production ECDF, so a difference is counted only
 * where no training distribution with these quantiles could avoid it. Without
 * this, a 0/1/2 feature's quantiles (0, 0, 0, 1, 1, …) would set production's
 * point masses against empty intervals and report drift that is not there.
 */
export function cdfBoundaries(quantiles: readonly number[], probs: readonly number[], counts: ValueCounts, minPointShare: number): CdfBoundaries {
  checkQuantiles(quantiles, probs);
  const n = counts.n;
  if (n === 0) throw new Error("no production values");
  const last = quantiles.length - 1;
  const out: CdfBoundaries = {train: [], prod: [], atValue: [], low: [], high: [], points: 0};
  const push = (prod: number, atValue: boolean, low: number, high: number) => {
    out.train.push(clamp(prod, low, high));
    out.prod.push(prod);
    out.atValue.push(atValue);
    out.low.push(low);
    out.high.push(high);
  };
  for (let lo = 0; lo <= last; ) {
    let hi = lo;
    while (hi < last && quantiles[hi + 1] === quantiles[lo]) ++hi;
    const v = quantiles[lo];
    const at = counts.at(v);
    const below = at.below / n;
    const atOrBelow = at.atOrBelow / n;
    if (hi > lo || atOrBelow - below >= minPointShare) {
      ++out.points;
      push(below, false, lo > 0 ? probs[lo - 1] : 0, probs[lo]);
      push(atOrBelow, true, probs[hi], hi < last ? probs[hi + 1] : 1);
    } else {
      push(atOrBelow, true, probs[lo], probs[lo]);
    }
    lo = hi + 1;
  }
  return out;
}

/**
 * Training and production shares of the bins between consecutive boundaries
 * at quantile values: for a continuous feature the 14 intervals between its 15
 * training quantiles, right-closed; for a discrete one, tied quantiles merge
 * into one bin ending at the tied value. Production values below the first or
 * above the last training quantile count in the first or last bin. (The v⁻
 * boundaries are left out here: a separate cell per point mass would double
 * the bins and with them PSI's sampling noise.)
 */
export function quantileBins(b: CdfBoundaries): {expected: number[]; actual: number[]} {
  const train = b.train.filter((_, i) => b.atValue[i]);
  const prod = b.prod.filter((_, i) => b.atValue[i]);
  const last = train.length - 1;
  const expected: number[] = [];
  const actual: number[] = [];
  for (let i = 1; i <= last; ++i) {
    expected.push((i === last ? 1 : train[i]) - (i === 1 ? 0 : train[i - 1]));
    actual.push((i === last ? 1 : prod[i]) - (i === 1 ? 0 : prod[i - 1]));
  }
  return {expected, actual};
}

/**
 * Population stability index Σ (a − e)·ln(a / e) (a = production share, e =
 * training share). A share of zero would make it infinite, so shares below
 * `epsilon` count as `epsilon`; bins empty on both sides add nothing.
 */
export function psiOfShares(expected: readonly number[], actual: readonly number[], epsilon: number): number {
  let sum = 0;
  expected.forEach((e0, i) => {
    const e = Math.max(e0, epsilon);
    const a = Math.max(actual[i], epsilon);
    sum += (a - e) * Math.log(a / e);
  });
  return sum;
}

/** PSI of production against the training quantile bins. */
export function psi(quantiles: readonly number[], probs: readonly number[], sortedValues: ArrayLike<number>, epsilon: number, minPointShare: number): number {
  const {expected, actual} = quantileBins(cdfBoundaries(quantiles, probs, countsOfSorted(sortedValues), minPointShare));
  return psiOfShares(expected, actual, epsilon);
}

/**
 * Approximate Kolmogorov–Smirnov distance: the largest gap between the
 * production ECDF and the training CDF where the latter is known (the
 * boundaries above). It looks at 15 points only, so it is a lower bound of the
 * exact two-sample statistic.
 */
export function ksApprox(quantiles: readonly number[], probs: readonly number[], sortedValues: ArrayLike<number>, minPointShare: number): number {
  return largestGap(cdfBoundaries(quantiles, probs, countsOfSorted(sortedValues), minPointShare));
}

/** The largest |production ECDF − training CDF| over the boundaries. */
export function largestGap({train, prod}: CdfBoundaries): number {
  return train.reduce((gap, t, i) => Math.max(gap, Math.abs(prod[i] - t)), 0);
}

/**
 * Two-sample KS critical value c(α)·√(1/n + 1/m), c(α) = √(−ln(α/2)/2) (1.358
 * at α = 0.05): an exact KS distance above it rejects "same distribution" at
 * level α. The approximate distance is a lower bound, so exceeding the critical
 * value is evidence of drift; staying below it is not proof of none.
 */
export function ksCritical(alpha: number, n: number, m: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt(1 / n + 1 / m);
}

/**
 * The p-value of a KS distance d under the same approximation,
 * min(1, 2·exp(−2·d²·nm/(n + m))): ksCritical's inverse, so a distance is
 * above the critical value at level α exactly when its p-value is below α.
 * (The approximate distance is a lower bound, so this p-value is an upper
 * bound of the exact one's.)
 */
export function ksPValue(d: number, n: number, m: number): number {
  return Math.min(1, 2 * Math.exp((-2 * d * d * n * m) / (n + m)));
}

/**
 * 1-Wasserstein distance ∫|Q_a(p) − Q_b(p)| dp between two quantile functions
 * given on the same probability grid, each piecewise linear between the grid
 * points. Their difference is then linear on each interval, so the integral is
 * exact for that interpolation, also where the difference changes sign (a plain
 * trapezoid on |d| would overstate it there). Covers [p_first, p_last].
 */
export function wasserstein(probs: readonly number[], a: readonly number[], b: readonly number[]): number {
  if (a.length !== probs.length || b.length !== probs.length) throw new Error("quantile vectors and probabilities differ in length");
  let sum = 0;
  for (let i = 1; i < probs.length; ++i) {
    const width = probs[i] - probs[i - 1];
    const d0 = a[i - 1] - b[i - 1];
    const d1 = a[i] - b[i];
    if (d0 * d1 >= 0) sum += (width * (Math.abs(d0) + Math.abs(d1))) / 2;
    else sum += (width * (d0 * d0 + d1 * d1)) / (2 * (Math.abs(d0) + Math.abs(d1)));
  }
  return sum;
}

/** Whether quantiles can be compared: one per probability, probabilities increasing in [0, 1], quantiles not decreasing. */
export function validQuantiles(quantiles: readonly number[], probs: readonly number[]): boolean {
  if (quantiles.length !== probs.length || probs.length < 2 || probs[0] < 0 || probs[probs.length - 1] > 1) return false;
  for (let i = 1; i < probs.length; ++i) if (!(probs[i] > probs[i - 1]) || !(quantiles[i] >= quantiles[i - 1])) return false;
  return quantiles.every(Number.isFinite);
}

function checkQuantiles(quantiles: readonly number[], probs: readonly number[]): void {
  if (!validQuantiles(quantiles, probs)) throw new Error("quantiles must be finite, one per probability, probabilities increasing in [0, 1] and quantiles not decreasing");
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
