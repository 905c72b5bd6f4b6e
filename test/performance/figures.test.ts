import {execFile} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {csvParse, quantile} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {toJson} from "../../loaders/pipeline/json.js";
import {performanceTable, type PerformanceTable} from "../../loaders/performance/table.js";
import type {PerformanceDetail} from "../../loaders/performance/detail.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {expectClose, root, runTs, seedData, tempDir, truth, tablesDone} from "../builders/helpers.js";
import {loadModelInputs} from "../../loaders/inputs/index.js";
import {RowErrors} from "../../loaders/performance/index.js";

/** One production row, scored here directly from the CSV text (not through the engine's parser or scorer). */
interface Row {
  category: string;
  brand: string;
  price_tier: string;
  date: string;
  actual: number;
  prediction: number;
  error: number;
  imputed: number;
}

const p = config.performance;
const dimensions = ["category", "price_tier", "brand"] as const;
let table: PerformanceTable;
let detail: PerformanceDetail;
let rows: Row[];
let knownCategories: Set<string>;
let knownBrands: Set<string>;

const rmse = (rs: readonly Row[]) => Math.sqrt(rs.reduce((s, r) => s + r.error * r.error, 0) / rs.length);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sse = (rs: readonly Row[]) => rs.reduce((s, r) => s + r.error * r.error, 0);
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

beforeAll(async () => {
  // The page's figures are the files the tables CLI writes and the site loaders print: check both.
  const out = tempDir();
  const run = runTs("loaders/cli/tables.ts", ["--data", seedData, "--out", out]);
  expect(run.stderr).toMatch(tablesDone);
  table = JSON.parse(readFileSync(join(out, "performance.json"), "utf8"));
  detail = JSON.parse(readFileSync(join(out, "performance-detail.json"), "utf8"));

  const inputs = await loadModelInputs(seedData);
  knownCategories = new Set(inputs.stats.categories!.keys());
  knownBrands = new Set(inputs.stats.brands!.keys());
  const means = new Map(inputs.stats.features.map((f) => [f.feature, f.mean]));
  const csv = csvParse(readFileSync(inputs.files.productions[0].path, "utf8"));
  rows = csv.map((r) => {
    let prediction = inputs.model.intercept;
    let imputed = 0;
    inputs.model.features.forEach((feature, j) => {
      const cell = r[feature]!;
      const missing = cell === "" || cell === "NA";
      if (missing) ++imputed;
      prediction += inputs.model.coefficients[j] * (missing ? means.get(feature)! : Number(cell));
    });
    const actual = Number(r.actual_price);
    return {category: r.category!, brand: r.brand!, price_tier: r.price_tier!, date: r.date!, actual, prediction, error: actual - prediction, imputed};
  });
}, 60_000);

describe("the direct recomputation agrees with R", () => {
  it("first predictions and overall RMSE", () => {
    truth.predictions_head.forEach((pred, i) => expectClose(rows[i].prediction, pred));
    expectClose(rmse(rows), truth.overall.rmse);
  });
});

describe("performance.json: figures beyond R's, recomputed from the CSV", () => {
  it("overall bias and error quantiles; the metric comparison", () => {
    const abs = rows.map((r) => Math.abs(r.error));
    expectClose(table.overall.bias, mean(rows.map((r) => r.error)));
    expectClose(table.overall.p50_abs_error, quantile(abs, 0.5)!);
    expectClose(table.overall.p90_abs_error, quantile(abs, 0.9)!);
    expectClose(table.overall.p95_abs_error, truth.overall.p95_abs);
    expectClose(table.overall.p99_abs_error, quantile(abs, 0.99)!);
    const [r, m, r2] = table.comparison;
    expect([r.metric, m.metric, r2.metric]).toEqual(["RMSE", "MAE", "R²"]);
    expectClose(r.change, truth.overall.rmse - truth.validation.rmse);
    expectClose(r.change_pct, truth.overall.rmse_increase_pct);
    expectClose(m.production, truth.overall.mae);
    expectClose(r2.production, truth.overall.r2);
  });

  it.each(dimensions)("every %s segment: bias, quantiles, shares, flags", (dimension) => {
    const segments = table.segments.filter((s) => s.dimension === dimension);
    const total = sse(rows);
    for (const s of segments) {
      const mine = rows.filter((r) => r[dimension] === s.segment);
      const abs = mine.map((r) => Math.abs(r.error));
      expect(s.n).toBe(mine.length);
      expectClose(s.bias, mean(mine.map((r) => r.error)));
      expectClose(s.p50_abs_error, quantile(abs, 0.5)!);
      expectClose(s.p90_abs_error, quantile(abs, 0.9)!);
      expectClose(s.p99_abs_error, quantile(abs, 0.99)!);
      expectClose(s.row_share, mine.length / rows.length);
      expectClose(s.sse_share, sse(mine) / total);
      expectClose(s.mean_actual_price, mean(mine.map((r) => r.actual)));
      expect(s.small).toBe(mine.length < p.minSegmentRows);
      expect(s.in_training).toBe(dimension === "category" ? knownCategories.has(s.segment) : dimension === "brand" ? knownBrands.has(s.segment) : null);
      if (s.rmse_ci_low !== null) {
        expect(s.rmse_ci_low).toBeLessThanOrEqual(s.rmse);
        expect(s.rmse_ci_high).toBeGreaterThanOrEqual(s.rmse);
        expect(s.significant).toBe(s.rmse_ci_low > truth.validation.rmse);
        expect(s.status).toBe(s.small ? "small sample" : s.significant ? "significantly worse" : s.rmse_ci_high! < truth.validation.rmse ? "significantly better" : "not significantly different");
      }
    }
    expectClose(segments.reduce((a, s) => a + s.sse_share, 0), 1, 1e-12);
  });

  it("the worst segments follow the stated rule", () => {
    const ranked = table.segments
      .filter((s) => s.n >= p.minSegmentRows)
      .sort((a, b) => b.rmse_ci_low! - a.rmse_ci_low! || b.rmse - a.rmse)
      .slice(0, p.worstCount);
    expect(table.worst_segments).toEqual(ranked);
    for (const w of table.worst_segments) expect(table.conclusions.worst).toContain(`${w.segment} (`);
  });

  it("established vs new categories", () => {
    const e = table.established_vs_new!;
    const old = rows.filter((r) => knownCategories.has(r.category));
    const fresh = rows.filter((r) => !knownCategories.has(r.category));
    expectClose(e.established!.rmse, rmse(old));
    expectClose(e.new!.rmse, rmse(fresh));
    expectClose(e.new!.row_share, truth.new_category_share);
    expect(e.new!.categories).toEqual([...new Set(fresh.map((r) => r.category))].sort());
  });

  it("concentration: each dimension's rest RMSE, the order left out and the verdict", () => {
    const c = table.concentration;
    const target = truth.validation.rmse * (1 + p.nearValidationPct / 100);
    expectClose(c.near_validation_rmse, target);
    for (const d of c.by_dimension) {
      const out = new Set(d.left_out);
      const rest = rows.filter((r) => !out.has(r[d.dimension]));
      expectClose(d.rmse_rest, rmse(rest));
      expectClose(d.row_share, 1 - rest.length / rows.length);
      const rmses = d.left_out.map((s) => table.segments.find((x) => x.dimension === d.dimension && x.segment === s)!.rmse);
      expect(rmses).toEqual([...rmses].sort((a, b) => b - a));
      expect(d.recovered).toBe(rmse(rest) <= target);
    }
    const shares = c.by_dimension.filter((d) => d.recovered).map((d) => d.row_share);
    const min = shares.length ? Math.min(...shares) : 1;
    expect(c.verdict).toBe(truth.overall.rmse <= target ? "none" : min <= p.concentratedMaxRowShare ? "concentrated" : "uniform");
  });

  it("daily RMSE and the rolling RMSE pooled over the trailing window", () => {
    const dates = [...new Set(rows.map((r) => r.date))].sort();
    expect(table.daily.map((d) => d.date)).toEqual(dates);
    const first = dayNumber(dates[0]);
    for (const d of table.daily) {
      const day = dayNumber(d.date);
      const mine = rows.filter((r) => r.date === d.date);
      expect(d.n).toBe(mine.length);
      expectClose(d.rmse, rmse(mine));
      if (day - first < p.rollingDays - 1) {
        expect(d.rolling_rmse).toBeNull();
      } else {
        const window = rows.filter((r) => dayNumber(r.date) > day - p.rollingDays && dayNumber(r.date) <= day);
        expect(d.rolling_n).toBe(window.length);
        expectClose(d.rolling_rmse, rmse(window));
      }
    }
  });

  it("RMSE by imputed features: pooled groups and the median split", () => {
    const groups = table.by_imputed_groups;
    expect(groups.reduce((s, g) => s + g.n, 0)).toBe(rows.length);
    for (const g of groups) {
      expect(g.n).toBeGreaterThanOrEqual(p.minSegmentRows);
      expectClose(g.rmse, rmse(rows.filter((r) => r.imputed >= g.from && r.imputed <= g.to)));
    }
    const split = table.imputed_split!;
    expectClose(split.more.rmse, rmse(rows.filter((r) => r.imputed >= split.at)));
    expectClose(split.fewer.rmse, rmse(rows.filter((r) => r.imputed < split.at)));
  });
});

describe("performance-detail.json, recomputed from the CSV", () => {
  it("price bins partition the rows by actual price, cheapest first", () => {
    const bins = detail.price_bins;
    expect(bins.reduce((s, b) => s + b.n, 0)).toBe(rows.length);
    bins.forEach((b, i) => {
      if (i > 0) expect(b.low).toBeGreaterThan(bins[i - 1].high);
      const mine = rows.filter((r) => r.actual >= b.low && r.actual <= b.high);
      expect(b.n).toBe(mine.length);
      expectClose(b.rmse, rmse(mine));
      expectClose(b.bias, mean(mine.map((r) => r.error)));
      expectClose(b.rmse_share_of_price, rmse(mine) / mean(mine.map((r) => r.actual)));
    });
    expect(bins.length).toBe(Math.min(p.priceBins, Math.floor(rows.length / p.minSegmentRows)));
  });

  it("the top 5% of errors, each direction per segment", () => {
    const tail = detail.tail;
    expectClose(tail.threshold, truth.overall.p95_abs);
    const inTail = rows.filter((r) => Math.abs(r.error) > tail.threshold);
    const under = inTail.filter((r) => r.error > 0);
    const over = inTail.filter((r) => r.error < 0);
    expect([tail.n, tail.under.n, tail.over.n]).toEqual([inTail.length, under.length, over.length]);
    for (const [side, mine] of [[tail.under, under], [tail.over, over]] as const) {
      for (const s of side.segments) {
        expect(s.n).toBe(mine.filter((r) => r[s.dimension] === s.segment).length);
        expectClose(s.row_share, rows.filter((r) => r[s.dimension] === s.segment).length / rows.length);
      }
      expect(side.segments.filter((s) => s.dimension === "category").reduce((a, s) => a + s.n, 0)).toBe(mine.length);
    }
  });

  it("leaving the significantly worse worst segments out, as a union of rows", () => {
    const out: {dimension: (typeof dimensions)[number]; segment: string}[] = [];
    const steps = detail.without_worst;
    expect(steps.map((s) => s.segment)).toEqual(table.worst_segments.filter((w) => w.significant).map((w) => w.segment));
    for (const step of steps) {
      out.push(step);
      const rest = rows.filter((r) => !out.some((o) => r[o.dimension] === o.segment));
      expect(step.rows_left_out).toBe(rows.length - rest.length);
      expectClose(step.rmse_rest, rmse(rest));
      expectClose(step.sse_share, 1 - sse(rest) / sse(rows));
    }
  });

  it("scatter points and the error histogram", () => {
    expect(detail.points_total).toBe(rows.length);
    expect(detail.points.length).toBe(Math.min(rows.length, p.maxScatterPoints));
    if (detail.points.length === rows.length) detail.points.forEach((pt, i) => expectClose(pt.predicted, rows[i].prediction));
    expect(detail.error_histogram.reduce((s, b) => s + b.count, 0)).toBe(rows.length);
  });

  it("every conclusion is a sentence from the figures", () => {
    expect(detail.conclusions.tail).toContain(`(${detail.tail.n} rows, each off by more than $`);
    expect(table.conclusions.overall).toContain(`${truth.overall.rmse_increase_pct.toFixed(1)}% above the validation RMSE`);
    for (const text of [...Object.values(table.conclusions), ...Object.values(detail.conclusions)]) expect(text).toMatch(/^[A-Z].*\.$/s);
  });
});

describe("reproducible", () => {
  it("the site's loader prints exactly the CLI's file", async () => {
    const {stdout} = await promisify(execFile)(join(root, "node_modules/.bin/tsx"), [join(root, "src/data/[name].json.ts"), "--name=performance-detail"], {
      cwd: root,
      env: {...process.env, REPORT_DATA_DIR: seedData},
      maxBuffer: 1 << 26,
    });
    expect(JSON.parse(stdout)).toEqual(detail);
  }, 60_000);

  it("the same inputs give the same intervals, in-process and in the CLI", async () => {
    const t = (await reportTables(seedData, {cacheDir: freshCache()}));
    const again = performanceTable(t.inputs.log.accumulation, new RowErrors(t.inputs.log.kept), t.inputs.stats);
    expect(toJson(again)).toBe(toJson(t.performance));
    expect(JSON.parse(toJson(t.performance))).toEqual(table);
    expect(JSON.parse(toJson(t.performanceDetail))).toEqual(detail);
  });
});
