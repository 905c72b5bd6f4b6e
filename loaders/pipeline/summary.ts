import {basename} from "node:path";
import {logName, type ReportInputs} from "../pass/index.js";
import {daySpan, type DaySpan} from "../daily/index.js";
import {compare} from "../shared/index.js";

/** What the report was computed from: the data notes every page can cite. */
export interface InputSummary {
  files: {production: string; model: string; stats: string};
  rows: number;
  /** The calendar span of the log and its days with and without rows. */
  days: DaySpan;
  model: {kind: string; lambda: number | null; features: number; nonzero: number; intercept: number};
  training: {rows: number; window: {start: string; end: string; days: number}; imputation: string};
  extra_columns: string[];
  has_units_sold: boolean;
  has_latency: boolean;
  /** The log's files: how many, their rows summarised, each file, and the days more than one file holds. */
  log: {
    files: number;
    rows_per_file: {min: number; median: number; max: number};
    list: {name: string; kind: "csv" | "parquet"; rows: number; first_day: string; last_day: string; sha256: string}[];
    /** Days whose rows come from more than one file (allowed: the log is every file's rows), with those files. */
    shared_days: {date: string; files: string[]}[];
  };
}

export function inputSummary({files, log, model, stats}: ReportInputs): InputSummary {
  return {
    files: {production: logName(log.files), model: basename(files.model), stats: basename(files.stats)},
    rows: log.rows,
    days: daySpan(log.accumulation.days.keys()),
    model: {
      kind: model.kind,
      lambda: model.lambda,
      features: model.features.length,
      nonzero: model.coefficients.filter((b) => b !== 0).length,
      intercept: model.intercept,
    },
    training: {rows: stats.nObs, window: stats.window, imputation: stats.imputation},
    extra_columns: log.columns.extraColumns,
    has_units_sold: log.columns.hasUnitsSold,
    has_latency: log.columns.hasLatency,
    log: {
      files: log.files.length,
      rows_per_file: spread(log.files.map((f) => f.rows)),
      list: log.files.map((f) => ({name: f.name, kind: f.kind, rows: f.rows, first_day: f.first_day, last_day: f.last_day, sha256: f.sha256.slice(0, 12)})),
      shared_days: sharedDays(log),
    },
  };
}

/** The smallest, median and largest of some counts. */
function spread(counts: readonly number[]): {min: number; median: number; max: number} {
  const sorted = [...counts].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return {min: sorted[0], median: sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2, max: sorted[sorted.length - 1]};
}

/** The days more than one file of the log holds rows of, in date order. */
function sharedDays(log: ReportInputs["log"]): {date: string; files: string[]}[] {
  const holders = new Map<string, string[]>();
  for (const c of log.contributions) for (const day of c.accumulation.days.keys()) holders.set(day, [...(holders.get(day) ?? []), c.file.name]);
  return [...holders]
    .filter(([, files]) => files.length > 1)
    .sort(([a], [b]) => compare(a, b))
    .map(([date, files]) => ({date, files}));
}
