import type {Dimension} from "../inputs/index.js";
import {columnOf, type RowErrors} from "./row-errors.js";
import {increasePct} from "./group.js";
import type {SegmentPerformance} from "./segment-table.js";

/** The rows left after leaving out the first `step` worst segments together (they overlap across dimensions). */
export interface WithoutWorstStep {
  step: number;
  dimension: Dimension;
  segment: string;
  /** Rows in any of the segments left out so far. */
  rows_left_out: number;
  row_share: number;
  sse_share: number;
  /** RMSE of the rows kept; null when none are left. */
  rmse_rest: number | null;
  rest_increase_pct: number | null;
}

/**
 * Leaves out the worst segments that are significantly worse than validation,
 * one after another, as a row-level union (a product can be in a worst
 * category and a worst brand). Leaving out a segment that is not degraded
 * would say nothing about where the degradation is.
 */
export function withoutWorst(errors: RowErrors, worst: readonly SegmentPerformance[], validationRmse: number): WithoutWorstStep[] {
  const n = errors.rows.n;
  const error = errors.error;
  const out = new Uint8Array(n);
  let total = 0;
  for (let r = 0; r < n; ++r) total += error[r] * error[r];
  return worst.filter((s) => s.significant).map((s, i) => {
    const {codes, values} = errors.rows[columnOf(s.dimension)];
    const code = values.indexOf(s.segment);
    let kept = 0;
    let sseKept = 0;
    for (let r = 0; r < n; ++r) {
      if (codes[r] === code) out[r] = 1;
      if (!out[r]) {
        ++kept;
        sseKept += error[r] * error[r];
      }
    }
    const leftOut = n - kept;
    const rest = kept > 0 ? Math.sqrt(sseKept / kept) : null;
    return {
      step: i + 1,
      dimension: s.dimension,
      segment: s.segment,
      rows_left_out: leftOut,
      row_share: leftOut / n,
      sse_share: total > 0 ? 1 - sseKept / total : 0,
      rmse_rest: rest,
      rest_increase_pct: rest === null ? null : increasePct(rest, validationRmse),
    };
  });
}
