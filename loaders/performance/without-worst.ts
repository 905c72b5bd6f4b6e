import {type Dimension, type ProductionData, segmentColumn} from "../inputs/index.js";
import type {Scores} from "../scoring/index.js";
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
export function withoutWorst(data: ProductionData, scores: Scores, worst: readonly SegmentPerformance[], validationRmse: number): WithoutWorstStep[] {
  const out = new Uint8Array(data.rows);
  let total = 0;
  for (let r = 0; r < data.rows; ++r) total += scores.error[r] * scores.error[r];
  return worst.filter((s) => s.significant).map((s, i) => {
    const column = segmentColumn(data, s.dimension);
    let kept = 0;
    let sseKept = 0;
    for (let r = 0; r < data.rows; ++r) {
      if (column[r] === s.segment) out[r] = 1;
      if (!out[r]) {
        ++kept;
        sseKept += scores.error[r] * scores.error[r];
      }
    }
    const leftOut = data.rows - kept;
    const rest = kept > 0 ? Math.sqrt(sseKept / kept) : null;
    return {
      step: i + 1,
      dimension: s.dimension,
      segment: s.segment,
      rows_left_out: leftOut,
      row_share: leftOut / data.rows,
      sse_share: total > 0 ? 1 - sseKept / total : 0,
      rmse_rest: rest,
      rest_increase_pct: rest === null ? null : increasePct(rest, validationRmse),
    };
  });
}
