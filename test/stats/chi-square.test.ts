import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {chiSquareGoodnessOfFit, chiSquareHomogeneity, chiSquareUpperTail, logGamma, regularizedGammaQ} from "../../loaders/stats/chi-square.js";
import {expectClose, root} from "../builders/helpers.js";

// R's pchisq(x, df, lower.tail = FALSE) over a grid (test/fixtures/mix/make.R).
const tails: {x: number; df: number; p: number}[] = JSON.parse(readFileSync(join(root, "test/fixtures/mix/truth-mix.json"), "utf8")).chi_square_tails;

describe("the chi-square upper tail agrees with R's pchisq", () => {
  it(`to 1e-9 relative at ${tails.length} (x, df) pairs, from p ≈ 1 to p ≈ 1e-20`, () => {
    expect(tails.length).toBeGreaterThanOrEqual(30);
    expect(Math.min(...tails.map((t) => t.p))).toBeLessThan(1e-15);
    for (const {x, df, p} of tails) expectClose(chiSquareUpperTail(x, df), p, 1e-9);
  });

  it("closed forms: df = 2 is e^(−x/2); Q(1, x) = e^(−x); Q(a, 0) = 1", () => {
    for (const x of [0.1, 1, 5, 30, 200]) expectClose(chiSquareUpperTail(x, 2), Math.exp(-x / 2), 1e-13);
    expectClose(regularizedGammaQ(1, 3), Math.exp(-3), 1e-14);
    expect(regularizedGammaQ(2.5, 0)).toBe(1);
    expect(chiSquareUpperTail(0, 4)).toBe(1);
  });

  it("ln Γ: Γ(n) = (n − 1)! and Γ(1/2) = √π", () => {
    expectClose(logGamma(10), Math.log(362880), 1e-14);
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    expectClose(logGamma(171), 706.5730622457874, 1e-14);
  });

  it("goodness of fit: Σ (O − E)² / E with E from normalized weights, df = cells − 1", () => {
    // R: chisq.test(c(30, 50, 20), p = c(1, 2, 1) / 4): X-squared = 2, df = 2, p = exp(-1).
    const fit = chiSquareGoodnessOfFit([30, 50, 20], [1, 2, 1]);
    expectClose(fit.statistic, 2, 1e-14);
    expect(fit.df).toBe(2);
    expectClose(fit.p_value, Math.exp(-1), 1e-13);
    expect(fit.min_expected).toBe(25);
    expect(() => chiSquareGoodnessOfFit([1, 2], [0, 1])).toThrow(/positive/);
  });

  it("homogeneity: a 2 × k table's Pearson statistic, df = k − 1", () => {
    // R: chisq.test(rbind(c(10, 20), c(20, 10)), correct = FALSE): X-squared = 6.6667, df = 1.
    const t = chiSquareHomogeneity([10, 20], [20, 10]);
    expectClose(t.statistic, 20 / 3, 1e-14);
    expect(t.df).toBe(1);
    expectClose(t.p_value, chiSquareUpperTail(20 / 3, 1), 1e-15);
    expect(() => chiSquareHomogeneity([1, 0], [1, 0])).toThrow(/cells/);
  });
});
