/**
 * Why accuracy alerts pool a window: the sampling noise of an RMSE. For n
 * errors with constant spread, the estimated RMSE's standard error is about
 * RMSE/√(2n) (normal errors; heavier tails make it larger), so a model still
 * exactly as accurate as in validation crosses a line `ratio` × validation
 * with probability about 1 − Φ((ratio − 1)·√(2n)).
 */
export function falseAlarmProbability(n: number, ratio: number): number {
  return normalUpperTail((ratio - 1) * Math.sqrt(2 * n));
}

/** 1 − Φ(z), from Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}
