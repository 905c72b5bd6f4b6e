import type {Accumulation, FeatureSums, Rows} from "../accumulate/index.js";
import {compare} from "../shared/index.js";
import {emptyErrorSums, emptyMoments, type ErrorSums} from "../stats/index.js";
import {calendarDays} from "./calendar.js";

/** What business impact needs, as sums that pool over days. */
export interface ImpactSums {
  /** Σ units × (actual − predicted) over under-priced rows: revenue left on the table. */
  underpriced: number;
  /** Σ units × (predicted − actual) over over-priced rows: revenue at risk. */
  overpriced: number;
  /** Σ units × actual price over rows with units known. */
  revenue: number;
  units: number;
}

/** One calendar day of the production window, as poolable sums. */
export interface DaySums {
  date: string;
  rows: number;
  errors: ErrorSums;
  /** Per model feature, in model order. */
  features: FeatureSums[];
  impact: ImpactSums;
  /** The day's request latencies present in the log (ms). */
  latencyMs: number[];
  /** Σ prediction over the day's rows (every row is scored, labelled or not): prediction drift's mean. */
  predictionSum: number;
}

/**
 * Every calendar day from the log's first date to its last, from the
 * accumulation's per-day sums plus the day's latencies (for exact quantiles),
 * read from the kept rows. Days without predictions are present with zero rows.
 */
export function dailySums(acc: Accumulation, rows: Rows): DaySums[] {
  const dates = [...acc.days.keys()].sort(compare);
  if (dates.length === 0) return [];
  const latency = new Map<string, number[]>();
  // Summed in row order from the kept rows, as the Drift page's daily prediction drift reads them.
  const predictionSums = new Map<string, number>();
  {
    const {codes, values} = rows.date;
    const byCode = new Float64Array(values.length);
    for (let r = 0; r < rows.n; ++r) byCode[codes[r]] += rows.prediction[r];
    values.forEach((date, c) => predictionSums.set(date, byCode[c]));
  }
  if (rows.latency) {
    const {codes, values} = rows.date;
    const byCode = values.map((): number[] => []);
    for (let r = 0; r < rows.n; ++r) {
      const ms = rows.latency[r];
      if (ms === ms) byCode[codes[r]].push(ms);
    }
    values.forEach((date, c) => latency.set(date, byCode[c]));
  }
  const k = acc.features.length;
  return calendarDays(dates[0], dates[dates.length - 1]).map((day): DaySums => {
    const sums = acc.days.get(day);
    if (!sums) {
      return {
        date: day,
        rows: 0,
        errors: emptyErrorSums(),
        features: Array.from({length: k}, () => ({present: emptyMoments(), missing: 0})),
        impact: {underpriced: 0, overpriced: 0, revenue: 0, units: 0},
        latencyMs: [],
        predictionSum: 0,
      };
    }
    return {
      date: day,
      rows: sums.rows,
      errors: sums.errors,
      features: sums.features,
      impact: {underpriced: sums.unitsUnderpriced, overpriced: sums.unitsOverpriced, revenue: sums.revenue, units: sums.unitsSold},
      latencyMs: latency.get(day) ?? [],
      predictionSum: predictionSums.get(day) ?? 0,
    };
  });
}
