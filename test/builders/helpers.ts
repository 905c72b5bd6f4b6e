import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {expect} from "vitest";

export const root = resolve(import.meta.dirname, "../..");
/**
 * The embedded inputs. REPORT_TEST_DATA points the suites at another folder of
 * the same inputs (e.g. their JSON equivalents) while developing.
 */
export const seedData = process.env.REPORT_TEST_DATA || join(root, "data");

export interface Truth {
  n_prod: number;
  validation: {rmse: number; mae: number; r2: number; n: number};
  overall: {rmse: number; mae: number; r2: number; p95_abs: number; rmse_increase_pct: number};
  coefficients: Record<string, number>;
  by_category: Record<string, TruthSegment>;
  by_tier: Record<string, TruthSegment>;
  by_brand: Record<string, TruthSegment>;
  drift: {feature: string; mean_shift_pct: number; sd_change_pct: number; prod_missing_rate: number; severe: boolean}[];
  severe_count: number;
  overall_missing_rate: number;
  new_category_share: number;
  predictions_head: number[];
}
export interface TruthSegment {
  n: number;
  rmse: number;
  mae: number;
  p95_abs: number;
}

export const truth: Truth = JSON.parse(readFileSync(join(root, "test/fixtures/truth.json"), "utf8"));

/** Asserts agreement with R to `rel` relative (absolute near zero). */
export function expectClose(actual: number | null | undefined, expected: number, rel = 1e-9): void {
  expect(actual).toBeTypeOf("number");
  const scale = Math.max(Math.abs(expected), 1e-12);
  if (Math.abs((actual as number) - expected) / scale > rel) {
    expect.fail(`${actual} differs from R's ${expected} by more than ${rel} relative`);
  }
}

/** Asserts every feature's drift row (drift.json's or drift-report.json's) agrees with R's, in R's order. */
export function expectDriftAgrees(features: readonly {feature: string; mean_shift_pct: number | null; sd_change_pct: number | null; prod_missing_rate: number; severe: boolean}[]): void {
  expect(features.map((f) => f.feature)).toEqual(truth.drift.map((f) => f.feature));
  features.forEach((f, j) => {
    const r = truth.drift[j];
    expectClose(f.mean_shift_pct, r.mean_shift_pct);
    expectClose(f.sd_change_pct, r.sd_change_pct);
    expectClose(f.prod_missing_rate, r.prod_missing_rate);
    expect(f.severe, f.feature).toBe(r.severe);
  });
}

/** A fresh copy of the seed data folder, optionally edited, in a temp dir. */
export function dataCopy(edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "report-data-"));
  cpSync(seedData, dir, {recursive: true});
  edit?.(dir);
  return dir;
}

export function editText(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

export function tempDir(prefix = "report-out-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs an npm script's TypeScript entry directly with tsx (what `npm run` would). */
export function runTs(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, ...env},
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** The one line the tables CLI prints on stderr when it is done (issue 19): what, where, rows, time. */
export const tablesDone = /^tables: wrote \d+ files to \S+\/ \(\d[\d,]* rows? from \d+ files?( \(\d+ from the cache\))?\) in \d+\.\d s\n$/;
