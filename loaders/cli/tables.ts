import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {availableParallelism} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {InputError} from "../errors.js";
// Only what start-up needs is imported here (the worker pool): the workers start while the engine's modules load.
import {startRangeWorkers} from "../pass/worker-pool.js";
import {progressLine} from "./progress.js";
import {runCli} from "./run.js";

const usage = "usage: npm run tables -- --data DIR --out DIR [--threads N]";

runCli(async () => {
  const {values} = parseArgs({options: {data: {type: "string", default: "data"}, out: {type: "string"}, threads: {type: "string"}, help: {type: "boolean"}}});
  if (values.help) return console.log(usage);
  if (!values.out) throw new InputError(`--out DIR is required (${usage})`);
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new InputError(`--threads must be a whole number ≥ 1 (${usage})`);
  startRangeWorkers(threads);
  const [{cliJson, cliJsonNames, reportTables, scoresFile}, {scoresHeader}] = await Promise.all([import("../pipeline/index.js"), import("../scoring/index.js")]);
  const progress = progressLine("reading");
  await writeOutputs(values.out, [...cliJsonNames(), scoresFile], async (path) => {
    const tables = await reportTables(values.data, {threads, scores: true, progress: progress.update});
    progress.done();
    for (const [name, text] of cliJson(tables)) writeFileSync(path[name], text);
    // scores.csv: the header, then every file's rows in log order, as the pass wrote them.
    const out = openSync(path[scoresFile], "w");
    try {
      writeAll(out, Buffer.from(scoresHeader.join(",") + "\n"));
      for (const c of tables.inputs.log.contributions) {
        for (const part of c.parts) {
          if (part.scores === null) throw new Error(`${c.file.name}: its contribution has no scores.csv rows`);
          append(out, part.scores);
        }
      }
    } finally {
      closeSync(out);
    }
  });
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
