import {spawnSync} from "node:child_process";
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism, cpus, tmpdir} from "node:os";
import {basename, join, resolve} from "node:path";
import type {DriftTable} from "../loaders/drift/index.js";
import {dimensions, loadModelInputs} from "../loaders/inputs/index.js";
import type {PerformanceTable} from "../loaders/performance/index.js";
import {config} from "../loaders/config.js";
import {commandOrExit} from "../loaders/cli/args.js";
import {compareFigures, type Agreement} from "./agreement.js";
import type {DuckParams, DuckResult} from "./duckdb.js";
import {generateProductionCsv} from "./generate.js";

/**
 * `npm run bench -- --rows N [--keep] [--repeat R] [--data DIR] [--seed S]`
 *
 * Makes a deterministic production log of N rows from the seed data (in the
 * system temp folder), then times, each as its own process, end to end:
 * our tables CLI (`tsx loaders/cli/tables.ts`) and DuckDB computing the same
 * tables in SQL, in pairs (ours, DuckDB, ours, DuckDB…: load on a shared
 * machine then weighs on both alike); prints wall time, rows/s, MB/s, peak
 * memory, the ratio of each pair and their median, and how closely the two
 * tools' figures agree.
 *
 * The log's folder holds only the log, the model and the statistics: it is
 * the data folder our CLI reads, and every .csv under it is part of the log,
 * so the outputs, the cache (whose entries hold .csv files) and the DuckDB
 * parameters go to a separate temporary folder, removed at the end.
 */
const root = resolve(import.meta.dirname, "..");
const {values} = commandOrExit({
  command: "npm run bench --",
  summary: "Generates a deterministic production log of N rows from the seed data (in the system temp folder) and times, each as its own process, our tables CLI (cold: an empty cache each run) against DuckDB computing the same tables in SQL; prints wall time, rows/s, MB/s, peak memory, the ratio and how closely the figures agree.",
  options: {
    rows: {type: "string", value: "N", default: "1000000", help: "rows to generate"},
    repeat: {type: "string", value: "R", default: "1", help: "runs of each tool (paired: ours, DuckDB, ours, …)"},
    keep: {type: "boolean", help: "keep the generated log"},
    data: {type: "string", value: "DIR", help: "the seed data folder (default REPORT_DATA_DIR, else data)"},
    seed: {type: "string", value: "S", default: "20261101", help: "the generator's seed"},
  },
  notes: ["exit status: 0 done; 1 a run failed; 2 a usage mistake."],
});
const rows = Number(values.rows);
const repeat = Number(values.repeat);
const seed = Number(values.seed);
if (!(Number.isInteger(rows) && rows > 0 && Number.isInteger(repeat) && repeat > 0 && Number.isInteger(seed))) {
  process.stderr.write("error: --rows, --repeat and --seed take positive whole numbers\n");
  process.exit(2);
}

const dataDir = resolve(values.data ?? (process.env.REPORT_DATA_DIR || join(root, "data")));
const seedInputs = await loadModelInputs(dataDir);
const work = join(tmpdir(), `report-bench-${rows}-${seed}`);
const csv = join(work, "production.csv");
const marker = join(work, ".complete");
if (!existsSync(marker)) {
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  for (const file of [seedInputs.files.model, seedInputs.files.stats]) copyFileSync(file, join(work, basename(file)));
  const started = performance.now();
  generateProductionCsv(seedInputs.files.productions[0].path, csv, {rows, seed});
  writeFileSync(marker, "");
  log(`generated ${csv} (${mb(statSync(csv).size)} MB) in ${seconds(performance.now() - started)} s`);
} else {
  log(`reusing ${csv} (${mb(statSync(csv).size)} MB)`);
}
const bytes = statSync(csv).size;

// Earlier versions of this script wrote these into the log's folder: out/scores.csv and the cache's .csv files were then read as part of the log.
for (const name of readdirSync(work)) if (/^(out|cache|duckdb-params\.json|duckdb-result\.json|rusage-.*\.jsonl)$/.test(name)) rmSync(join(work, name), {recursive: true, force: true});
const inputNames = new Set([".complete", basename(csv), ...[seedInputs.files.model, seedInputs.files.stats].map((f) => basename(f))]);
const stray = readdirSync(work).filter((name) => !inputNames.has(name));
if (stray.length > 0) throw new Error(`${work} holds files that are not inputs (${stray.join(", ")}): remove them, they would be read as part of the log or confuse it`);

const {model, stats} = await loadModelInputs(work);
const means = new Map(stats.features.map((f) => [f.feature, f.mean]));
const params: DuckParams = {
  csv,
  intercept: model.intercept,
  features: model.features.map((name, j) => ({name, beta: model.coefficients[j], mean: means.get(name)!})),
  tailQuantile: config.performance.tailQuantile,
  dimensions: [...dimensions],
};
// Anything a run writes lives outside the data folder (see above).
const scratch = mkdtempSync(join(tmpdir(), `report-bench-run-${rows}-`));
process.on("exit", () => rmSync(scratch, {recursive: true, force: true}));
const paramsFile = join(scratch, "duckdb-params.json");
writeFileSync(paramsFile, JSON.stringify(params));
const ourOut = join(scratch, "out");
const duckOut = join(scratch, "duckdb-result.json");

interface Run {
  wallMs: number;
  peakRssMb: number;
  cpuMs: number;
}

const tsx = join(root, "node_modules", ".bin", "tsx");
const tools = {
  // A cold run: an empty cache each time, so every file is read (the cache's own gain is timed by the incremental bench).
  ours: () => timed([tsx, join(root, "loaders/cli/tables.ts"), "--data", work, "--out", ourOut], {REPORT_CACHE_DIR: freshCache()}),
  duckdb: () => timed([tsx, join(root, "bench/duckdb.ts"), paramsFile, duckOut]),
};
const runs: Record<keyof typeof tools, Run[]> = {ours: [], duckdb: []};
for (let i = 0; i < repeat; ++i) {
  for (const tool of ["ours", "duckdb"] as const) {
    // Each run writes into an empty folder: replacing the previous run's 100 MB scores.csv would time the file system's delete, not the tool.
    if (tool === "ours") rmSync(ourOut, {recursive: true, force: true});
    const run = tools[tool]();
    runs[tool].push(run);
    log(`  ${tool} run ${i + 1}: ${seconds(run.wallMs)} s, ${run.peakRssMb.toFixed(0)} MB`);
  }
}

// On a shared machine other work slows some runs: the best run of each tool is its speed; the median is shown too.
const best = (tool: keyof typeof runs) => runs[tool].reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const median = (tool: keyof typeof runs) => {
  const walls = runs[tool].map((r) => r.wallMs).sort((a, b) => a - b);
  return walls[Math.floor((walls.length - 1) / 2)];
};
const ours = best("ours");
const duck = best("duckdb");
const agreement = compareFigures(
  JSON.parse(readFileSync(join(ourOut, "performance.json"), "utf8")) as PerformanceTable,
  JSON.parse(readFileSync(join(ourOut, "drift.json"), "utf8")) as DriftTable,
  JSON.parse(readFileSync(duckOut, "utf8")) as DuckResult,
);

const table = [
  ["tool", "wall s", "rows/s", "MB/s", "peak RSS MB", "CPU s", "median wall s", "all runs s"],
  ...(
    [
      ["ours: tables CLI", "ours"],
      ["DuckDB (node-api)", "duckdb"],
    ] as const
  ).map(([name, tool]) => {
    const r = best(tool);
    const all = runs[tool].map((run) => seconds(run.wallMs)).join(" ");
    return [name, seconds(r.wallMs), Math.round(rows / (r.wallMs / 1000)).toLocaleString("en-US"), (bytes / 1e6 / (r.wallMs / 1000)).toFixed(1), r.peakRssMb.toFixed(0), seconds(r.cpuMs), seconds(median(tool)), all];
  }),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => String(row[c]).length)));
console.log(`\n${rows.toLocaleString("en-US")} rows, ${mb(bytes)} MB CSV; ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}); best of ${repeat}`);
for (const row of table) console.log(row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  "));
const ratio = duck.wallMs / ours.wallMs;
// Each pair ran back to back under much the same load: the median of their ratios is the fairest single figure.
const pairs = runs.ours.map((r, i) => r.wallMs / runs.duckdb[i].wallMs).sort((a, b) => a - b);
const pairMedian = pairs.length % 2 === 1 ? pairs[(pairs.length - 1) / 2] : (pairs[pairs.length / 2 - 1] + pairs[pairs.length / 2]) / 2;
console.log(`ours / DuckDB wall, pair by pair: ${pairs.map((p) => p.toFixed(2)).join(" ")}; median ${pairMedian.toFixed(2)} (target ≤ 0.60)`);
console.log(`time ratio DuckDB / ours (best runs): ${ratio.toFixed(2)} (${ratio >= 1 ? "ours is faster" : "DuckDB is faster"}); medians ${(median("duckdb") / median("ours")).toFixed(2)}; CPU ${(duck.cpuMs / ours.cpuMs).toFixed(2)}`);
console.log(`peak memory: ours ${ours.peakRssMb.toFixed(0)} MB (target < 1024 MB: ${ours.peakRssMb < 1024 ? "met" : "NOT met"}), DuckDB ${duck.peakRssMb.toFixed(0)} MB`);
console.log(agreementLine(agreement));

if (!values.keep) rmSync(work, {recursive: true, force: true});
else log(`kept ${work}`);

/** Runs a command as a child process; wall time here, peak memory and CPU from the child itself (bench/rusage.mjs). */
function freshCache(): string {
  const dir = join(scratch, "cache");
  rmSync(dir, {recursive: true, force: true});
  return dir;
}

function timed(command: string[], extraEnv: Record<string, string> = {}): Run {
  const usageFile = join(scratch, `rusage-${process.pid}-${Date.now()}.jsonl`);
  const env = {...process.env, ...extraEnv, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${join(root, "bench/rusage.mjs")}`.trim(), BENCH_RUSAGE_FILE: usageFile};
  const started = performance.now();
  const result = spawnSync(command[0], command.slice(1), {cwd: root, env, encoding: "utf8", maxBuffer: 1 << 26});
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed (${result.status}): ${result.stderr}`);
  // tsx runs the script in a child node process: both report; the script's process is the larger.
  const usages = readFileSync(usageFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as {maxRssKb: number; userMs: number; systemMs: number});
  rmSync(usageFile);
  return {wallMs, peakRssMb: Math.max(...usages.map((u) => u.maxRssKb)) / 1024, cpuMs: usages.reduce((sum, u) => sum + u.userMs + u.systemMs, 0)};
}

function agreementLine(a: Agreement): string {
  const worst = a.worst ? ` (largest at ${a.worst})` : "";
  return `figures vs DuckDB: ${a.compared} compared, max relative difference ${a.maxRelative.toExponential(2)}${worst}: ${a.maxRelative <= 1e-9 ? "agree to 1e-9" : "DISAGREE"}`;
}

function log(message: string): void {
  console.error(message);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function mb(n: number): string {
  return (n / 1e6).toFixed(1);
}
