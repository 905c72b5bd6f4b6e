import type {Dimension} from "../../loaders/inputs/index.js";
import type {PerformanceDetail, PerformanceTable, TailSide} from "../../loaders/performance/index.js";
import {int, pct, usd} from "../shared/format.js";

/** The Performance page's words for its figures: dimensions, intervals, and the sentences that depend on what the data holds. */

/** A dimension in mid-sentence. */
export const dimensionLabel: Record<Dimension, string> = {category: "category", price_tier: "price tier", brand: "brand"};
/** A dimension as a table cell that names a group of segments. */
export const dimensionTitle: Record<Dimension, string> = {category: "Categories", price_tier: "Price tiers", brand: "Brands"};
/** The dimensions in the order the tables list them. */
export const dimensionOrder: readonly Dimension[] = ["category", "price_tier", "brand"];

/** The intervals' level as the page says it: "95%". */
export const ciLevel = (perf: PerformanceTable): string => pct(perf.settings.ci_level, 0);

/** An RMSE interval, "$12.34–$16.08", or "n/a" when the group has none. */
export function interval(d: {rmse_ci_low: number | null; rmse_ci_high: number | null}): string {
  return d.rmse_ci_low === null || d.rmse_ci_high === null ? "n/a" : `${usd(d.rmse_ci_low)}–${usd(d.rmse_ci_high)}`;
}

/** How the overall interval was computed. */
export const intervalMethod = (perf: PerformanceTable): string => (perf.overall.ci_method === "normal" ? "normal approximation" : "bootstrap");

/** The share of rows in the error tail, as its heading says it: "5%". */
export const tailShare = (detail: PerformanceDetail): string => pct(1 - detail.tail.quantile, 0);

/** A tail side's mean |error| after its count, when it has rows: ", mean |error| $41.20". */
export const meanAbsError = (side: TailSide): string => (side.mean_abs_error === null ? "" : `, mean |error| ${usd(side.mean_abs_error)}`);

/** Which of the worst segments the leave-out steps take: "all 5", or "3 of the 5" (only those significantly worse). */
export function withoutWorstScope(perf: PerformanceTable, detail: PerformanceDetail): string {
  const worst = perf.worst_segments.length;
  return detail.without_worst.length === worst ? `all ${int(worst)}` : `${int(detail.without_worst.length)} of the ${int(worst)}`;
}
