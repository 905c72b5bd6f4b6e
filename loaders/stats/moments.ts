/**
 * Count, mean and sum of squared deviations of a stream of numbers, kept with
 * Welford's update and merged with Chan et al.'s formula. Unlike running sums
 * of x and x², this stays accurate when the mean is large next to the spread
 * (e.g. ad impressions of about 7,000 ± 50), and two partial results from
 * separate chunks or threads merge exactly as if read in one pass.
 */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export function emptyMoments(): Moments {
  return {n: 0, mean: 0, m2: 0};
}

export function addValue(m: Moments, x: number): void {
  const n = ++m.n;
  const delta = x - m.mean;
  m.mean += delta / n;
  m.m2 += delta * (x - m.mean);
}

export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return {...b};
  if (b.n === 0) return {...a};
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n};
}

/** Sample standard deviation (n − 1), as R's `sd`; null below two values. */
export function sampleSd(m: Moments): number | null {
  return m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : null;
}

export function meanOf(m: Moments): number | null {
  return m.n > 0 ? m.mean : null;
}
