/**
 * The rows of `values` in ascending order of value, ties in row order (the
 * order `Array.sort((a, b) => v[a] - v[b] || a - b)` gives), found by a
 * least-significant-digit radix sort on the doubles' bits: four passes of
 * 16-bit digits, each a count and a stable scatter. At a million rows a
 * comparator sort calls back into JavaScript some twenty million times
 * (0.65 s measured, warm) where this takes 0.06–0.08 s.
 *
 * Keys: a double's bits read as an unsigned integer sort as the numbers do
 * once a negative's bits are all flipped and a positive's sign bit is set.
 * Values must be present: NaN
 * sorts after everything, where a comparator would leave it anywhere.
 */
export function sortedOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const copy = new Float64Array(n);
  // −0 is keyed as +0: they compare equal, so their rows keep row order among themselves.
  for (let i = 0; i < n; ++i) copy[i] = values[i] === 0 ? 0 : values[i];
  const words = new Uint32Array(copy.buffer);
  // Little-endian words: [low, high] per double (every platform Node runs on).
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; ++i) {
    const l = words[2 * i];
    const h = words[2 * i + 1];
    const negative = h >>> 31 === 1;
    lo[i] = negative ? ~l >>> 0 : l;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; ++i) order[i] = i;
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  for (let pass = 0; pass < 4; ++pass) {
    const fromHigh = pass >= 2;
    const shift = pass % 2 === 0 ? 0 : 16;
    const keys = fromHigh ? hi : lo;
    counts.fill(0);
    for (let i = 0; i < n; ++i) ++counts[(keys[i] >>> shift) & 0xffff];
    // All keys share this digit: the pass would leave the order as it is.
    if (counts[(keys[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < counts.length; ++d) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; ++i) {
      const at = counts[(keys[i] >>> shift) & 0xffff]++;
      nextLo[at] = lo[i];
      nextHi[at] = hi[i];
      nextOrder[at] = order[i];
    }
    [lo, nextLo] = [nextLo, lo];
    [hi, nextHi] = [nextHi, hi];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}
