/**
 * Corrections for testing many hypotheses at once: each returns the per-test
 * level a p-value must not exceed to be rejected, so a family's tests can
 * also be shown as critical values (a KS distance, a |z|) at that level.
 */

export type Correction = "bonferroni" | "benjamini-hochberg";

/**
 * The per-test level for a family of m tests at family level `alpha`:
 * Bonferroni's α / m (the chance of any false rejection stays at most α,
 * whatever the dependence between tests); Benjamini–Hochberg's k·α / m for the
 * largest k whose k-th smallest p-value is at most k·α / m (the expected share
 * of false rejections stays at most α for independent or positively dependent
 * tests), or α / m when none qualifies (which rejects nothing then, as the
 * smallest p-value is above it, and keeps critical values finite). Reject
 * p ≤ the level.
 */
export function perTestLevel(pValues: readonly number[], alpha: number, correction: Correction): number {
  const m = pValues.length;
  if (m === 0) return alpha;
  if (correction === "bonferroni") return alpha / m;
  const sorted = [...pValues].sort((a, b) => a - b);
  for (let k = m; k >= 1; --k) if (sorted[k - 1] <= (k * alpha) / m) return (k * alpha) / m;
  return alpha / m;
}

/** Which p-values the correction rejects at family level `alpha`. */
export function rejected(pValues: readonly number[], alpha: number, correction: Correction): boolean[] {
  const level = perTestLevel(pValues, alpha, correction);
  return pValues.map((p) => p <= level);
}
