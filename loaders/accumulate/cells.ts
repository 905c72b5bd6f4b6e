/**
 * A feature's values counted in bins around its training quantile values:
 * what the distribution tests need (the production ECDF at each training
 * quantile, just below it and at it) as counts that merge by addition, and
 * what finds an exact production quantile later without holding the log's
 * values (the bin that holds a given order statistic, whose few values the
 * spill keeps together: loaders/pass/feature-spill.ts).
 *
 * With the distinct training quantile values v₁ < … < vₘ (`cuts`) there are
 * 2m + 1 cells: cell 2t − 1 holds the values equal to vₜ, cell 2t the values
 * strictly between vₜ and vₜ₊₁ (v₀ = −∞, vₘ₊₁ = +∞). Each open cell is cut
 * into `sub` bins of equal width (the tails below v₁ and above vₘ over one
 * training range each, and everything further out in their last bin), so a
 * bin holds a small share of the values wherever they fall.
 */
export interface Cuts {
  values: Float64Array;
  /** Bins per open cell. */
  sub: number;
}

/** Bins per open cell: 64 puts about 1/900 of a feature's values in a bin when production looks like training. */
export const binsPerCell = 64;

/** The distinct values of a non-decreasing list of quantiles, ascending. */
export function cutsOf(quantiles: readonly number[], sub = binsPerCell): Cuts {
  const out: number[] = [];
  for (const q of quantiles) if (out.length === 0 || q !== out[out.length - 1]) out.push(q);
  return {values: Float64Array.from(out), sub};
}

export function cellCount(cuts: Cuts): number {
  return 2 * cuts.values.length + 1;
}

export function binCount(cuts: Cuts): number {
  const m = cuts.values.length;
  return m + (m + 1) * cuts.sub;
}

/** The first bin of a cell: bins run cell after cell, an equality cell taking one bin and an open cell `sub`. */
export function firstBinOf(cuts: Cuts, cell: number): number {
  const t = cell >> 1;
  return cell % 2 === 1 ? t * (cuts.sub + 1) + cuts.sub : t * (cuts.sub + 1);
}

/** The bins of a cell, [first, end). */
export function binsOf(cuts: Cuts, cell: number): [number, number] {
  const first = firstBinOf(cuts, cell);
  return [first, first + (cell % 2 === 1 ? 1 : cuts.sub)];
}

/** The bin of a present value x. */
export function binOf(cuts: Cuts, x: number): number {
  const v = cuts.values;
  const m = v.length;
  const sub = cuts.sub;
  // The first cut ≥ x, by binary search (at most 15 cuts: four steps).
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo < m && v[lo] === x) return lo * (sub + 1) + sub;
  // x lies in the open cell below cut `lo` (cell 2·lo).
  let share: number;
  if (m === 0) share = 0.5;
  else if (lo === 0) share = 1 - (v[0] - x) / span(v);
  else if (lo === m) share = (x - v[m - 1]) / span(v);
  else share = (x - v[lo - 1]) / (v[lo] - v[lo - 1]);
  const s = share >= 1 ? sub - 1 : share > 0 ? Math.floor(share * sub) : 0;
  return lo * (sub + 1) + s;
}

/** The training range: the width of each tail's bins together (1 when the cuts are a single value). */
function span(v: Float64Array): number {
  const w = v[v.length - 1] - v[0];
  return w > 0 ? w : Math.max(Math.abs(v[0]), 1);
}

export function emptyBins(cuts: Cuts): Float64Array {
  return new Float64Array(binCount(cuts));
}

export function mergeBins(a: Float64Array, b: Float64Array): Float64Array {
  const out = Float64Array.from(a);
  for (let i = 0; i < out.length; ++i) out[i] += b[i];
  return out;
}

/** How many values lie below cut t (0-based), and how many at or below it. */
export function countsAt(cuts: Cuts, bins: Float64Array, t: number): {below: number; atOrBelow: number} {
  const equal = firstBinOf(cuts, 2 * t + 1);
  let below = 0;
  for (let b = 0; b < equal; ++b) below += bins[b];
  return {below, atOrBelow: below + bins[equal]};
}

/** The bin holding the k-th smallest value (0-based), and how many values come before that bin. */
export function binOfRank(bins: Float64Array, k: number): {bin: number; before: number} {
  let before = 0;
  for (let b = 0; b < bins.length; ++b) {
    if (k < before + bins[b]) return {bin: b, before};
    before += bins[b];
  }
  throw new RangeError(`rank ${k} is beyond the ${before} values counted`);
}

/** The cut whose equality bin this is, or -1 for a bin of an open cell. */
export function cutOfBin(cuts: Cuts, bin: number): number {
  const sub = cuts.sub;
  return bin % (sub + 1) === sub ? (bin - sub) / (sub + 1) : -1;
}
