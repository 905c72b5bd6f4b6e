import {accessSync, constants, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {InputError} from "../errors.js";

/** One production file of the log: a CSV or Parquet file anywhere under the data folder. */
export interface ProductionFile {
  /** Path as opened. */
  path: string;
  /** Path relative to the data folder, with "/" separators (what messages and the data notes name). */
  name: string;
  kind: "csv" | "parquet";
  size: number;
}

/**
 * The input files of a data folder. The production log is every .csv and
 * .parquet file in the folder and its subfolders (a pipeline writes one per
 * day or hour), read as one log in the order of their sorted relative paths;
 * the model and the training statistics sit at the top with fixed names, as
 * .rds (what R writes) or .json (the documented equivalent for teams without
 * R). Hidden files and folders (a leading ".") are not part of the log.
 */
export interface InputFiles {
  dir: string;
  productions: ProductionFile[];
  model: string;
  stats: string;
}

export const modelBaseName = "production_model";
export const statsBaseName = "training_stats";

export function findInputFiles(dir: string): InputFiles {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new InputError("data folder not found", {file: dir});
  }
  const productions = productionFiles(dir);
  if (productions.length === 0) throw new InputError("no production log in the data folder (expected .csv or .parquet files)", {file: dir});
  return {dir, productions, model: pick(dir, names, modelBaseName), stats: pick(dir, names, statsBaseName)};
}

function productionFiles(dir: string): ProductionFile[] {
  const found: ProductionFile[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else {
        const lower = entry.name.toLowerCase();
        const kind = lower.endsWith(".csv") ? "csv" : lower.endsWith(".parquet") ? "parquet" : null;
        if (kind === null || !(entry.isFile() || entry.isSymbolicLink())) continue;
        found.push({path, name: relative(dir, path).split(sep).join("/"), kind, size: statSync(path).size});
      }
    }
  };
  visit(dir);
  // Sorted by relative path, code unit by code unit: the same order on every machine and locale.
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function pick(dir: string, names: string[], base: string): string {
  const found = [".rds", ".json"].map((ext) => base + ext).filter((name) => names.includes(name));
  if (found.length === 0) throw new InputError(`missing ${base}.rds (or ${base}.json)`, {file: dir});
  if (found.length > 1) throw new InputError(`both ${found.join(" and ")} are present; keep one`, {file: dir});
  return join(dir, found[0]);
}

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new InputError("cannot read the file", {file});
  }
}

export function checkReadable(file: string): void {
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new InputError("cannot read the file", {file});
  }
}
