import {describe, expect, it} from "vitest";
import {errorByMissing, isElevated, outageRuns} from "../../loaders/drift/missingness.js";

describe("missingness rules", () => {
  it("elevated: more than 2× training and at least 5 points above", () => {
    expect(isElevated(0.02, 0.12)).toBe(true);
    expect(isElevated(0.016, 0.066)).toBe(true); // exactly 5 points, despite floating point
    expect(isElevated(0.02, 0.06)).toBe(false); // 3×, 4 points
    expect(isElevated(0.1, 0.19)).toBe(false); // 9 points, < 2×
    expect(isElevated(0, 0.05)).toBe(true);
  });

  it("outage windows: consecutive days above 2× the median and 10 points above it", () => {
    const rates = [0.18, 0.2, 0.16, 0.19, 0.57, 0.55, 0.58, 0.56, 0.17, 0.18, 0.21, 0.3, 0.18];
    const daily = rates.map((rate, i) => ({date: `d${i}`, rate}));
    const runs = outageRuns(daily, 2, 0.1);
    expect(runs).toEqual([{start: 4, end: 7, median: 0.2}]);
    // A day at 0.3 is above the median by 11 points but not twice it: no outage.
    expect(outageRuns(daily.slice(8), 2, 0.1)).toEqual([]);
    // From a near-zero baseline, doubling alone is not an outage.
    expect(outageRuns([0.005, 0.004, 0.02, 0.005].map((rate, i) => ({date: `d${i}`, rate})), 2, 0.1)).toEqual([]);
    // Two separate windows.
    expect(outageRuns([0.1, 0.5, 0.1, 0.1, 0.1, 0.5, 0.5].map((rate, i) => ({date: `d${i}`, rate})), 2, 0.1).map((r) => [r.start, r.end])).toEqual([
      [1, 1],
      [5, 6],
    ]);
  });

  it("RMSE of rows with a feature missing vs present", () => {
    const r = errorByMissing([1, NaN, 2, NaN, 3], [1, 3, -1, -5, 1]);
    expect(r).toEqual({n_missing: 2, n_present: 3, rmse_missing: Math.sqrt(17), rmse_present: 1});
    expect(errorByMissing([1, 2], [1, 1]).rmse_missing).toBeNull();
  });
});

describe("missingness against errors, robustly", () => {
  it("Spearman's ρ with average ranks for ties, as R's cor(method = \"spearman\")", async () => {
    const {averageRanks, spearmanCorrelation} = await import("../../loaders/stats/rank-correlation.js");
    expect(Array.from(averageRanks([5, 6, 7, 8, 7]))).toEqual([1, 2, 3.5, 5, 3.5]);
    // By hand: Pearson of 1…5 and 1, 2, 3.5, 5, 3.5 is 8 / √95.
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).r).toBeCloseTo(8 / Math.sqrt(95), 15);
    // Any increasing transform leaves it unchanged: one huge value cannot sway it.
    expect(spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8e9, 7]).r).toBeCloseTo(8 / Math.sqrt(95), 15);
  });

  it("two huge errors carry Pearson's r; without the top 1% of squared errors, and by rank, it does not", async () => {
    const {imputedErrorRobust} = await import("../../loaders/drift/missingness.js");
    const n = 200;
    // Imputed counts cycle 0…4 with errors unrelated to them, except two rows with 4 imputed features and huge errors.
    const imputed = Array.from({length: n}, (_, i) => i % 5);
    const error = Array.from({length: n}, (_, i) => Math.sin(i * 12.9898) * 3);
    imputed[7] = 4;
    error[7] = 500;
    imputed[12] = 4;
    error[12] = -400;
    const day = (row: number) => (row < 20 ? "2026-10-18" : "2026-10-01");
    const r = imputedErrorRobust(Uint16Array.from(imputed), Float64Array.from(error), day, new Set(["2026-10-18"]), 0.01, {weak: 0.1, moderate: 0.3, strong: 0.5});
    const {pairwiseCorrelation} = await import("../../loaders/stats/correlation.js");
    const pearson = pairwiseCorrelation(imputed, error.map((e) => e * e)).r ?? 0;
    expect(pearson).toBeGreaterThan(0.1);
    expect(r.trimmed_rows).toBe(2);
    expect(Math.abs(r.r_trimmed ?? 1)).toBeLessThan(0.1);
    expect(Math.abs(r.spearman ?? 1)).toBeLessThan(0.1);
    expect(r.outage_rows).toBe(20);
    expect(r.rows_outside_outages).toBe(180);
  });
});
