import {basename} from "node:path";
import {InputError} from "../errors.js";
import type {LinearModel, ModelOptions} from "../model/index.js";
import {checkReadable, findInputFiles, readBytes, type InputFiles} from "./files.js";
import {parseModelFile} from "./model-file.js";
import {parseStatsFile} from "./stats-file.js";
import type {TrainingStats} from "./training-stats.js";

/** The inputs besides the production log (which the pass streams, file by file: loaders/pass). */
export interface ModelInputs {
  files: InputFiles;
  model: LinearModel;
  stats: TrainingStats;
}

/** The model and training statistics of a data folder, checked against each other (the log's files only for being readable). */
export async function loadModelInputs(dir: string, options: ModelOptions = {}): Promise<ModelInputs> {
  const files = findInputFiles(dir);
  const bytes = {model: readBytes(files.model), stats: readBytes(files.stats)};
  for (const f of files.productions) checkReadable(f.path);
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
