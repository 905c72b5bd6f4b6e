import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../errors.js";
import {FieldReader} from "../inputs/index.js";
import {compareVersions, isVersion, type Release} from "./releases.js";

/** Committed releases live here, one `<version>.json` each. */
export const releasesDir = "releases";

/** Every release recorded in `dir`, oldest first; a damaged file is an error naming it. */
export function readReleases(dir = releasesDir): Release[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => {
      const file = join(dir, name);
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        throw new InputError("not valid JSON", {file});
      }
      return checkRelease(value, file, name.slice(0, -".json".length));
    })
    .sort((a, b) => compareVersions(a.version, b.version));
}

function checkRelease(value: unknown, file: string, expected: string): Release {
  const f: FieldReader = new FieldReader(file);
  const r = f.object(value, "(top level)");
  const version = f.string(r.version, "version");
  if (!isVersion(version) || version !== expected) f.fail("version", `"${version}" does not match the file name ${expected}.json`);
  const figures = f.object(r.figures, "figures");
  for (const key of ["rows", "rmse", "validation_rmse", "rmse_increase_pct", "severe_drift_count", "overall_missing_rate"]) f.number(figures[key], `figures.${key}`);
  f.array(r.inputs, "inputs");
  return value as Release;
}
