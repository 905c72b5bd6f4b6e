import {accessSync, constants, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../errors.js";

/**
 * The three input files of a data folder. The production log is the folder's
 * one .csv file; the model and the training statistics have fixed names, as
 * .rds (what R writes) or .json (the documented equivalent for teams without R).
 */
export interface InputFiles {
  production: string;
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
  const csv = names.filter((name) => name.toLowerCase().endsWith(".csv")).sort();
  if (csv.length === 0) throw new InputError("no production .csv file in the data folder", {file: dir});
  if (csv.length > 1) throw new InputError(`more than one .csv file in the data folder (${csv.join(", ")}); keep exactly one`, {file: dir});
  return {production: join(dir, csv[0]), model: pick(dir, names, modelBaseName), stats: pick(dir, names, statsBaseName)};
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
