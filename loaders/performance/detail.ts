import {bin} from "d3";
import {config} from "../config.js";
import {present} from "../shared/index.js";
import type {PerformanceTable} from "./table.js";
import {priceBinsConclusion, tailConclusion, withoutWorstConclusion} from "./detail-conclusions.js";
import {priceBins, type PriceBin} from "./price-bins.js";
import {errorTail, type ErrorTail} from "./tail.js";
import {withoutWorst, type WithoutWorstStep} from "./without-worst.js";
import type {CodedColumn, Rows} from "../accumulate/index.js";
import type {RowErrors} from "./row-errors.js";

/** One row of the predicted-vs-actual chart. */
export interface ScatterPoint {
  actual: number;
  predicted: number;
  category: string;
  price_tier: string;
}

/**
 * The performance figures that need row-level context (each row's price,
 * segment and signed error together): the page's charts and the tail and price
 * analyses. Every array is bounded, so the page data stays small at millions of rows.
 */
export interface PerformanceDetail {
  points: ScatterPoint[];
  /** Rows in the input; points are a systematic sample of them when there are more than maxScatterPoints. */
  points_total: number;
  error_histogram: {x0: number; x1: number; count: number}[];
  price_bins: PriceBin[];
  tail: ErrorTail;
  without_worst: WithoutWorstStep[];
  conclusions: {price_bins: string; tail: string; without_worst: string};
}

export function performanceDetail(errors: RowErrors, table: PerformanceTable): PerformanceDetail {
  const validation = table.validation.rmse;
  const binning = priceBins(errors, validation);
  const tail = errorTail(errors, binning, table.segments);
  const steps = withoutWorst(errors, table.worst_segments, validation);
  return {
    points: scatterPoints(errors.rows),
    points_total: errors.rows.n,
    error_histogram: histogram(errors.error),
    price_bins: binning.bins,
    tail,
    without_worst: steps,
    conclusions: {
      price_bins: priceBinsConclusion(binning.bins),
      tail: tailConclusion(tail),
      without_worst: withoutWorstConclusion(steps, validation),
    },
  };
}

function scatterPoints(rows: Rows): ScatterPoint[] {
  const count = Math.min(rows.n, config.performance.maxScatterPoints);
  const text = (c: CodedColumn, r: number) => c.values[c.codes[r]];
  return Array.from({length: count}, (_, i) => {
    const r = Math.floor((i * rows.n) / count);
    return {actual: rows.actual[r], predicted: rows.prediction[r], category: text(rows.category, r), price_tier: text(rows.priceTier, r)};
  });
}

function histogram(errors: Float64Array): PerformanceDetail["error_histogram"] {
  // d3 copies a typed array with Array.from, which is slow at a million rows (its iterator); a plain loop copies it in a tenth of the time.
  const values = new Array<number>(errors.length);
  for (let r = 0; r < errors.length; ++r) values[r] = errors[r];
  // d3 types a bin's bounds as optional; over numbers every bin has both.
  return present(bin().thresholds(config.performance.histogramBins)(values), "x0", "x1").map((b) => ({x0: b.x0, x1: b.x1, count: b.length}));
}
