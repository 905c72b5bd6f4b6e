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

/**
 * A cut's lookup: the training range split into `gridCells` equal cells, each
 * knowing the first cut at or above its lower edge, so a value's cut is found
 * in a step or two instead of a binary search (a pass bins 75 values a row).
 * Derived from the cuts alone; any lookup gives the same bins as binOf.
 */
export interface CutsGrid {
  cuts: Cuts;
  first: Int32Array;
  origin: number;
  scale: number;
  /** 1 / the width of each open interval between cuts (and of the tails: the training range). */
  inverseWidth: Float64Array;
}

const gridCells = 512;

export function gridOf(cuts: Cuts): CutsGrid {
  const v = cuts.values;
  const m = v.length;
  const origin = v[0];
  const range = span(v);
  const scale = gridCells / range;
  const first = new Int32Array(gridCells + 1);
  for (let g = 0, t = 0; g <= gridCells; ++g) {
    const edge = origin + g / scale;
    while (t < m && v[t] < edge) ++t;
    first[g] = t;
  }
  const inverseWidth = new Float64Array(m + 1);
  inverseWidth[0] = 1 / range;
  inverseWidth[m] = 1 / range;
  for (let t = 1; t < m; ++t) inverseWidth[t] = 1 / (v[t] - v[t - 1]);
  return {cuts, first, origin, scale, inverseWidth};
}

/**
 * Counts the present values of column[0, n) into `bins` and, when `out` is
 * given, writes each value's bin at out[at + i] (0xffff when missing). The
 * bins are those of binOf: the cut by the grid then a step, the sub-bin by
 * one multiplication.
 */
export function binColumn(grid: CutsGrid, column: Float64Array, n: number, bins: Float64Array, out: Uint16Array | null, at: number): void {
  const v = grid.cuts.values;
  const m = v.length;
  const sub = grid.cuts.sub;
  const first = grid.first;
  const origin = grid.origin;
  const scale = grid.scale;
  const inverse = grid.inverseWidth;
  const lowTail = v[0];
  const highTail = v[m - 1];
  for (let i = 0; i < n; ++i) {
    const x = column[i];
    let b: number;
    if (x !== x) {
      if (out !== null) out[at + i] = 0xffff;
      continue;
    }
    // lo: the first cut ≥ x.
    let lo: number;
    if (x < lowTail) lo = 0;
    else if (x > highTail) lo = m;
    else {
      const g = Math.floor((x - origin) * scale);
      lo = first[g < 0 ? 0 : g > gridCells ? gridCells : g];
      // The grid's edges are rounded: step back over any cut not below x, then on to the first cut ≥ x.
      while (lo > 0 && v[lo - 1] >= x) --lo;
      while (lo < m && v[lo] < x) ++lo;
    }
    if (lo < m && v[lo] === x) b = lo * (sub + 1) + sub;
    else {
      const share = lo === 0 ? 1 - (v[0] - x) * inverse[0] : (x - v[lo - 1]) * inverse[lo];
      const s = share >= 1 ? sub - 1 : share > 0 ? Math.floor(share * sub) : 0;
      b = lo * (sub + 1) + s;
    }
    ++bins[b];
    if (out !== null) out[at + i] = b;
  }
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
  // x lies in the open cell below cut `lo` (cell 2·lo), at this share of its width (by one multiplication, as binColumn).
  let share: number;
  if (m === 0) share = 0.5;
  else if (lo === 0) share = 1 - (v[0] - x) * (1 / span(v));
  else if (lo === m) share = (x - v[m - 1]) * (1 / span(v));
  else share = (x - v[lo - 1]) * (1 / (v[lo] - v[lo - 1]));
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
