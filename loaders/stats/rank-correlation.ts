import {pairwiseCorrelation} from "./correlation.js";
import {sortedOrder} from "./sorted-order.js";

/**
 * Ranks 1 … n of the values, tied values sharing the mean of their ranks (R's
 * rank(ties.method = "average")), so a count with many ties ranks fairly.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  // A radix sort of the rows (sorted-order.ts): a comparator sort of a
  // million row numbers took most of a second per call.
  const order = sortedOrder(values);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) ++j;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; ++k) out[order[k]] = rank;
    i = j + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation: Pearson's r of the average ranks (R's
 * cor(method = "spearman")). It depends on the order of the values only, so a
 * few extreme values cannot sway it as they can Pearson's r. Values must be
 * present (no NaN); null when either side is constant or fewer than 3 pair up.
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): {r: number | null; n: number} {
  return pairwiseCorrelation(averageRanks(x), averageRanks(y));
}
