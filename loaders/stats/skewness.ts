/**
 * Kelly's quantile skewness (q90 + q10 − 2·q50) / (q90 − q10): 0 for a
 * symmetric distribution, towards ±1 as one tail stretches. It needs only
 * quantiles, which is all the training statistics keep. Null when the
 * probabilities do not include 0.1, 0.5 and 0.9 or the spread is zero.
 */
export function kellySkewness(quantiles: readonly number[], probs: readonly number[]): number | null {
  const at = (p: number) => {
    const i = probs.findIndex((x) => Math.abs(x - p) < 1e-9);
    return i < 0 ? null : quantiles[i];
  };
  const q10 = at(0.1);
  const q50 = at(0.5);
  const q90 = at(0.9);
  if (q10 === null || q50 === null || q90 === null || !(q90 > q10)) return null;
  return (q90 + q10 - 2 * q50) / (q90 - q10);
}
