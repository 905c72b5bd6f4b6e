import {closeSync, openSync, readSync, rmSync, statSync, writeSync} from "node:fs";
import {availableParallelism} from "node:os";
import {basename} from "node:path";
import {config} from "../config.js";
import {mergeAccumulations, type Accumulation} from "../daily/index.js";
import {InputError} from "../errors.js";
import {
  checkedLayout,
  headerOnlyError,
  readHeader,
  recordInputError,
  splitRanges,
  syntaxInputError,
  type ByteRange,
  type ColumnLayout,
  type Inputs,
  type ModelInputs,
  type RangeResult,
} from "../inputs/index.js";
import {scoringPlan, type Scores} from "../scoring/index.js";
import {unpackAccumulation, type PackedAccumulation} from "./accumulation-transfer.js";
import {keptProduction, type KeptRows} from "./kept-rows.js";
import {runRangeJob, type RangeJob, type RangeOutcome} from "./range-job.js";
import {stopRangeWorkers, takeRangeWorker} from "./worker-pool.js";

export interface StreamOptions {
  /** Where to write scores.csv (rows in input order), or null for none. */
  scoresFile: string | null;
  /** Worker threads; default: one per core. */
  threads?: number;
  /** The feature columns every row keeps (the rest are only scored and accumulated), by name. */
  keepFeatures: readonly string[];
  /** Smallest share of the file per thread (default config.scale.minBytesPerThread). */
  minBytesPerThread?: number;
}

/**
 * What one streaming pass over a production log too large to hold gives: the
 * accumulation's sums, the scores, and of each row only the columns the later
 * stages read row by row (the kept features), as Inputs with that slim
 * production data.
 */
export interface StreamedPass {
  inputs: Inputs;
  scores: Scores;
  accumulation: Accumulation;
  layout: ColumnLayout;
  /** Byte ranges read in parallel (1 when the log was read in one range). */
  threads: number;
}

/**
 * Reads the production log in one pass on all cores without holding its rows:
 * the file is split into byte ranges at line breaks, each range is parsed,
 * scored and accumulated by its own worker thread (writing its scores.csv
 * rows as it goes), and the accumulations merge into the same tables as the
 * in-memory path. Errors are those of the in-memory path, with its precedence
 * (syntax errors anywhere first, then the first invalid record).
 */
export async function streamPass(modelInputs: ModelInputs, options: StreamOptions): Promise<StreamedPass> {
  const {files, model, stats} = modelInputs;
  const file = files.production;
  const modelName = basename(files.model);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new InputError("cannot read the file", {file});
  }
  const parts: string[] = [];
  try {
    const size = statSync(file).size;
    const source = {kind: "file" as const, fd, size};
    const header = readHeader(source, file);
    const layout = checkedLayout(source, header, model.features, file, modelName);
    const keepFeatures = options.keepFeatures.map((f) => model.features.indexOf(f));
    const threads = options.threads ?? availableParallelism();
    const ranges = splitRanges(fd, size, header, threads, options.minBytesPerThread ?? config.scale.minBytesPerThread);
    const job = (range: ByteRange, i: number, count: number): RangeJob => {
      const scoresFile = options.scoresFile === null ? null : i === 0 ? options.scoresFile : `${options.scoresFile}.part${i}`;
      if (i > 0 && scoresFile) parts.push(scoresFile);
      return {
        file,
        size,
        ...range,
        header: header.fields,
        mode: header.mode,
        features: [...model.features],
        keepFeatures,
        modelName,
        plan: scoringPlan(model, stats),
        scoresFile,
        writeScoresHeader: i === 0,
        speculative: i > 0 && count > 1,
      };
    };
    trace("header and split");
    let outcomes = await runJobs(ranges.map((r, i) => job(r, i, ranges.length)));
    trace("ranges read");
    if (!confirmed(ranges, outcomes.map((o) => o.result))) {
      // A guessed boundary fell inside a quoted field: read the log in one range.
      outcomes = await runJobs([job({from: header.dataStart, to: size}, 0, 1)]);
    }
    const results = outcomes.map((o) => o.result);
    // Each range counts lines from its own start; the file's line is the header's lines plus those of the ranges before.
    const bases = results.map((_, i) => results.slice(0, i).reduce((sum, r) => sum + r.lines, header.lineBase));
    results.forEach((r, i) => {
      if (r.syntaxError) throw syntaxInputError(r.syntaxError, file, bases[i]);
    });
    if (results.reduce((sum, r) => sum + r.rows, 0) === 0) throw headerOnlyError(file);
    results.forEach((r, i) => {
      if (r.problem) throw recordInputError(r.problem, file, bases[i]);
    });
    if (options.scoresFile !== null && outcomes.length > 1) for (const part of parts) append(options.scoresFile, part);
    trace("scores.csv joined");
    const accumulation = outcomes.map((o) => o.accumulation).reduce(mergeAccumulations);
    trace("accumulations merged");
    const {production, scores} = keptProduction(
      outcomes.map((o) => o.kept),
      {file, features: model.features, extraColumns: layout.extraColumns},
      keepFeatures,
    );
    const inputs: Inputs = {files, bytes: {production: new Uint8Array(), model: new Uint8Array(), stats: new Uint8Array()}, production, model, stats};
    trace("rows joined");
    return {inputs, scores, accumulation, layout, threads: outcomes.length};
  } finally {
    closeSync(fd);
    stopRangeWorkers();
    for (const part of parts) rmSync(part, {force: true});
  }
}

/**
 * Whether every range but the last ended exactly where the next began (so the
 * next one's guessed start was a real record start), counting only up to the
 * first syntax error, after which nothing is used.
 */
function confirmed(ranges: ByteRange[], results: RangeResult[]): boolean {
  for (let i = 0; i < results.length; ++i) {
    if (results[i].tooLong) return false;
    if (results[i].syntaxError) return true;
    if (i + 1 < ranges.length && results[i].end !== ranges[i].to) return false;
  }
  return true;
}

/** REPORT_STREAM_TRACE=1 prints when each phase ends, in seconds since the process started. */
// performance.now() counts from the start of the process.
function trace(phase: string): void {
  if (process.env.REPORT_STREAM_TRACE) process.stderr.write(`stream: ${phase} at ${(performance.now() / 1000).toFixed(2)} s\n`);
}

/** One job runs on this thread; several run on worker threads, one each. */
async function runJobs(jobs: RangeJob[]): Promise<RangeOutcome[]> {
  if (jobs.length === 1) return [runRangeJob(jobs[0])];
  return Promise.all(jobs.map(runInWorker));
}

function runInWorker(job: RangeJob): Promise<RangeOutcome> {
  const worker = takeRangeWorker();
  return new Promise<RangeOutcome>((resolve, reject) => {
    worker.once("message", (message: {result: RangeResult; accumulation: PackedAccumulation; kept: KeptRows}) => {
      trace(`range from byte ${job.from} read`);
      resolve({result: message.result, accumulation: unpackAccumulation(message.accumulation), kept: message.kept});
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`range worker exited with code ${code}`)));
    worker.postMessage(job);
  }).finally(() => void worker.terminate());
}

/** Appends file `part` to `target`, block by block. */
function append(target: string, part: string): void {
  const from = openSync(part, "r");
  const to = openSync(target, "a");
  try {
    const block = Buffer.allocUnsafe(4 << 20);
    for (let n; (n = readSync(from, block, 0, block.length, null)) > 0; ) {
      for (let done = 0; done < n; ) done += writeSync(to, block, done, n - done);
    }
  } finally {
    closeSync(from);
    closeSync(to);
  }
}
