import {config} from "../config.js";
import {compare, pct, present} from "../shared/index.js";
import {dimensions} from "../inputs/index.js";
import type {SegmentPerformance} from "./segment-table.js";

/**
 * The worst segments: only segments with at least config.performance.minSegmentRows
 * rows are ranked, by the lower bound of their RMSE interval (the RMSE we are
 * confident the segment at least has), then by RMSE. A three-product segment
 * cannot win by noise: it is not ranked at all, and a segment of twenty with
 * one wild error has a wide interval whose lower bound stays modest.
 */
export function worstSegments(segments: readonly SegmentPerformance[], count: number = config.performance.worstCount): SegmentPerformance[] {
  return present(
    segments.filter((s) => !s.small),
    "rmse_ci_low",
  )
    .sort(
      (a, b) =>
        b.rmse_ci_low - a.rmse_ci_low ||
        b.rmse - a.rmse ||
        dimensions.indexOf(a.dimension) - dimensions.indexOf(b.dimension) ||
        compare(a.segment, b.segment),
    )
    .slice(0, count);
}

/** The ranking rule in words, from the settings, for the page to state. */
export function worstRule(): string {
  const {minSegmentRows, interval, worstCount} = config.performance;
  return (
    `Segments with at least ${minSegmentRows} rows are ranked by the lower bound of their ${pct(interval.level, 0)} RMSE interval ` +
    `(the RMSE we are confident the segment has at least), then by RMSE; the top ${worstCount} are shown. ` +
    `Smaller segments are listed with a "small sample" mark but not ranked.`
  );
}
