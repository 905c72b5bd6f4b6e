import {basename} from "node:path";
import {logName, type ReportInputs} from "../pass/index.js";
import {compare} from "../shared/index.js";

/** What the report was computed from: the data notes every page can cite. */
export interface InputSummary {
  files: {production: string; model: string; stats: string};
  rows: number;
  days: {first: string; last: string; count: number};
  model: {kind: string; lambda: number | null; features: number; nonzero: number; intercept: number};
  training: {rows: number; window: {start: string; end: string; days: number}; imputation: string};
  extra_columns: string[];
  has_units_sold: boolean;
  has_latency: boolean;
}

export function inputSummary({files, log, model, stats}: ReportInputs): InputSummary {
  const days = [...log.accumulation.days.keys()].sort(compare);
  return {
    files: {production: logName(log.files), model: basename(files.model), stats: basename(files.stats)},
    rows: log.rows,
    days: {first: days[0], last: days[days.length - 1], count: days.length},
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
  };
}
