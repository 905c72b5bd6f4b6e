import type {FeatureSums} from "../accumulate/index.js";
import {emptyErrorSums, mergeErrorSums, mergeMoments} from "../stats/index.js";
import type {DaySums, ImpactSums} from "./days.js";

/** Sums of several days pooled: the window's rows as if they were one day. */
export type PooledSums = Omit<DaySums, "date" | "latencyMs">;

/** The days of the trailing window ending at day `i` (inclusive), at most `width` of them. */
export function trailing<T>(days: readonly T[], i: number, width: number): T[] {
  return days.slice(Math.max(0, i - width + 1), i + 1);
}

/**
 * Pools days by adding their sums, so a 7-day RMSE is √(ΣSSE / Σn) over the
 * window's rows, not a mean of daily RMSEs (which would weigh a 10-row day
 * like a 30-row one and is biased low by Jensen's inequality).
 */
export function pool(days: readonly Omit<DaySums, "date" | "latencyMs">[]): PooledSums {
  if (days.length === 0) throw new Error("pool of no days");
  return days.slice(1).reduce<PooledSums>(
    (a, b) => ({
      rows: a.rows + b.rows,
      errors: mergeErrorSums(a.errors, b.errors),
      features: a.features.map((f, j): FeatureSums => ({present: mergeMoments(f.present, b.features[j].present), missing: f.missing + b.features[j].missing})),
      impact: addImpact(a.impact, b.impact),
      predictionSum: a.predictionSum + b.predictionSum,
    }),
    {rows: days[0].rows, errors: mergeErrorSums(emptyErrorSums(), days[0].errors), features: days[0].features, impact: days[0].impact, predictionSum: days[0].predictionSum},
  );
}

export function addImpact(a: ImpactSums, b: ImpactSums): ImpactSums {
  return {underpriced: a.underpriced + b.underpriced, overpriced: a.overpriced + b.overpriced, revenue: a.revenue + b.revenue, units: a.units + b.units};
}
