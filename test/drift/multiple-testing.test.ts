import {describe, expect, it} from "vitest";
import {perTestLevel, rejected} from "../../loaders/stats/multiple-testing.js";
import {ksCritical, ksPValue} from "../../loaders/drift/distribution.js";
import {normalCdf, normalQuantile} from "../../loaders/stats/normal.js";
import {config} from "../../loaders/config.js";

describe("multiple-testing corrections at known p-values", () => {
  // By hand, as R's p.adjust gives them: Bonferroni-adjusted 0.01, 0.08, 0.39, … (one ≤ 0.05);
  // BH-adjusted min over j ≥ i of m·p_(j)/j: 0.01, 0.04, 0.084, 0.084, 0.084, … (two ≤ 0.05).
  const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];

  it("Bonferroni: per-test level α / m, whatever the p-values", () => {
    expect(perTestLevel(p, 0.05, "bonferroni")).toBe(0.005);
    expect(rejected(p, 0.05, "bonferroni")).toEqual([true, false, false, false, false, false, false, false, false, false]);
  });

  it("Benjamini–Hochberg: the largest k with p_(k) ≤ kα/m", () => {
    // p_(2) = 0.008 ≤ 2·0.005 = 0.01; p_(3) = 0.039 > 0.015, p_(5) = 0.042 > 0.025, … so k = 2.
    expect(perTestLevel(p, 0.05, "benjamini-hochberg")).toBeCloseTo(0.01, 15);
    expect(rejected(p, 0.05, "benjamini-hochberg")).toEqual([true, true, false, false, false, false, false, false, false, false]);
    // Step-up: a later p-value under its line rescues earlier ones above theirs (p.adjust BH: all 0.04).
    expect(rejected([0.04, 0.03, 0.02, 0.04], 0.05, "benjamini-hochberg")).toEqual([true, true, true, true]);
    // Nothing under any line: nothing rejected, and the level stays α / m (a finite critical value).
    expect(perTestLevel([0.3, 0.5], 0.05, "benjamini-hochberg")).toBe(0.025);
    expect(rejected([0.3, 0.5], 0.05, "benjamini-hochberg")).toEqual([false, false]);
  });

  it("an uncorrected family of 75 null tests flags about 4 by chance; Bonferroni's family-wise rate stays under 5%", () => {
    // Independent uniform p-values under the null: P(any of 75 ≤ 0.05/75) = 1 − (1 − 0.05/75)^75.
    expect(1 - (1 - 0.05 / 75) ** 75).toBeLessThan(0.05);
    expect(75 * 0.05).toBeCloseTo(3.75, 12);
  });

  it("KS: the p-value is the critical value's inverse, so the family's critical value is the one at its per-test level", () => {
    const n = 480;
    const m = 3528;
    const level = 0.05 / 75;
    const d = ksCritical(level, n, m);
    expect(ksPValue(d, n, m)).toBeCloseTo(level, 15);
    expect(ksPValue(d * 1.01, n, m)).toBeLessThan(level);
    expect(ksPValue(0, n, m)).toBe(1);
  });

  it("Fisher z: the critical |z| at Bonferroni's level over 2,775 pairs is z(1 − 0.05 / 5550)", () => {
    const z = normalQuantile(1 - perTestLevel(new Array(2775).fill(1), 0.05, "bonferroni") / 2);
    expect(z).toBe(normalQuantile(1 - 0.05 / 2 / 2775));
    expect(2 * normalCdf(-z)).toBeCloseTo(0.05 / 2775, 15);
  });

  it("the report uses one rule, configured in one place", () => {
    expect(config.driftAnalysis.multipleTesting).toEqual({correction: "bonferroni", familyAlpha: 0.05});
  });
});
