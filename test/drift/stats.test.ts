import {describe, expect, it} from "vitest";
import {pairwiseCorrelation, strengthOf} from "../../loaders/stats/correlation.js";
import {erfc, normalCdf, normalQuantile} from "../../loaders/stats/normal.js";

describe("normal distribution", () => {
  it("quantiles agree with R's qnorm", () => {
    // R: qnorm(c(0.975, 1 - 0.05/2/2775, 1e-10, 0.5))
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(1 - 0.05 / 2 / 2775)).toBeCloseTo(4.288134257895067, 10);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(() => normalQuantile(1)).toThrow();
  });

  it("erfc and the CDF agree with R's pnorm", () => {
    // R: 2 * pnorm(-c(0.3, 1.5, 5) * sqrt(2))
    expect(erfc(0.3)).toBeCloseTo(0.6713732405408726, 14);
    expect(erfc(1.5) / 3.389485352468925e-2).toBeCloseTo(1, 13);
    expect(erfc(5) / 1.537459794428032e-12).toBeCloseTo(1, 12);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 14);
  });
});

describe("pairwise correlation", () => {
  it("uses the rows where both are present", () => {
    expect(pairwiseCorrelation([1, 2, NaN, 3, 4], [2, 4, 7, 6, NaN])).toEqual({r: 1, n: 3});
    const r = pairwiseCorrelation([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(r.r).toBeCloseTo(0.8, 15);
    expect(pairwiseCorrelation([1, 1, 1], [1, 2, 3]).r).toBeNull();
    expect(pairwiseCorrelation([1, 2], [1, 2]).r).toBeNull();
  });

  it("is accurate when the mean dwarfs the spread", () => {
    const x = [7000.1, 7000.2, 7000.3, 7000.4].map((v) => v * 1e6);
    expect(pairwiseCorrelation(x, [1, 3, 2, 4]).r).toBeCloseTo(0.8, 9);
  });

  it("strength words", () => {
    const cut = {weak: 0.1, moderate: 0.3, strong: 0.5};
    expect([0.05, -0.2, 0.3, 0.7].map((r) => strengthOf(r, cut))).toEqual(["negligible", "weak", "moderate", "strong"]);
  });
});
