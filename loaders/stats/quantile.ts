/**
 * Quantiles with R's default definition (type 7, linear interpolation between
 * order statistics; also d3's): with h = (n − 1)·p, the value is
 * x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) over the sorted values.
 *
 * A few probabilities over many values (the p95 of a million errors) select
 * the two order statistics in linear time instead of sorting; many
 * probabilities sort a copy once. Both give the same order statistics, so the
 * same figures. NaN sorts last, as in a typed-array sort.
 */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const copy = Float64Array.from(values);
  if (copy.length === 0) throw new Error("quantile of no values");
  if (probs.length > 4 || copy.length < 64) {
    copy.sort();
    return probs.map((p) => interpolate(p, copy.length, (k) => copy[k]));
  }
  // Order statistics in ascending order, each selected among the values not
  // below the previous one: later selections work on ever smaller ranges.
  const n = copy.length;
  // Each selection leaves the k-th smallest value at copy[k] and moves only
  // values after it, so once all are selected copy[k] holds every wanted one.
  let left = 0;
  for (const k of quantileRanks(n, probs)) {
    orderStatistic(copy, k, left);
    left = k + 1;
  }
  return probs.map((p) => interpolate(p, n, (k) => copy[k]));
}

/** The 0-based order statistics `quantiles` reads for these probabilities over n values (ascending, each once). */
export function quantileRanks(n: number, probs: readonly number[]): number[] {
  const wanted = new Set<number>();
  for (const p of probs) {
    if (!(p > 0) || n < 2) wanted.add(0);
    else if (p >= 1) wanted.add(n - 1);
    else {
      const i = Math.floor((n - 1) * p);
      wanted.add(i).add(i + 1);
    }
  }
  return [...wanted].sort((a, b) => a - b);
}

/** R type-7 quantiles of n values given their order statistics (`at(k)`, 0-based): the same interpolation as `quantiles`, for values not held in memory. */
export function quantilesFromOrder(n: number, probs: readonly number[], at: (k: number) => number): number[] {
  if (n === 0) throw new Error("quantile of no values");
  return probs.map((p) => interpolate(p, n, at));
}

export function quantile(values: ArrayLike<number>, p: number): number {
  return quantiles(values, [p])[0];
}

/** The quantile of values already sorted ascending (R's type 7, as `quantiles`), without copying them. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  return interpolate(p, sorted.length, (k) => sorted[k]);
}

function interpolate(p: number, n: number, at: (k: number) => number): number {
  if (!(p > 0) || n < 2) return at(0);
  if (p >= 1) return at(n - 1);
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const low = at(i);
  const high = at(i + 1);
  return low + (high - low) * (h - i);
}

/**
 * The k-th smallest value (0-based), searched among a[from..]: the caller
 * knows every value before `from` is no larger. Partially reorders `a`.
 */
export function orderStatistic(a: Float64Array, k: number, from = 0): number {
  let left = from;
  let right = a.length - 1;
  while (right > left) {
    // Median of three as pivot: sorted or constant runs stay linear on average.
    const mid = (left + right) >>> 1;
    const pivot = median(a[left], a[mid], a[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (before(a[i], pivot)) ++i;
      while (before(pivot, a[j])) --j;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        ++i;
        --j;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k];
  }
  return a[k];
}

/** Ascending order with NaN last. */
function before(x: number, y: number): boolean {
  return x < y || (y !== y && x === x);
}

function median(x: number, y: number, z: number): number {
  if (before(x, y)) return before(y, z) ? y : before(x, z) ? z : x;
  return before(x, z) ? x : before(y, z) ? z : y;
}
