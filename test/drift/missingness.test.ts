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
