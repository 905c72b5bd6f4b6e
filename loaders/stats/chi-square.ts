/**
 * The chi-square distribution's upper tail, for goodness-of-fit p-values:
 * P(χ²_df > x) = Q(df/2, x/2), Q the regularized upper incomplete gamma
 * function. Computed as in Numerical Recipes (§6.2): the series of P below
 * x = a + 1, where it converges fast and Q = 1 − P is not small; Lentz's
 * continued fraction of Q above it, which gives a tiny Q directly, with its
 * full relative precision, instead of as 1 − (almost 1).
 */

/** ln Γ(x) for x > 0: Lanczos (g = 7, 9 terms), relative error about 1e-15; reflection below 1/2. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0];
  for (let i = 1; i < lanczos.length; ++i) sum += lanczos[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

const maxIterations = 10_000;
const tolerance = 1e-16;
/** Smaller than any ratio Lentz's method meets, so a zero denominator never divides. */
const tiny = 1e-300;

/** Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function, for a > 0 and x ≥ 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new Error(`regularizedGammaQ needs a > 0, got ${a}`);
  if (!(x >= 0)) throw new Error(`regularizedGammaQ needs x ≥ 0, got ${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  // e^(−x) x^a / Γ(a), the factor both expansions share, in logs: it under- or overflows for large a and x.
  const logFactor = -x + a * Math.log(x) - logGamma(a);
  return x < a + 1 ? 1 - Math.exp(logFactor) * lowerSeries(a, x) : Math.exp(logFactor) * upperFraction(a, x);
}

/** Σₙ xⁿ / (a (a+1) … (a+n)): P(a, x) = e^(−x) x^a / Γ(a) times this. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < maxIterations; ++n) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * tolerance) return sum;
  }
  throw new Error(`the incomplete gamma series did not converge (a = ${a}, x = ${x})`);
}

/** The continued fraction 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))): Q(a, x) = e^(−x) x^a / Γ(a) times this. */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxIterations; ++i) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < tolerance) return h;
  }
  throw new Error(`the incomplete gamma continued fraction did not converge (a = ${a}, x = ${x})`);
}

/** P(χ²_df > x), R's pchisq(x, df, lower.tail = FALSE). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new Error(`chi-square needs df > 0, got ${df}`);
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

/**
 * Pearson's chi-square goodness-of-fit statistic Σ (O − E)² / E of observed
 * counts against expected proportions (positive weights, normalized to sum to
 * 1) times the observed total, as R's chisq.test(observed, p = weights,
 * rescale.p = TRUE). Cells with a zero weight must be left out by the
 * caller: their expected count is zero.
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], shares: readonly number[]): {statistic: number; df: number; p_value: number; n: number; min_expected: number} {
  if (observed.length !== shares.length || observed.length < 2) throw new Error("chi-square needs at least two cells, one share per count");
  if (shares.some((p) => !(p > 0))) throw new Error("chi-square shares must be positive");
  const n = observed.reduce((s, o) => s + o, 0);
  const total = shares.reduce((s, p) => s + p, 0);
  let statistic = 0;
  let minExpected = Infinity;
  observed.forEach((o, i) => {
    const e = (n * shares[i]) / total;
    minExpected = Math.min(minExpected, e);
    statistic += ((o - e) * (o - e)) / e;
  });
  const df = observed.length - 1;
  return {statistic, df, p_value: n > 0 ? chiSquareUpperTail(statistic, df) : 1, n, min_expected: minExpected};
}

/**
 * Pearson's chi-square test of homogeneity of two samples' counts over the
 * same cells (a 2 × k table, expected count = row total × column total /
 * grand total), as R's chisq.test(rbind(a, b), correct = FALSE): unlike the
 * goodness of fit against a's shares, it allows for a's own sampling noise.
 * Cells empty in both samples must be left out by the caller.
 */
export function chiSquareHomogeneity(a: readonly number[], b: readonly number[]): {statistic: number; df: number; p_value: number} {
  if (a.length !== b.length || a.length < 2) throw new Error("chi-square needs at least two cells, two counts per cell");
  const na = a.reduce((s, x) => s + x, 0);
  const nb = b.reduce((s, x) => s + x, 0);
  const n = na + nb;
  if (na === 0 || nb === 0) throw new Error("chi-square homogeneity needs rows in both samples");
  let statistic = 0;
  a.forEach((x, i) => {
    const column = x + b[i];
    if (!(column > 0)) throw new Error("chi-square homogeneity cells must hold rows in one sample at least");
    const ea = (na * column) / n;
    const eb = (nb * column) / n;
    statistic += (x - ea) ** 2 / ea + (b[i] - eb) ** 2 / eb;
  });
  const df = a.length - 1;
  return {statistic, df, p_value: chiSquareUpperTail(statistic, df)};
}
