import {describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {performanceTable, worstSegments, type SegmentPerformance} from "../../loaders/performance/table.js";
import {rowsOf, synthetic, syntheticStats} from "../builders/scored-rows.js";

const min = config.performance.minSegmentRows;

/** A segment row with just what the rule reads. */
function seg(segment: string, n: number, rmse: number, low: number | null, high: number | null = low === null ? null : rmse * 2 - low): SegmentPerformance {
  return {
    dimension: "category",
    segment,
    n,
    rmse,
    mae: rmse,
    bias: 0,
    r2: null,
    rmse_increase_pct: 0,
    p50_abs_error: 0,
    p90_abs_error: 0,
    p95_abs_error: 0,
    p99_abs_error: 0,
    rmse_ci_low: low,
    rmse_ci_high: high,
    ci_method: low === null ? null : "bootstrap",
    significant: false,
    mean_actual_price: 50,
    small: n < min,
    status: "not significantly different",
    row_share: 0,
    sse_share: 0,
    error_share_ratio: 0,
    in_training: null,
  };
}

describe("worstSegments", () => {
  it("never ranks a segment below the size floor, however bad", () => {
    const worst = worstSegments([seg("tiny", 3, 90, 60), seg("big", min, 12, 10), seg("mid", min + 5, 11, 9)]);
    expect(worst.map((s) => s.segment)).toEqual(["big", "mid"]);
  });

  it("ranks by the interval's lower bound: a tight bad segment beats a noisy worse-looking one", () => {
    const worst = worstSegments([seg("noisy", 25, 30, 12, 45), seg("tight", 200, 20, 17, 23)]);
    expect(worst.map((s) => s.segment)).toEqual(["tight", "noisy"]);
  });

  it("breaks ties on the lower bound by RMSE, then by name", () => {
    const worst = worstSegments([seg("b", 50, 14, 10), seg("a", 50, 14, 10), seg("c", 50, 18, 10)]);
    expect(worst.map((s) => s.segment)).toEqual(["c", "a", "b"]);
  });

  it("returns at most `count`, fewer when fewer can be ranked", () => {
    const many = Array.from({length: 9}, (_, i) => seg(`s${i}`, 50, 10 + i, 5 + i));
    expect(worstSegments(many).map((s) => s.segment)).toEqual(["s8", "s7", "s6", "s5", "s4"]);
    expect(worstSegments(many, 2)).toHaveLength(2);
    expect(worstSegments([seg("x", 5, 30, 20)])).toEqual([]);
  });

  it("end to end: a 3-row disaster is marked small and left out of the worst list", () => {
    const {acc, errors} = synthetic([
      ...rowsOf(3, 200, {category: "Tiny", brand: "TinyBrand", tier: "TinyTier"}),
      ...rowsOf(60, 30, {category: "Bad", brand: "B1", tier: "Mid"}),
      ...rowsOf(300, 8, {category: "Fine", brand: "B2", tier: "Low"}),
    ]);
    const table = performanceTable(acc, errors, syntheticStats(8));
    const tiny = table.segments.find((s) => s.segment === "Tiny")!;
    expect(tiny.small).toBe(true);
    expect(tiny.status).toBe("small sample");
    expect(table.segments.filter((s) => s.small).map((s) => s.segment)).toEqual(["Tiny", "TinyTier", "TinyBrand"]);
    expect(table.worst_segments.some((s) => s.small)).toBe(false);
    // Bad, its tier and its brand hold the same 60 rows: all three top the list.
    expect(table.worst_segments.slice(0, 3).map((s) => s.segment).sort()).toEqual(["B1", "Bad", "Mid"]);
    expect(table.worst_rule).toContain(`at least ${min} rows`);
    expect(table.conclusions.worst).toContain("Bad (category: RMSE $30.00");
  });
});
