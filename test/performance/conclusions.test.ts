import {describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {performanceTable} from "../../loaders/performance/table.js";
import {performanceDetail} from "../../loaders/performance/detail.js";
import {rowsOf, synthetic, syntheticStats, type Row} from "../builders/scored-rows.js";

const validation = 8;
const categories = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

/** Ten categories of 60 rows each, with the given RMSE per category. */
function catalogue(rmse: (category: string, i: number) => number): Row[] {
  return categories.flatMap((category, i) => rowsOf(60, rmse(category, i), {category, brand: `Brand${i % 3}`, tier: i < 5 ? "Low" : "High", actual: 20 + 20 * i}));
}

function tables(rows: Row[], known: string[] | null = categories) {
  const {acc, errors} = synthetic(rows);
  const table = performanceTable(acc, errors, syntheticStats(validation, known));
  return {table, detail: performanceDetail(errors, table)};
}

describe("uniform or concentrated", () => {
  it("uniform: every segment equally degraded", () => {
    const {table} = tables(catalogue(() => 2 * validation));
    expect(table.concentration.verdict).toBe("uniform");
    expect(table.conclusions.concentration).toMatch(/^Uniform, not concentrated/);
    expect(tables(catalogue(() => 2 * validation)).detail.conclusions.without_worst).toContain("the rest of the catalogue is degraded too");
    // Shares of squared error follow shares of rows.
    for (const s of table.segments) expect(s.error_share_ratio).toBeCloseTo(1, 12);
    expect(table.conclusions.segments).toContain("10 of 10 categories");
    expect(table.conclusions.segments).toContain("Every judged segment is worse");
  });

  it("concentrated: one category of ten carries the degradation", () => {
    const {table, detail} = tables(catalogue((c) => (c === "D" ? 6 * validation : validation)));
    expect(table.concentration.verdict).toBe("concentrated");
    expect(table.concentration.best_dimension).toBe("category");
    const best = table.concentration.by_dimension.find((d) => d.dimension === "category")!;
    expect(best.left_out).toEqual(["D"]);
    expect(best.row_share).toBeCloseTo(0.1, 12);
    expect(best.rmse_rest).toBeCloseTo(validation, 9);
    expect(table.conclusions.concentration).toMatch(/^Concentrated: leaving out D \(10\.0% of rows/);
    expect(table.worst_segments[0].segment).toBe("D");
    expect(detail.without_worst[0]).toMatchObject({segment: "D", rows_left_out: 60});
    expect(detail.without_worst[0].rmse_rest).toBeCloseTo(validation, 9);
    expect(detail.conclusions.without_worst).toMatch(/^Leaving out D \(60 rows, 10\.0% of all, .*\) brings RMSE back to \$8\.00, within 10% of validation: it carries the degradation\.$/);
  });

  it("none: production as accurate as validation", () => {
    const {table} = tables(catalogue(() => validation));
    expect(table.concentration.verdict).toBe("none");
    expect(table.conclusions.concentration).toMatch(/^No material degradation/);
    expect(table.conclusions.overall).toContain("could be noise");
  });

  it("the threshold is the configured row share: a degraded quarter of the catalogue is not 'concentrated'", () => {
    const bad = new Set(["A", "B", "C"]); // 30% of rows
    expect(config.performance.concentratedMaxRowShare).toBeLessThan(0.3);
    const {table} = tables(catalogue((c) => (bad.has(c) ? 5 * validation : validation)));
    expect(table.concentration.verdict).toBe("uniform");
    expect(table.concentration.min_row_share).toBeCloseTo(0.3, 12);
  });
});

describe("generated sentences follow the data", () => {
  it("overall: significant degradation vs noise", () => {
    const worse = tables(catalogue(() => 2 * validation)).table;
    const same = tables(catalogue(() => validation)).table;
    expect(worse.conclusions.overall).toContain("100.0% above the validation RMSE of $8.00");
    expect(worse.conclusions.overall).toContain("the degradation is real, not noise");
    expect(same.conclusions.overall).not.toBe(worse.conclusions.overall);
  });

  it("established vs new categories", () => {
    const rows = catalogue((c) => (c === "J" ? 5 * validation : validation));
    const withNew = tables(rows, categories.slice(0, 9)).table;
    expect(withNew.established_vs_new!.new!.categories).toEqual(["J"]);
    expect(withNew.conclusions.established).toContain("New categories (J)");
    expect(withNew.conclusions.established).toContain("so the new categories carry the degradation");
    const allKnown = tables(rows).table;
    expect(allKnown.established_vs_new!.new).toBeNull();
    expect(allKnown.conclusions.established).toMatch(/^Every production category occurred in training/);
    expect(tables(rows, null).table.established_vs_new).toBeNull();
  });

  it("imputed features: errors grow with missing inputs, or do not", () => {
    const grow = [...rowsOf(100, validation, {imputed: 1}), ...rowsOf(100, 3 * validation, {imputed: 6})];
    const flat = [...rowsOf(100, validation, {imputed: 1}), ...rowsOf(100, validation, {imputed: 6})];
    const a = tables(grow).table;
    expect(a.imputed_split).toMatchObject({at: 6, fewer: {n: 100}, more: {n: 100}});
    expect(a.imputed_split!.difference_pct).toBeCloseTo(200, 9);
    expect(a.conclusions.imputed).toContain("200.0% higher");
    expect(tables(flat).table.conclusions.imputed).toContain("about the same");
    expect(tables(rowsOf(50, validation, {imputed: 2})).table.conclusions.imputed).toMatch(/^Every row has the same number/);
  });

  it("daily: the last week significantly worse than the first, or not", () => {
    const days = (rmse: (day: number) => number) =>
      Array.from({length: 28}, (_, d) => rowsOf(40, rmse(d), {date: `2026-10-${String(d + 1).padStart(2, "0")}`})).flat();
    const rising = tables(days((d) => (d < 14 ? validation : 3 * validation))).table;
    expect(rising.daily_windows!.change).toBe("worse");
    expect(rising.conclusions.daily).toContain("accuracy got significantly worse");
    const steady = tables(days(() => validation)).table;
    expect(steady.daily_windows!.change).toBe("no detectable change");
    expect(steady.conclusions.daily).toContain("no trend is detectable");
    const short = tables(days(() => validation).slice(0, 40 * 10)).table;
    expect(short.daily_windows).toBeNull();
    expect(short.conclusions.daily).toContain("shorter than two");
  });

  it("rolling RMSE pools the window's squared errors", () => {
    const rows = [...rowsOf(10, 10, {date: "2026-10-01"}), ...rowsOf(30, 20, {date: "2026-10-02"})];
    const {table} = tables(rows);
    const width = config.performance.rollingDays;
    expect(table.daily[0].rolling_rmse).toBeNull();
    // Fill the window so the second day has a full one.
    const full = [...rows, ...rowsOf(20, 5, {date: `2026-10-${String(width).padStart(2, "0")}`})];
    const last = tables(full).table.daily.at(-1)!;
    expect(last.rolling_n).toBe(60);
    expect(last.rolling_rmse).toBeCloseTo(Math.sqrt((10 * 100 + 30 * 400 + 20 * 25) / 60), 12);
  });

  it("price bins and the error tail name where the errors are", () => {
    // Cheap items over-priced by a lot, dear items well served.
    const rows: Row[] = [
      ...Array.from({length: 100}, (_, i) => ({category: "Cheap", tier: "Low", actual: 5 + (i % 10), error: -(10 + i)})),
      ...Array.from({length: 100}, (_, i) => ({category: "Dear", tier: "High", actual: 100 + i, error: i % 2 ? 2 : 4})),
    ];
    const {detail} = tables(rows, null);
    const bins = detail.price_bins;
    expect(bins.reduce((s, b) => s + b.n, 0)).toBe(200);
    expect(bins[0].low).toBe(5);
    expect(bins.at(-1)!.high).toBe(199);
    expect(detail.conclusions.price_bins).toContain("The cheapest bin is over-priced by");
    expect(detail.conclusions.price_bins).toContain("the dearest under-priced by $3.00 on average");
    expect(detail.tail.under.n).toBe(0);
    expect(detail.tail.over.n).toBe(detail.tail.n);
    expect(detail.tail.over.segments.find((s) => s.dimension === "category")!.segment).toBe("Cheap");
    expect(detail.conclusions.tail).toContain("0 under-predictions");
    expect(detail.conclusions.tail).toContain("Over-predictions gather most in Cheap");
  });
});
