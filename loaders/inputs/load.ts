import {basename} from "node:path";
import {InputError} from "../errors.js";
import type {LinearModel, ModelOptions} from "../model/index.js";
import {config} from "../config.js";
import {parseProductionBytes} from "./csv/production-bytes.js";
import {checkReadable, findInputFiles, readBytes, type InputFiles} from "./files.js";
import {parseModelFile} from "./model-file.js";
import {parseProduction, type ProductionData} from "./production.js";
import {parseStatsFile} from "./stats-file.js";
import type {TrainingStats} from "./training-stats.js";

/** The validated inputs of one report: production log, model and training statistics. */
export interface Inputs {
  files: InputFiles;
  /** The bytes of each file, kept for fingerprints. */
  bytes: {production: Uint8Array; model: Uint8Array; stats: Uint8Array};
  production: ProductionData;
  model: LinearModel;
  stats: TrainingStats;
}

/** Reads and cross-checks a data folder; throws InputError on the first problem. */
export async function loadInputs(dir: string, options: ModelOptions = {}): Promise<Inputs> {
  const files = findInputFiles(dir);
  const bytes = {model: readBytes(files.model), stats: readBytes(files.stats), production: readBytes(files.production)};
  const {model, stats} = await parseModelInputs(files, bytes, options);
  const modelName = basename(files.model);
  // Large logs go to the byte-level reader: same data and errors, far faster (config.scale).
  const production =
    bytes.production.length >= config.scale.streamingMinBytes
      ? parseProductionBytes(bytes.production, model.features, files.production, modelName)
      : parseProduction(new TextDecoder().decode(bytes.production), model.features, files.production, modelName);
  return {files, bytes, production, model, stats};
}

/** The inputs besides the production log, for readers that stream the log instead of loading it. */
export interface ModelInputs {
  files: InputFiles;
  model: LinearModel;
  stats: TrainingStats;
}

/** The model and training statistics of a data folder, checked as `loadInputs` checks them (the log only for being readable). */
export async function loadModelInputs(dir: string, options: ModelOptions = {}): Promise<ModelInputs> {
  const files = findInputFiles(dir);
  const bytes = {model: readBytes(files.model), stats: readBytes(files.stats)};
  checkReadable(files.production);
  return {files, ...(await parseModelInputs(files, bytes, options))};
}

async function parseModelInputs(files: InputFiles, bytes: {model: Uint8Array; stats: Uint8Array}, options: ModelOptions = {}): Promise<{model: LinearModel; stats: TrainingStats}> {
  const model = await parseModelFile(bytes.model, files.model, options);
  const stats = await parseStatsFile(bytes.stats, files.stats);
  checkStatsCoverModel(model, stats, files);
  return {model, stats};
}

/** Scoring imputes with training means and drift compares SDs: every model feature needs both. */
export function checkStatsCoverModel(model: LinearModel, stats: TrainingStats, files: InputFiles): void {
  const known = new Set(stats.features.map((f) => f.feature));
  const absent = model.features.filter((f) => !known.has(f));
  if (absent.length > 0) {
    throw new InputError(
      `no mean/SD for model feature${absent.length > 1 ? "s" : ""} ${absent.slice(0, 5).map((f) => `"${f}"`).join(", ")}${absent.length > 5 ? ", …" : ""} (the model is ${basename(files.model)})`,
      {file: files.stats, column: "features"},
    );
  }
}
