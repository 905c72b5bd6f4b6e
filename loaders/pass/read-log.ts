import {createHash} from "node:crypto";
import {closeSync, createReadStream, openSync, rmSync, statSync, type Stats} from "node:fs";
import {join} from "node:path";
import {concatRows, mergeAccumulations, type Accumulation, type AccumulationPlan, type Rows} from "../accumulate/index.js";
import {InputError, InputProblems} from "../errors.js";
import {checkedLayout, fileProblems, parquetFileProblems, parquetLayout, readHeader, readParquetFooter, splitRanges, type ByteRange, type ParquetResult, type ProductionFile, type RangeResult} from "../inputs/index.js";
import type {ScoringPlan} from "../scoring/index.js";
import {trace} from "./trace.js";
import {fileSha256, type ContributionCache, type EntryPart} from "./cache.js";
import {runAnyPartJob} from "./parquet-job.js";
import {runPartJob, type CsvPart, type ParquetPart, type PartJob, type PartOutcome, type PartResult} from "./range-job.js";
import {runOnWorkers, stopRangeWorkers} from "./worker-pool.js";

/** What a production file's header (a CSV's first line, a Parquet file's schema) says about the optional and unused columns. */
export interface FileColumns {
  hasUnitsSold: boolean;
  hasLatency: boolean;
  extraColumns: string[];
}

/** One production file's part of the pass: its sums, its kept rows, and where its feature columns and scores.csv rows are. */
export interface Contribution {
  file: ProductionFile;
  sha256: string;
  rows: number;
  columns: FileColumns;
  accumulation: Accumulation;
  kept: Rows;
  /** The file's parts in order (byte ranges read on separate threads), with the paths of their spilled values and scores.csv rows. */
  parts: ContributionPart[];
  /** Whether it came from the cache (not read this run). */
  cached: boolean;
}

/** One part of a file: its rows, its spilled feature columns (feature-spill.ts), its scores.csv rows. */
export interface ContributionPart {
  rows: number;
  features: string;
  scores: string | null;
}

export interface ReadLogOptions {
  features: readonly string[];
  modelName: string;
  plan: AccumulationPlan;
  scoring: ScoringPlan;
  cache: ContributionCache;
  /** Keep each file's scores.csv rows (the tables CLI writes scores.csv; the site does not need it). */
  scores: boolean;
  threads: number;
  /** A file is split into byte ranges for several threads only when each gets at least this many bytes. */
  minBytesPerThread: number;
  /** Called as bytes of the files read this run are done (for a progress line). */
  progress?: (doneBytes: number, totalBytes: number) => void;
}

/**
 * Reads the production log, file by file: a file whose contents the cache
 * holds a contribution for is not read again; the others are read in byte
 * ranges (a CSV) or row ranges (a Parquet file) on worker threads (scored
 * and accumulated as they stream), and their contributions stored in the
 * cache. Every file is checked as the one-file
 * reader checks it (in each file, a syntax or encoding error comes first and
 * alone, then a header without rows, then every invalid record): the
 * problems of every file are listed together, in log order, and any problem
 * stops the run with nothing of it kept. (A header's own problem stops it
 * before any worker starts.)
 */
export async function readLog(files: readonly ProductionFile[], options: ReadLogOptions): Promise<Contribution[]> {
  const {cache} = options;
  const known = files.map((file) => cachedContribution(file, cache, options.scores));
  const missing = files.map((file, i) => (known[i] === null ? i : -1)).filter((i) => i >= 0);
  if (missing.length === 0) {
    cache.saveIndex();
    return known.map((c) => required(c));
  }

  // Headers first: a file's header problem (or a syntax error before any record) is known before any worker starts.
  const plans = missing.map((i) => planFile(files[i], options));
  const jobs = plans.flatMap((p) => p.jobs);
  const total = plans.reduce((sum, p) => sum + p.file.size, 0);
  const done = new Float64Array(jobs.length);
  const hashes = Promise.all(plans.map((p) => sha256Of(p.file.path)));
  try {
    const outcomes = await runJobs(jobs, options.threads, (index, bytes) => {
      done[index] = bytes;
      options.progress?.(done.reduce((a, b) => a + b, 0), total);
    });
    trace("parts read");
    const digests = await hashes;
    trace("hashed");
    let at = 0;
    const fresh = plans.map((plan, p) => {
      const mine = outcomes.slice(at, at + plan.jobs.length);
      at += plan.jobs.length;
      return {plan, outcomes: mine, sha256: digests[p]};
    });
    // A guessed range boundary that fell inside a quoted field: read that file again in one range.
    for (const f of fresh) {
      const ranges = csvResults(f.outcomes.map((o) => o.result));
      if (ranges !== null && !confirmed(f.plan.ranges, ranges)) {
        rmSync(f.plan.dir, {recursive: true, force: true});
        const again = planFile(f.plan.file, options, 1);
        f.plan = again;
        f.outcomes = [runPartJob(csvJob(again.jobs[0]))];
      }
    }
    const problems = fresh.map((f) => partProblems(f.plan, f.outcomes.map((o) => o.result)));
    const problemCount = problems.reduce((sum, p) => sum + p.total, 0);
    if (problemCount > 0) throw new InputProblems(problems.flatMap((p) => p.errors), problemCount);
    const stored = fresh.map((f) => storeContribution(f.plan, f.outcomes, f.sha256, cache, options.scores));
    trace("stored in the cache");
    missing.forEach((i, k) => (known[i] = stored[k]));
    cache.saveIndex();
    return known.map((c) => required(c));
  } catch (error) {
    for (const p of plans) rmSync(p.dir, {recursive: true, force: true});
    throw error;
  } finally {
    stopRangeWorkers();
  }
}

function required(c: Contribution | null): Contribution {
  if (c === null) throw new Error("a file of the log has no contribution");
  return c;
}

/**
 * The cached contribution of a file whose contents the cache has seen, or
 * null. A file whose size or modification time changed since it was hashed
 * (or never seen) is hashed first when the cache holds entries at all: a
 * file touched or copied without a change is then still served from its
 * entry.
 */
function cachedContribution(file: ProductionFile, cache: ContributionCache, scores: boolean): Contribution | null {
  let sha256 = cache.knownHash(file.path);
  if (sha256 === null && cache.hasEntries()) {
    const stat = statSync(file.path);
    sha256 = fileSha256(file.path);
    cache.rememberHash(file.path, sha256, stat);
  }
  if (sha256 === null) return null;
  const entry = cache.read(sha256, scores);
  if (entry === null) return null;
  const {manifest, dir} = entry;
  return {
    file,
    sha256,
    rows: manifest.rows,
    columns: manifest.columns,
    accumulation: entry.accumulation,
    kept: entry.rows,
    parts: manifest.parts.map((p) => partIn(dir, p)),
    cached: true,
  };
}

interface FilePlan {
  file: ProductionFile;
  /** The file's size and modification time when the run began (what its hash is remembered under). */
  stat: Stats;
  /** A CSV's line at its first record (its problems' lines count from there); 0 for Parquet. */
  lineBase: number;
  columns: FileColumns;
  ranges: ByteRange[];
  /** The folder its part files are written into (inside the cache, renamed into place when the file is done). */
  dir: string;
  jobs: PartJob[];
}

/** Reads a file's header, checks it, and splits its records into byte ranges (a CSV) or row ranges (Parquet): one job each. */
function planFile(file: ProductionFile, options: ReadLogOptions, maxRanges = options.threads): FilePlan {
  let fd: number;
  try {
    fd = openSync(file.path, "r");
  } catch {
    throw new InputError("cannot read the file", {file: file.path});
  }
  try {
    const stat = statSync(file.path);
    if (file.kind === "parquet") return planParquet(file, fd, stat, options, maxRanges);
    const source = {kind: "file" as const, fd, size: file.size};
    const header = readHeader(source, file.path);
    const layout = checkedLayout(source, header, options.features, file.path, options.modelName);
    const ranges = splitRanges(fd, file.size, header, maxRanges, options.minBytesPerThread);
    const dir = options.cache.newEntryDir();
    const parts = ranges.map((range, i): PartJob["part"] => ({kind: "csv", file: file.path, size: file.size, ...range, header: header.fields, mode: header.mode, speculative: i > 0}));
    const jobs = partJobs(parts, layout.hasLatency, dir, options);
    return {file, stat, lineBase: header.lineBase, columns: {hasUnitsSold: layout.hasUnitsSold, hasLatency: layout.hasLatency, extraColumns: layout.extraColumns}, ranges, dir, jobs};
  } finally {
    closeSync(fd);
  }
}

/** One worker job per part of a file, whatever its format: the same settings, and its files in the cache entry's folder. */
function partJobs(parts: readonly PartJob["part"][], hasLatency: boolean, dir: string, options: ReadLogOptions): PartJob[] {
  return parts.map((part, i) => ({
    part,
    features: [...options.features],
    modelName: options.modelName,
    plan: options.plan,
    scoring: options.scoring,
    hasLatency,
    files: {features: join(dir, partNames(i, options.scores).features), scores: options.scores ? join(dir, `scores-${i}.csv`) : null},
  }));
}

/**
 * A Parquet file's plan: its footer read and its schema checked here (so a
 * file that is not Parquet, or lacks a column, stops the run before any
 * worker starts), its row groups shared into at most `maxRanges` row ranges
 * of about equal bytes, each at least `minBytesPerThread` (a daily file of a
 * few megabytes is one job; threads then share the files).
 */
function planParquet(file: ProductionFile, fd: number, stat: Stats, options: ReadLogOptions, maxRanges: number): FilePlan {
  const metadata = readParquetFooter(fd, file.size, file.path);
  const {layout} = parquetLayout(metadata, options.features, file.path, options.modelName);
  const groups = metadata.row_groups.map((g) => ({rows: Number(g.num_rows), bytes: Number(g.total_compressed_size ?? g.total_byte_size)}));
  const totalBytes = groups.reduce((sum, g) => sum + g.bytes, 0);
  const count = Math.max(1, Math.min(maxRanges, groups.length, Math.floor(totalBytes / Math.max(1, options.minBytesPerThread))));
  // Parts start at row groups: the first, then each group after which a part's share of the bytes is reached.
  const starts = [0];
  let bytesDone = 0;
  groups.forEach((g, i) => {
    bytesDone += g.bytes;
    if (starts.length < count && i + 1 < groups.length && bytesDone >= (totalBytes * starts.length) / count) starts.push(i + 1);
  });
  const rowsBefore = (group: number) => groups.slice(0, group).reduce((sum, g) => sum + g.rows, 0);
  const byteAt = (group: number) => (group >= groups.length ? file.size : Math.round((file.size * groups.slice(0, group).reduce((sum, g) => sum + g.bytes, 0)) / Math.max(1, totalBytes)));
  const parts = starts.map((start, k): ParquetPart => {
    const end = starts[k + 1] ?? groups.length;
    return {kind: "parquet", file: file.path, size: file.size, rowStart: rowsBefore(start), rowEnd: rowsBefore(end), from: byteAt(start), to: byteAt(end)};
  });
  const dir = options.cache.newEntryDir();
  const jobs = partJobs(parts, layout.hasLatency, dir, options);
  return {
    file,
    stat,
    lineBase: 0,
    columns: {hasUnitsSold: layout.hasUnitsSold, hasLatency: layout.hasLatency, extraColumns: layout.extraColumns},
    ranges: parts.map((p) => ({from: p.from, to: p.to})),
    dir,
    jobs,
  };
}

/** A file's problems, by its reader's rules. */
function partProblems(plan: FilePlan, results: readonly PartResult[]): {errors: InputError[]; total: number} {
  const ranges = csvResults(results);
  if (ranges !== null) return fileProblems(ranges, plan.file.path, plan.lineBase);
  return parquetFileProblems(
    results.map((r) => parquetResult(r)),
    plan.file.path,
  );
}

/** The parts' results when they are a CSV's byte ranges, else null. */
function csvResults(results: readonly PartResult[]): RangeResult[] | null {
  const out: RangeResult[] = [];
  for (const r of results) {
    if (r.kind !== "csv") return null;
    out.push(r.range);
  }
  return out;
}

function parquetResult(r: PartResult): ParquetResult {
  if (r.kind !== "parquet") throw new Error("a file read by two readers");
  return r.rows;
}

function csvJob(job: PartJob): PartJob<CsvPart> {
  const {part} = job;
  if (part.kind !== "csv") throw new Error("a Parquet file's part read as CSV");
  return {...job, part};
}

/** One job runs on this thread (no worker to start); several run on worker threads. */
async function runJobs(jobs: readonly PartJob[], threads: number, onProgress: (index: number, bytes: number) => void): Promise<PartOutcome[]> {
  if (jobs.length === 1 || threads <= 1) return jobs.map((job, i) => runAnyPartJob(job, (bytes) => onProgress(i, bytes)));
  return runOnWorkers(jobs, threads, onProgress);
}

/**
 * Whether every range but the last ended exactly where the next began (so the
 * next one's guessed start was a real record start), counting only up to the
 * first syntax or encoding error, after which nothing is used.
 */
function confirmed(ranges: readonly ByteRange[], results: readonly RangeResult[]): boolean {
  for (let i = 0; i < results.length; ++i) {
    if (results[i].tooLong) return false;
    if (results[i].syntaxError || results[i].encodingError) return true;
    if (i + 1 < ranges.length && results[i].end !== ranges[i].to) return false;
  }
  return true;
}

/** Merges a file's parts into its contribution and stores it in the cache. */
function storeContribution(plan: FilePlan, outcomes: readonly PartOutcome[], sha256: string, cache: ContributionCache, scores: boolean): Contribution {
  const accumulation = outcomes.map((o) => o.accumulation).reduce(mergeAccumulations);
  const kept = concatRows(outcomes.map((o) => o.rows));
  const parts: EntryPart[] = outcomes.map((o, i) => ({rows: o.rows.n, ...partNames(i, scores)}));
  const dir = cache.commit(plan.dir, {sha256, size: plan.file.size, rows: accumulation.rows, columns: plan.columns, parts}, accumulation, kept);
  cache.rememberHash(plan.file.path, sha256, plan.stat);
  return {
    file: plan.file,
    sha256,
    rows: accumulation.rows,
    columns: plan.columns,
    accumulation,
    kept,
    parts: parts.map((p) => partIn(dir, p)),
    cached: false,
  };
}

/** The file names of part i inside its entry. */
function partNames(i: number, scores: boolean): Omit<EntryPart, "rows"> {
  return {features: `features-${i}.bin`, scores: scores ? `scores-${i}.csv` : null};
}

function partIn(dir: string, p: EntryPart): ContributionPart {
  return {rows: p.rows, features: join(dir, p.features), scores: p.scores === null ? null : join(dir, p.scores)};
}

/** SHA-256 of a file, read in the background while the workers parse. */
function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path, {highWaterMark: 1 << 22})
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

