import {describe, expect, it} from "vitest";
import {cdfBoundaries, countsOfSorted, ksApprox, ksCritical, psi, psiOfShares, quantileBins, wasserstein} from "../../loaders/drift/distribution.js";
import {quantiles} from "../../loaders/stats/quantile.js";
import {distributionOf, probs15 as probs, production, stats} from "../builders/drift-inputs.js";

const eps = 1e-4;
/** n evenly spaced points (cell midpoints) on (lo, hi): an exact "sample" of the uniform distribution. */
const uniform = (n: number, lo: number, hi: number) => Float64Array.from({length: n}, (_, i) => lo + ((i + 0.5) / n) * (hi - lo));

describe("distribution tests on synthetic data with known answers", () => {
  // U(0, 1): the quantile at p is p.
  const q = probs;

  it("identical distributions give ~0", () => {
    const same = uniform(10_000, 0, 1);
    expect(psi(q, probs, same, eps, 0.01)).toBeLessThan(1e-6);
    expect(ksApprox(q, probs, same, 0.01)).toBeLessThanOrEqual(1e-4);
    expect(wasserstein(probs, q, quantiles(same, probs))).toBeLessThan(1e-4);
  });

  it("a shift by half the range gives the PSI, KS and Wasserstein distance computed by hand", () => {
    const shifted = uniform(1000, 0.5, 1.5);
    // Bins up to 0.5 get no production value (ε); bins in (0.5, 0.99] keep their share; the last bin
    // (0.99, ∞) gets its 1% plus the half of production above 1.
    let expected = (0.51 - 0.01) * Math.log(0.51 / 0.01);
    for (let i = 1; i < probs.length && probs[i] <= 0.5; ++i) {
      const e = probs[i] - probs[i - 1];
      expected += (eps - e) * Math.log(eps / e);
    }
    expect(psi(q, probs, shifted, eps, 0.01)).toBeCloseTo(expected, 12);
    // The training CDF is 0.5 at q50 = 0.5, where production has none yet; and 1 at 1, where production has half.
    expect(ksApprox(q, probs, shifted, 0.01)).toBeCloseTo(0.5, 12);
    expect(wasserstein(probs, q, quantiles(shifted, probs))).toBeCloseTo(0.5, 12);
  });

  it("Wasserstein: a pure shift of any quantile function by c is c; a sign change is integrated exactly", () => {
    const skewed = [1, 2, 2.5, 4, 8, 9, 9, 9, 10, 12, 15, 20, 30, 50, 90];
    expect(wasserstein(probs, skewed, skewed.map((x) => x + 3.25))).toBeCloseTo(3.25, 12);
    expect(wasserstein(probs, skewed, skewed)).toBe(0);
    // |2p − 1| over [0, 1] is 1/2; a trapezoid on |d| would say 1.
    expect(wasserstein([0, 1], [0, 1], [1, 0])).toBeCloseTo(0.5, 15);
  });

  it("PSI of shares is Σ (a − e) ln(a/e), with ε for empty shares", () => {
    expect(psiOfShares([0.5, 0.5], [0.5, 0.5], eps)).toBe(0);
    expect(psiOfShares([0.5, 0.5], [0.25, 0.75], eps)).toBeCloseTo(-0.25 * Math.log(0.5) + 0.25 * Math.log(1.5), 15);
    expect(psiOfShares([0.5, 0.5], [0, 1], eps)).toBeCloseTo((eps - 0.5) * Math.log(eps / 0.5) + 0.5 * Math.log(2), 15);
  });

  it("a discrete feature with tied quantiles is compared value by value, not against empty intervals", () => {
    // bundle_items-like: 0 up to q60, 1 from q70 to q90, 2 at q95 and q99, max 6.
    const tq = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 6];
    const sample = (shares: [number, number][]) => Float64Array.from(shares.flatMap(([v, n]) => Array.from({length: n}, () => v)));
    const same = sample([[0, 65], [1, 25], [2, 8], [3, 2]]);
    // F(0) = 0.65 ∈ [p60, p70] and F(1) = 0.9 ∈ [p90, p95] fit the brackets; F(2) = 0.98 < p99 = 0.99 does not:
    // bins ≤0 .65/.65, (0,1] .25/.25, (1,2] .09/.08, (2,∞) .01/.02.
    const expected = (0.08 - 0.09) * Math.log(0.08 / 0.09) + (0.02 - 0.01) * Math.log(2);
    expect(psi(tq, probs, same, eps, 0.01)).toBeCloseTo(expected, 12);
    expect(ksApprox(tq, probs, same, 0.01)).toBeCloseTo(0.01, 12);
    // A plain reading of the ties (14 intervals, most of them empty) would put PSI above 5 here.
    const moved = sample([[0, 30], [1, 40], [2, 20], [3, 10]]);
    expect(psi(tq, probs, moved, eps, 0.01)).toBeGreaterThan(0.25);
    // F(0) = 0.3 where training has at least p60 = 0.6.
    expect(ksApprox(tq, probs, moved, 0.01)).toBeCloseTo(0.6 - 0.3, 12);
  });

  it("bins: right-closed intervals between quantiles, tied quantiles merged, tails in the outer bins", () => {
    const b = cdfBoundaries([0, 1, 1, 3], [0, 0.2, 0.7, 1], countsOfSorted([0.5, 1, 1, 1, 2, 5]), 0.5);
    expect(b.points).toBe(1);
    const {expected, actual} = quantileBins(b);
    // Boundaries at 0 (p = 0), 1 (point mass: F bracketed by [0.7, 1], production 4/6) and 3 (p = 1).
    expect(expected).toEqual([0.7, 0.30000000000000004]);
    expect(actual.map((a) => a * 6)).toEqual([4, 2]);
  });

  it("KS critical value: c(α)·√(1/n + 1/m), c(0.05) = 1.3581", () => {
    // R: sqrt(-log(0.025) / 2) * sqrt(1/100 + 1/100)
    expect(ksCritical(0.05, 100, 100)).toBeCloseTo(0.19206455826398416, 14);
  });

  it("rejects quantiles it cannot read", () => {
    expect(() => psi([2, 1], [0, 1], [1], eps, 0.01)).toThrow(/not decreasing/);
    expect(() => psi([1, 2], [0.5, 0.5], [1], eps, 0.01)).toThrow(/increasing/);
  });
});

describe("distribution table", () => {
  const probsOf = (q: number[]) => new Map([["x", q]]);

  it("says why it cannot be computed when the statistics have no quantiles", () => {
    const t = distributionOf(production({x: [1, 2, 3]}), stats([{feature: "x"}]));
    expect(t.unavailable).toMatch(/has no training quantiles/);
    expect(t.features[0].psi).toBeNull();
  });

  it("uses the non-missing values only and reports Wasserstein in training SDs", () => {
    const values = [...uniform(1000, 0.5, 1.5), NaN, NaN];
    const t = distributionOf(production({x: values}), stats([{feature: "x", sd: 0.25}], {quantileProbs: probs, quantiles: probsOf(probs)}));
    const f = t.features[0];
    expect(t.unavailable).toBeNull();
    expect(f.ks).toBeCloseTo(0.5, 12);
    expect(f.wasserstein_sd).toBeCloseTo(0.5 / 0.25, 12);
    expect(f.psi_level).toBe("major");
    expect(f.prod_quantiles).toEqual(quantiles(uniform(1000, 0.5, 1.5), probs));
    expect(t.chart_features).toEqual(["x"]);
  });
});
