import {concatRows, mergeAccumulations, type Accumulation, type AccumulationPlan, type Rows} from "../accumulate/index.js";
import {InputError} from "../errors.js";
import type {ModelInputs} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import type {Contribution, FileColumns} from "./read-log.js";

/** One file of the log, as the report names it. */
export interface LogFile {
  /** Path relative to the data folder. */
  name: string;
  kind: "csv" | "parquet";
  size: number;
  sha256: string;
  rows: number;
  first_day: string;
  last_day: string;
  /** Whether this run took the file's contribution from the cache instead of reading it. */
  cached: boolean;
}

/** The production log the pass read: its files, their merged sums, the kept rows, and where the spilled columns are. */
export interface Log {
  files: LogFile[];
  rows: number;
  /** The model's features: the order of every per-feature figure. */
  features: readonly string[];
  columns: FileColumns;
  /** What the pass kept beside the fixed sums (cells, flag sets, price signals). */
  plan: AccumulationPlan;
  accumulation: Accumulation;
  kept: Rows;
  contributions: Contribution[];
}

/** Everything the tables are computed from: the model, the statistics and the log. */
export interface ReportInputs extends ModelInputs {
  log: Log;
}

/**
 * The files' contributions as one log, in file order. The files must agree on
 * the optional columns (a units or latency column in some files and not in
 * others would leave the figures that need it half-computed): the first file
 * that differs from the first is named, with the column.
 */
export function mergeLog(contributions: readonly Contribution[], plan: AccumulationPlan): Log {
  const [first] = contributions;
  if (first === undefined) throw new Error("a log of no files");
  for (const c of contributions.slice(1)) {
    for (const [column, key] of [["units_sold", "hasUnitsSold"], ["latency_ms", "hasLatency"]] as const) {
      if (c.columns[key] !== first.columns[key]) {
        const which = first.columns[key] ? `has no "${column}" column, which ${first.file.name} has` : `has a "${column}" column, which ${first.file.name} has not`;
        // A CSV's columns are its line 1; a Parquet file's are its schema, which has no line.
        throw new InputError(`${which}: every file of the log must have the same optional columns`, {file: c.file.path, line: c.file.kind === "csv" ? 1 : undefined, column});
      }
    }
  }
  const extra = [...new Set(contributions.flatMap((c) => c.columns.extraColumns))];
  return {
    files: contributions.map((c) => {
      const days = [...c.accumulation.days.keys()].sort(compare);
      return {name: c.file.name, kind: c.file.kind, size: c.file.size, sha256: c.sha256, rows: c.rows, first_day: days[0], last_day: days[days.length - 1], cached: c.cached};
    }),
    rows: contributions.reduce((sum, c) => sum + c.rows, 0),
    features: plan.features,
    plan,
    columns: {hasUnitsSold: first.columns.hasUnitsSold, hasLatency: first.columns.hasLatency, extraColumns: extra},
    accumulation: contributions.map((c) => c.accumulation).reduce(mergeAccumulations),
    kept: concatRows(contributions.map((c) => c.kept)),
    contributions: [...contributions],
  };
}

/** How the report names the log: its one file, or how many files from which to which. */
export function logName(files: readonly Pick<LogFile, "name">[]): string {
  if (files.length === 1) return files[0].name;
  return `${files.length} files (${files[0].name} to ${files[files.length - 1].name})`;
}
