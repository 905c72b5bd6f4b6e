import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {ProductionData, TrainingStats} from "../../loaders/inputs/index.js";
import type {LinearModel} from "../../loaders/model/index.js";
import {loadModelInputs} from "../../loaders/inputs/index.js";
import type {ReportInputs} from "../../loaders/pass/index.js";
import {reportInputs, reportTables, type ReportOptions, type Tables} from "../../loaders/pipeline/index.js";
import {csvField} from "../../loaders/shared/index.js";

/** A report's inputs held in memory: what the synthetic builders make. */
export interface MemoryInputs {
  production: ProductionData;
  model: LinearModel;
  stats: TrainingStats;
}

/**
 * Writes in-memory inputs as a data folder (the log as CSV, the model and the
 * statistics as their documented JSON), so tests run the one engine on them
 * exactly as on any user's folder. Numbers are written in their shortest
 * round-trip form, so the engine reads back the same doubles.
 */
export function writeDataFolder({production, model, stats}: MemoryInputs, dir = mkdtempSync(join(tmpdir(), "report-inputs-"))): string {
  const header = ["product_id", "date", "category", "brand", "price_tier", "actual_price", ...production.features];
  if (production.unitsSold) header.push("units_sold");
  if (production.latencyMs) header.push("latency_ms");
  const num = (x: number) => (x === x ? String(x) : "");
  const lines = [header.map(csvField).join(",")];
  for (let r = 0; r < production.rows; ++r) {
    const cells = [production.productId[r], production.date[r], production.category[r], production.brand[r], production.priceTier[r]].map(csvField);
    cells.push(num(production.actualPrice[r]), ...production.x.map((column) => num(column[r])));
    if (production.unitsSold) cells.push(num(production.unitsSold[r]));
    if (production.latencyMs) cells.push(num(production.latencyMs[r]));
    lines.push(cells.join(","));
  }
  writeFileSync(join(dir, "production.csv"), lines.join("\n") + "\n");
  writeFileSync(join(dir, "production_model.json"), JSON.stringify({kind: model.kind, lambda: model.lambda, intercept: model.intercept, coefficients: Object.fromEntries(model.features.map((f, j) => [f, model.coefficients[j]]))}));
  writeFileSync(join(dir, "training_stats.json"), JSON.stringify(statsJson(stats)));
  return dir;
}

/** TrainingStats in the JSON shape the statistics file takes (README, "Training statistics JSON"). */
export function statsJson(stats: TrainingStats): unknown {
  return {
    n_obs: stats.nObs,
    window: stats.window,
    features: stats.features.map((f) => ({feature: f.feature, source: f.source, unit: f.unit, mean: f.mean, sd: f.sd, missing_rate: f.missingRate, min: f.min, max: f.max})),
    validation: stats.validation,
    quantile_probs: stats.quantileProbs,
    quantiles: stats.quantiles ? Object.fromEntries(stats.quantiles) : null,
    correlation: stats.correlation,
    target: stats.target,
    categories: stats.categories ? Object.fromEntries(stats.categories) : null,
    brands: stats.brands ? Object.fromEntries(stats.brands) : null,
    imputation: stats.imputation,
  };
}

/** A fresh cache folder, so a test's run reads its files (and does not meet another test's entries). */
export function freshCache(): string {
  return mkdtempSync(join(tmpdir(), "report-cache-"));
}

/** Every table of the report on in-memory inputs, through the one engine. */
export function engineTables(inputs: MemoryInputs, options: ReportOptions = {}): Promise<Tables> {
  return reportTables(writeDataFolder(inputs), {cacheDir: freshCache(), threads: 1, ...options});
}

/** The model inputs and the pass's log of in-memory inputs. */
export async function engineInputs(inputs: MemoryInputs, options: ReportOptions = {}): Promise<ReportInputs> {
  return reportInputs(await loadModelInputs(writeDataFolder(inputs)), {cacheDir: freshCache(), threads: 1, ...options});
}
