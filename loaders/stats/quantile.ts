import {quantileSorted} from "d3";

/**
 * Quantiles with R's default definition (type 7, linear interpolation between
 * order statistics), which is also d3's. Sorts a copy once for all `probs`.
 */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) throw new Error("quantile of no values");
  // d3's types ask for an array; a typed array is array-like and what it reads.
  return probs.map((p) => quantileSorted(sorted as unknown as number[], p)!);
}

export function quantile(values: ArrayLike<number>, p: number): number {
  return quantiles(values, [p])[0];
}
