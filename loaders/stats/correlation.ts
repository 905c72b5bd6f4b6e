/**
 * Pearson correlation over the rows where both values are present (NaN =
 * missing), two-pass so it stays accurate when means are large next to the
 * spread. Null when fewer than three rows pair up or either side is constant.
 */
export function pairwiseCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): {r: number | null; n: number} {
  const len = Math.min(x.length, y.length);
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; ++i) {
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) {
      ++n;
      sx += a;
      sy += b;
    }
  }
  if (n < 3) return {r: null, n};
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < len; ++i) {
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) {
      const dx = a - mx;
      const dy = b - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  }
  if (sxx === 0 || syy === 0) return {r: null, n};
  return {r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n};
}

export type Strength = "negligible" | "weak" | "moderate" | "strong";

/** Plain-language strength of a correlation from |r| and the cut-offs in config. */
export function strengthOf(r: number, cut: {weak: number; moderate: number; strong: number}): Strength {
  const a = Math.abs(r);
  return a < cut.weak ? "negligible" : a < cut.moderate ? "weak" : a < cut.strong ? "moderate" : "strong";
}
