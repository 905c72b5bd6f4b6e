import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {availableParallelism} from "node:os";
import {join} from "node:path";
// Only what start-up needs is imported here (the worker pool): the workers start while the engine's modules load.
import {startRangeWorkers} from "../pass/worker-pool.js";
import {parseCommand, UsageError} from "./args.js";
import {progressLine} from "./progress.js";
import {runCli} from "./run.js";

const spec = {
  command: "npm run tables --",
  summary: "Computes every table of the report from a data folder and writes them (the JSON files the site shows, and scores.csv) into OUT. Nothing is written unless everything is; one line on stderr says what was written.",
  options: {
    data: {type: "string", value: "DIR", default: "data", help: "the data folder: the production log (.csv and .parquet files, in any subfolders), production_model.rds/.json, training_stats.rds/.json"},
    out: {type: "string", value: "DIR", required: true, help: "where to write the files"},
    threads: {type: "string", value: "N", help: "worker threads (default one per core)"},
  },
  notes: ["exit status: 0 done; 1 a problem with the inputs (one line each, as file:line:column: message, the column by its name; the first 20 and a count of the rest); 2 a usage mistake."],
} as const;

runCli(async () => {
  const parsed = parseCommand(spec);
  if (parsed === null) return;
  const {values} = parsed;
  const started = performance.now();
  const out = values.out;
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads takes a whole number ≥ 1, not "${values.threads}"`, spec.command);
  startRangeWorkers(threads);
  const [{cliJson, cliJsonNames, reportTables, scoresFile}, {scoresHeader}] = await Promise.all([import("../pipeline/index.js"), import("../scoring/index.js")]);
  const progress = progressLine("reading");
  let summary = "";
  await writeOutputs(out, [...cliJsonNames(), scoresFile], async (path) => {
    const tables = await reportTables(values.data, {threads, scores: true, progress: progress.update});
    const {files, rows} = tables.inputs.log;
    const cached = files.filter((f) => f.cached).length;
    summary = `${rows.toLocaleString("en-US")} rows from ${files.length} ${files.length === 1 ? "file" : "files"}${cached ? ` (${cached} from the cache)` : ""}`;
    progress.done();
    for (const [name, text] of cliJson(tables)) writeFileSync(path[name], text);
    // scores.csv: the header, then every file's rows in log order, as the pass wrote them.
    const fd = openSync(path[scoresFile], "w");
    try {
      writeAll(fd, Buffer.from(scoresHeader.join(",") + "\n"));
      for (const c of tables.inputs.log.contributions) {
        for (const part of c.parts) {
          if (part.scores === null) throw new Error(`${c.file.name}: its contribution has no scores.csv rows`);
          append(fd, part.scores);
        }
      }
    } finally {
      closeSync(fd);
    }
  });
  process.stderr.write(`tables: wrote ${cliJsonNames().length + 1} files to ${out}/ (${summary}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
});

/**
 * Nothing is written on error: the outputs are produced as hidden temporary
 * files in the output folder and renamed into place only when all of them are
 * complete; on error they are removed (and so is the folder, if it was made
 * for them).
 */
async function writeOutputs(dir: string, names: string[], produce: (path: Record<string, string>) => Promise<void>): Promise<void> {
  const created = !existsSync(dir);
  mkdirSync(dir, {recursive: true});
  const temp = Object.fromEntries(names.map((name) => [name, join(dir, `.${name}.${process.pid}.tmp`)]));
  try {
    await produce(temp);
    for (const name of names) renameSync(temp[name], join(dir, name));
  } finally {
    for (const name of names) rmSync(temp[name], {force: true});
    if (created && readdirSync(dir).length === 0) rmdirSync(dir);
  }
}

/** Appends file `part` to the open file `to`, block by block. */
function append(to: number, part: string): void {
  const from = openSync(part, "r");
  try {
    const block = Buffer.allocUnsafe(4 << 20);
    for (let n; (n = readSync(from, block, 0, block.length, null)) > 0; ) writeAll(to, block.subarray(0, n));
  } finally {
    closeSync(from);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
