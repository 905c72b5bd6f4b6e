import type {Accumulation, FeatureSums} from "./accumulate.js";
import type {ProductionData} from "../inputs/index.js";
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
}

/**
 * Every calendar day from the log's first date to its last, from the
 * accumulation's per-day sums plus what it does not keep: the day's revenue
 * (units × actual price) and latencies, read from the production columns.
 * Days without predictions are present with zero rows.
 */
export function dailySums(acc: Accumulation, production: ProductionData): DaySums[] {
  const dates = [...acc.days.keys()].sort(compare);
  if (dates.length === 0) return [];
  const revenue = new Map<string, number>();
  const latency = new Map<string, number[]>();
  const {unitsSold, latencyMs, actualPrice, date} = production;
  for (let r = 0; r < production.rows; ++r) {
    const units = unitsSold ? unitsSold[r] : NaN;
    if (units === units) revenue.set(date[r], (revenue.get(date[r]) ?? 0) + units * actualPrice[r]);
    const ms = latencyMs ? latencyMs[r] : NaN;
    if (ms === ms) {
      const list = latency.get(date[r]);
      if (list) list.push(ms);
      else latency.set(date[r], [ms]);
    }
  }
  const k = production.features.length;
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
      };
    }
    return {
      date: day,
      rows: sums.errors.n,
      errors: sums.errors,
      features: sums.features,
      impact: {underpriced: sums.unitsUnderpriced, overpriced: sums.unitsOverpriced, revenue: revenue.get(day) ?? 0, units: sums.unitsSold},
      latencyMs: latency.get(day) ?? [],
    };
  });
}
