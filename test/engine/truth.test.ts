import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import {referenceInputs} from "../builders/csv-parse-reference.js";
import type {DriftTable} from "../../loaders/drift/table.js";
import type {PerformanceTable} from "../../loaders/performance/table.js";
import {expectClose, expectDriftAgrees, runTs, seedData, tempDir, truth, type TruthSegment, tablesDone} from "../builders/helpers.js";

// The tables CLI is the contract other tools read: check its files, not only the library.
let out: string;
let performance: PerformanceTable;
let drift: DriftTable;

beforeAll(() => {
  out = tempDir();
  const run = runTs("loaders/cli/tables.ts", ["--data", seedData, "--out", out]);
  expect(run.stderr).toMatch(tablesDone);
  expect(run.status).toBe(0);
  performance = JSON.parse(readFileSync(join(out, "performance.json"), "utf8"));
  drift = JSON.parse(readFileSync(join(out, "drift.json"), "utf8"));
});

describe("performance.json agrees with R", () => {
  it("overall", () => {
    expect(performance.n).toBe(truth.n_prod);
    expectClose(performance.overall.rmse, truth.overall.rmse);
    expectClose(performance.overall.mae, truth.overall.mae);
    expectClose(performance.overall.r2, truth.overall.r2);
    expectClose(performance.overall.p95_abs_error, truth.overall.p95_abs);
    expectClose(performance.overall.rmse_increase_pct, truth.overall.rmse_increase_pct);
    expectClose(performance.validation.rmse, truth.validation.rmse);
    expectClose(performance.validation.mae, truth.validation.mae);
    expectClose(performance.validation.r2, truth.validation.r2);
    expect(performance.validation.n).toBe(truth.validation.n);
  });

  const dimensions: [string, keyof typeof truth & ("by_category" | "by_tier" | "by_brand")][] = [
    ["category", "by_category"],
    ["price_tier", "by_tier"],
    ["brand", "by_brand"],
  ];
  it.each(dimensions)("every %s segment", (dimension, key) => {
    const expected: Record<string, TruthSegment> = truth[key];
    const rows = performance.segments.filter((s) => s.dimension === dimension);
    expect(rows.map((s) => s.segment).sort()).toEqual(Object.keys(expected).sort());
    for (const row of rows) {
      const r = expected[row.segment];
      expect(row.n).toBe(r.n);
      expectClose(row.rmse, r.rmse);
      expectClose(row.mae, r.mae);
      expectClose(row.p95_abs_error, r.p95_abs);
    }
  });

  it("worst segments are real segments (the ranking rule is tested in test/performance)", () => {
    expect(performance.worst_segments.length).toBe(5);
    for (const w of performance.worst_segments) expect(performance.segments).toContainEqual(w);
  });
});

describe("drift.json agrees with R", () => {
  it("every feature's mean shift, SD change, missing rate and severe flag", () => {
    expectDriftAgrees(drift.features);
  });

  it("severe count, overall missing rate and new-category share", () => {
    expect(drift.severe_count).toBe(truth.severe_count);
    expectClose(drift.overall_missing_rate, truth.overall_missing_rate);
    expectClose(drift.new_category_share, truth.new_category_share);
  });
});

describe("scores.csv", () => {
  it("has one row per input row, in input order, and R's first 20 predictions", () => {
    const scores = csvParse(readFileSync(join(out, "scores.csv"), "utf8"));
    expect(scores.columns).toEqual(["product_id", "date", "category", "brand", "price_tier", "actual_price", "prediction", "error", "abs_error", "imputed_features"]);
    const input = csvParse(readFileSync(join(seedData, "production_simulation.csv"), "utf8"));
    expect(scores.map((s) => s.product_id)).toEqual(input.map((r) => r.product_id));
    truth.predictions_head.forEach((p, i) => expectClose(Number(scores[i].prediction), p));
    scores.forEach((s) => expectClose(Number(s.error), Number(s.actual_price) - Number(s.prediction), 1e-12));
  });

  it("counts imputed features per row", async () => {
    const inputs = await referenceInputs(seedData);
    const scores = csvParse(readFileSync(join(out, "scores.csv"), "utf8"));
    const missing = (r: number) => inputs.production.x.filter((column) => Number.isNaN(column[r])).length;
    scores.forEach((s, r) => expect(Number(s.imputed_features)).toBe(missing(r)));
  });
});
