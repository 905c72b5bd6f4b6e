import {csvParse, mean} from "d3";
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import type {DriftReport} from "../../loaders/drift/report.js";
import {reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {referenceInputs} from "../builders/csv-parse-reference.js";
import {freshCache, statsJson} from "../builders/engine.js";
import {dataCopy, expectClose, expectDriftAgrees, runTs, seedData, truth} from "../builders/helpers.js";

// The page reads the site loader's JSON: check that, not only the library.
let text: string;
let report: DriftReport;
let tables: Tables;

beforeAll(async () => {
  const run = runTs("src/data/[name].json.ts", ["--name=drift-report"], {REPORT_DATA_DIR: seedData});
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  text = run.stdout;
  report = JSON.parse(text);
  tables = (await reportTables(seedData, {cacheDir: freshCache()}));
});

describe("drift-report.json agrees with R", () => {
  it("every feature's mean shift, SD change, missing rate and severe flag", () => {
    expectDriftAgrees(report.features);
    expect(report.severe_count).toBe(truth.severe_count);
    expect(report.impact.high_risk).toHaveLength(truth.severe_count);
    expectClose(report.missingness.prod_rate, truth.overall_missing_rate);
    const categories = report.new_segments.find((d) => d.dimension === "category")!;
    expectClose(categories.share_new, truth.new_category_share);
  });

  it("missingness against errors: Spearman's ρ, Pearson's r without the top 1%, ρ outside the outage, as R computes them from scores.csv", () => {
    // R 4: d <- read.csv("scores.csv"); cor(d$imputed_features, d$abs_error, method = "spearman");
    // k <- setdiff(seq_len(nrow(d)), order(-d$abs_error)[1:5]); cor(d$imputed_features[k], d$error[k]^2);
    // out <- !(d$date >= "2026-10-18" & d$date <= "2026-10-21"); cor(d$imputed_features[out], d$abs_error[out], method = "spearman")
    const robust = report.missingness.imputed_error_robust;
    expectClose(robust.spearman, 0.2684732438657349);
    expect(robust.trimmed_rows).toBe(5);
    expectClose(robust.r_trimmed, 0.22637298534129599);
    expect(robust.outage_rows).toBe(73);
    expectClose(robust.spearman_outside_outages, 0.18034666747963868);
  });

  it("prediction shift = R's β × (production mean − training mean), production means straight from the CSV", () => {
    const csv = csvParse(readFileSync(join(seedData, "production_simulation.csv"), "utf8"));
    const trainMean = new Map(tables.inputs.stats.features.map((f) => [f.feature, f.mean]));
    for (const f of report.features) {
      const prodMean = mean(csv, (row) => (row[f.feature] === "" || row[f.feature] === "NA" ? undefined : Number(row[f.feature])))!;
      expectClose(f.prediction_shift, truth.coefficients[f.feature] * (prodMean - trainMean.get(f.feature)!), 1e-9);
    }
  });

  it("importance is loaders/importance.ts's, and the imputed-count table is the performance table's", () => {
    const rank = new Map(tables.importance.map((f) => [f.feature, f.rank]));
    for (const f of report.features) expect(f.importance_rank).toBe(rank.get(f.feature));
    expect(report.missingness.by_imputed).toEqual(JSON.parse(JSON.stringify(tables.performance.by_imputed)));
  });

  it("daily missing rates and the outage window, recomputed row by row", async () => {
    const {production, stats, scores} = await referenceInputs(seedData);
    const source = new Map(stats.features.map((f) => [f.feature, f.source]));
    for (const o of report.missingness.outages) {
      const js = production.features.flatMap((f, j) => (source.get(f) === o.source ? [j] : []));
      const rows = production.date.flatMap((d, r) => (d >= o.start && d <= o.end ? [r] : []));
      const missing = rows.reduce((sum, r) => sum + js.filter((j) => Number.isNaN(production.x[j][r])).length, 0);
      expect(o.rows).toBe(rows.length);
      expectClose(o.rate, missing / (rows.length * js.length));
      expectClose(o.rmse, Math.sqrt(mean(rows, (r) => scores.error[r] ** 2)!));
    }
    const days = new Set(production.date);
    const sources = new Set(stats.features.map((f) => f.source));
    expect(report.missingness.daily).toHaveLength(days.size * sources.size);
  });

  it("fits the page's size budget", () => {
    expect(text.length).toBeLessThan(2_000_000);
  });
});

describe("a statistics file without quantiles or correlations", () => {
  it("the distribution and correlation sections say they cannot be computed", async () => {
    const dir = dataCopy((d) => {
      rmSync(join(d, "training_stats.rds"));
      writeFileSync(join(d, "training_stats.json"), JSON.stringify(statsJson({...tables.inputs.stats, quantileProbs: null, quantiles: null, correlation: null})));
    });
    const r = (await reportTables(dir, {cacheDir: freshCache()})).driftReport;
    expect(r.distribution.unavailable).toMatch(/has no training quantiles/);
    expect(r.features.every((f) => f.psi === null)).toBe(true);
    expect(r.conclusions.distribution).toMatch(/^Distribution tests cannot be computed: /);
    expect(r.conclusions.correlation).toMatch(/^Correlation changes cannot be computed: .* has no training correlation matrix\.$/);
    // Everything else is unaffected.
    expect(r.severe_count).toBe(truth.severe_count);
  });
});
