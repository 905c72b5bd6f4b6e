import {availableParallelism} from "node:os";
import {join} from "node:path";
import {config} from "../config.js";
import {loadModelInputs, type ModelInputs} from "../inputs/index.js";
import {ContributionCache, engineVersion, fingerprintOf, mergeLog, projectDir, readLog, SpillDamaged, trace, type ReportInputs} from "../pass/index.js";
import {accumulationPlan} from "./plan.js";
import {tablesOf, type Tables} from "./tables.js";

export interface ReportOptions {
  /** The per-file cache (default REPORT_CACHE_DIR, else .cache/report in the project). */
  cacheDir?: string;
  /** Worker threads (default one per core). */
  threads?: number;
  /** Keep each file's scores.csv rows (the tables CLI writes scores.csv). */
  scores?: boolean;
  /** Smallest share of a file per thread (default config.scale.minBytesPerThread). */
  minBytesPerThread?: number;
  progress?: (doneBytes: number, totalBytes: number) => void;
}

/** The cache folder: REPORT_CACHE_DIR, or a git-ignored folder of the project. */
export function defaultCacheDir(): string {
  return process.env.REPORT_CACHE_DIR || join(projectDir, ".cache", "report");
}

/**
 * The one entry of the engine: every table of the report from a data folder.
 * The CLI, the site's data loader and the release recorder all call it. The
 * log is read by the streaming pass (loaders/pass), file by file, from the
 * cache where a file is unchanged.
 */
export async function reportTables(dataDir: string, options: ReportOptions = {}): Promise<Tables> {
  const modelInputs = await loadModelInputs(dataDir);
  const inputs = await reportInputs(modelInputs, options);
  try {
    return tablesOf(inputs);
  } catch (error) {
    // A cached file's spilled columns were damaged after its entry was checked: drop that entry and read the file again, once.
    if (!(error instanceof SpillDamaged)) throw error;
    const damaged = inputs.log.contributions.find((c) => c.parts.some((p) => p.features === error.path));
    if (damaged === undefined) throw error;
    cacheFor(modelInputs, options).discard(damaged.sha256);
    return tablesOf(await reportInputs(modelInputs, options));
  }
}

/** The cache of this model and these statistics' contributions. */
function cacheFor(modelInputs: ModelInputs, options: ReportOptions): ContributionCache {
  const {plan, scoring} = accumulationPlan(modelInputs);
  const key = JSON.stringify({plan: {...plan, shift: [...plan.shift], cuts: plan.cuts.map((c) => c && {sub: c.sub, values: [...c.values]})}, scoring: {...scoring, beta: [...scoring.beta], fill: [...scoring.fill]}});
  return new ContributionCache(options.cacheDir ?? defaultCacheDir(), engineVersion(), fingerprintOf(key));
}

/** The model inputs and the log the pass read. */
export async function reportInputs(modelInputs: ModelInputs, options: ReportOptions = {}): Promise<ReportInputs> {
  const {plan, scoring} = accumulationPlan(modelInputs);
  const cache = cacheFor(modelInputs, options);
  cache.prune();
  const read = () =>
    readLog(modelInputs.files.productions, {
      features: modelInputs.model.features,
      modelName: modelInputs.files.model.split(/[\\/]/).pop() ?? "the model",
      plan,
      scoring,
      cache,
      scores: options.scores ?? false,
      threads: options.threads ?? availableParallelism(),
      minBytesPerThread: options.minBytesPerThread ?? config.scale.minBytesPerThread,
      progress: options.progress,
    });
  const contributions = await read();
  trace("log read");
  const log = mergeLog(contributions, plan);
  trace("log merged");
  return {...modelInputs, log};
}

