import {existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {config} from "../config.js";
import {InputError} from "../errors.js";
// Only what start-up needs is imported here (the file finder, the worker pool): the workers start before the engine loads.
import {findInputFiles} from "../inputs/files.js";
import {startRangeWorkers} from "../pass/worker-pool.js";
import {runCli} from "./run.js";

const usage = "usage: npm run tables -- --data DIR --out DIR [--engine auto|memory|stream] [--threads N]";

// The heavier modules are imported only where needed: the streaming path starts
// its worker threads first, and loads tables.js (and d3) while they read.
runCli(async () => {
  const {values} = parseArgs({
    options: {data: {type: "string", default: "data"}, out: {type: "string"}, engine: {type: "string", default: "auto"}, threads: {type: "string"}, help: {type: "boolean"}},
  });
  if (values.help) return console.log(usage);
  if (!values.out) throw new InputError(`--out DIR is required (${usage})`);
  const engine = values.engine;
  if (engine !== "auto" && engine !== "memory" && engine !== "stream") throw new InputError(`--engine must be auto, memory or stream (${usage})`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new InputError(`--threads must be a whole number ≥ 1 (${usage})`);

  if (engine === "memory" || (engine === "auto" && !isLarge(values.data))) {
    // Small logs: the in-memory path, csv-parse and every table at once; everything is computed before anything is written.
    const [{buildTables, cliJson, scoresFile}, {loadInputs}, {formatScoresCsv, scoresHeader}] = await Promise.all([import("../pipeline/index.js"), import("../inputs/index.js"), import("../scoring/index.js")]);
    const tables = buildTables(await loadInputs(values.data));
    const outputs: [string, string][] = [...cliJson(tables), [scoresFile, scoresHeader.join(",") + "\n" + formatScoresCsv(tables.inputs.production, tables.scores)]];
    await writeOutputs(values.out, outputs.map(([name]) => name), async (path) => outputs.forEach(([name, text]) => writeFileSync(path[name], text)));
  } else {
    // Large logs: one streaming pass on every core, scores.csv written as rows are scored.
    startRangeWorkers(threads ?? availableParallelism());
    const [{loadModelInputs}, {cliJsonNames, cliJson, scoresFile, streamTables}] = await Promise.all([import("../inputs/index.js"), import("../pipeline/index.js")]);
    const inputs = await loadModelInputs(values.data);
    await writeOutputs(values.out, [...cliJsonNames(), scoresFile], async (path) => {
      const tables = await streamTables(inputs, {scoresFile: path[scoresFile], threads});
      for (const [name, text] of cliJson(tables)) writeFileSync(path[name], text);
    });
  }
});

/** Whether the data folder's production log is large enough for the streaming path (config.scale). */
function isLarge(dir: string): boolean {
  try {
    return statSync(findInputFiles(dir).production).size >= config.scale.streamingMinBytes;
  } catch {
    return false; // the in-memory path reports the problem
  }
}

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
