import {spawnSync} from "node:child_process";
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join, resolve} from "node:path";
import {commandOrExit} from "../loaders/cli/args.js";
import {generateProductionCsv} from "./generate.js";

/**
 * `npm run same-outputs -- [--base REV] [--rows N] [--keep]`
 *
 * Whether this working tree writes the same bytes as commit REV (default
 * HEAD): every file of the tables CLI (the JSON tables and scores.csv) and
 * every data file of the site's loaders, on the embedded inputs, the
 * alternative test inputs, the JSON equivalents of the model and statistics,
 * and a generated log of N rows (default 60,000, large enough for the
 * streaming path). REV is checked out in a temporary git worktree that
 * borrows this tree's node_modules. Prints one line per input and file;
 * exit status 0 when every file is byte-identical, 1 otherwise.
 */
const root = resolve(import.meta.dirname, "..");
const {values} = commandOrExit({
  command: "npm run same-outputs --",
  summary: "Whether this working tree writes the same bytes as commit REV: every file of the tables CLI and every data file of the site's loaders, on four inputs (the embedded data, the alternative test inputs, the JSON model and statistics, a generated log of N rows).",
  options: {
    base: {type: "string", value: "REV", default: "HEAD", help: "the commit to compare with"},
    rows: {type: "string", value: "N", default: "60000", help: "rows of the generated log"},
    keep: {type: "boolean", help: "keep the temporary folder"},
  },
  notes: ["exit status: 0 every file byte-identical; 1 some differ; 2 a usage mistake."],
});
const rows = Number(values.rows);
if (!(Number.isInteger(rows) && rows > 0)) {
  process.stderr.write(`error: --rows takes a positive whole number, not "${values.rows}"\n`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "same-outputs-"));
const base = join(work, "base");
git(root, ["worktree", "add", "--detach", "--quiet", base, values.base]);
symlinkSync(join(root, "node_modules"), join(base, "node_modules"));

try {
  const inputs = prepareInputs();
  let different = 0;
  for (const [name, dir] of inputs) {
    const ours = outputs(root, dir, join(work, "ours", name));
    const theirs = outputs(base, dir, join(work, "base-out", name));
    for (const file of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
      const a = ours.get(file);
      const b = theirs.get(file);
      const verdict = a === undefined ? "only in base" : b === undefined ? "new file" : a.equals(b) ? "identical" : `DIFFERENT${jsonDifference(a, b)}`;
      // A file the change adds is not a difference; a file it drops or alters is.
      if (verdict !== "identical" && verdict !== "new file") ++different;
      console.log(`${name.padEnd(10)} ${file.padEnd(34)} ${verdict}`);
    }
  }
  console.log(different === 0 ? "every file is byte-identical" : `${different} files differ from ${values.base}`);
  process.exitCode = different === 0 ? 0 : 1;
} finally {
  git(root, ["worktree", "remove", "--force", base]);
  if (!values.keep) rmSync(work, {recursive: true, force: true});
  else console.error(`kept ${work}`);
}

/** The input folders compared: embedded, alternative, JSON model and statistics, and a generated log for the streaming path. */
function prepareInputs(): [string, string][] {
  const json = join(work, "inputs-json");
  mkdirSync(json);
  copyFileSync(join(root, "data/production_simulation.csv"), join(json, "production_simulation.csv"));
  for (const f of ["production_model.json", "training_stats.json"]) copyFileSync(join(root, "test/fixtures/inputs", f), join(json, f));
  const large = join(work, "inputs-large");
  mkdirSync(large);
  for (const f of ["production_model.rds", "training_stats.rds"]) copyFileSync(join(root, "data", f), join(large, f));
  generateProductionCsv(join(root, "data/production_simulation.csv"), join(large, "production.csv"), {rows});
  return [
    ["data", join(root, "data")],
    ["alt", join(root, "test/fixtures/alt-inputs")],
    ["json", json],
    ["generated", large],
  ];
}

/** Every output file of one tree on one input folder: the tables CLI's and the site data loaders'. */
function outputs(tree: string, data: string, out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  run(tree, ["loaders/cli/tables.ts", "--data", data, "--out", out], {});
  for (const file of readdirSync(out).sort()) files.set(`tables/${file}`, readFileSync(join(out, file)));
  // The loaders share one computation of the tables through the build cache, as in `npm run build` (REPORT_BUILD_CACHE before the site cache, REPORT_SITE_CACHE after).
  const cache = `${out}.site-cache`;
  for (const [name, loader, args] of siteLoaders(tree)) {
    const result = run(tree, [loader, ...args], {REPORT_DATA_DIR: data, REPORT_BUILD_CACHE: cache, REPORT_SITE_CACHE: cache, REPORT_CACHE_DIR: `${cache}-engine`});
    files.set(`site/${name}.json`, result);
  }
  return files;
}

/** The site's data loaders of a tree: one file per data file, or a parameterised `[param].json.ts`; the stamp (it holds the build time) is left out. */
function siteLoaders(tree: string): [string, string, string[]][] {
  const dir = join(tree, "src/data");
  const loaders: [string, string, string[]][] = [];
  for (const file of readdirSync(dir).sort()) {
    const param = /^\[(\w+)\]\.json\.ts$/.exec(file);
    if (param) {
      const names = (run(tree, [join("src/data", file), "--list"], {}).toString().trim() || "").split("\n");
      for (const name of names) if (name !== "stamp") loaders.push([name, join("src/data", file), [`--${param[1]}=${name}`]]);
    } else if (file.endsWith(".json.ts") && file !== "stamp.json.ts") {
      loaders.push([basename(file, ".json.ts"), join("src/data", file), []]);
    }
  }
  return loaders;
}

function run(tree: string, args: string[], env: Record<string, string>): Buffer {
  const result = spawnSync(process.execPath, ["--import", "tsx", ...args], {cwd: tree, env: {...process.env, ...env}, maxBuffer: 1 << 30});
  if (result.status !== 0) throw new Error(`${args.join(" ")} in ${tree} failed (${result.status}): ${result.stderr.toString().trim()}`);
  return result.stdout;
}

function git(cwd: string, args: string[]): void {
  const result = spawnSync("git", args, {cwd, encoding: "utf8"});
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr.trim()}`);
}

/** For two JSON files: how many numbers differ and by how much at most (relative), or that the structure differs. */
function jsonDifference(a: Buffer, b: Buffer): string {
  let x: unknown;
  let y: unknown;
  try {
    x = JSON.parse(a.toString("utf8"));
    y = JSON.parse(b.toString("utf8"));
  } catch {
    return "";
  }
  let count = 0;
  let worst = 0;
  let where = "";
  let structural = false;
  const visit = (p: unknown, q: unknown, path: string) => {
    if (typeof p === "number" && typeof q === "number") {
      if (p !== q) {
        ++count;
        const rel = Math.abs(p - q) / Math.max(Math.abs(q), 1e-300);
        if (rel > worst) [worst, where] = [rel, path];
      }
    } else if (Array.isArray(p) && Array.isArray(q) && p.length === q.length) {
      p.forEach((v, i) => visit(v, q[i], `${path}[${i}]`));
    } else if (p && q && typeof p === "object" && typeof q === "object" && !Array.isArray(p) && !Array.isArray(q)) {
      const keys = new Set([...Object.keys(p), ...Object.keys(q)]);
      for (const k of keys) visit((p as Record<string, unknown>)[k], (q as Record<string, unknown>)[k], `${path}.${k}`);
    } else if (JSON.stringify(p) !== JSON.stringify(q)) {
      structural = true;
      if (!where) where = path;
    }
  };
  visit(x, y, "");
  if (structural) return ` (values other than numbers differ, first at ${where})`;
  return count === 0 ? " (same values, different bytes)" : ` (${count} numbers, max relative difference ${worst.toExponential(2)} at ${where})`;
}

