import type {Accumulation} from "../accumulate/index.js";
import type {NewSegment} from "./table.js";
import {found} from "../shared/index.js";
import {accuracy, emptyErrorSums, mergeErrorSums, type ErrorSums} from "../stats/index.js";

/** A new segment's accuracy; null while none of its rows has its actual price. */
export interface NewSegmentError extends NewSegment {
  rmse: number | null;
  mae: number | null;
  bias: number | null;
}

export interface NewSegmentsByDimension {
  dimension: "category" | "brand";
  /** False when the training statistics have no counts for this dimension (new segments unknown). */
  known: boolean;
  segments: NewSegmentError[];
  rows_new: number;
  share_new: number;
  rmse_new: number | null;
  rows_seen: number;
  rmse_seen: number | null;
}

/** Accuracy of the production categories and brands unseen in training, from the pass's segment sums. */
export function newSegmentsReport(acc: Accumulation, newCategories: readonly NewSegment[], newBrands: readonly NewSegment[], known: {categories: boolean; brands: boolean}): NewSegmentsByDimension[] {
  const one = (dimension: "category" | "brand", fresh: readonly NewSegment[], isKnown: boolean): NewSegmentsByDimension => {
    const groups = acc.segments[dimension];
    const names = new Set(fresh.map((s) => s.segment));
    // The new segments were read from these very sums (the drift table's), so each has its group.
    const segments = fresh.map((s) => ({...s, ...pick(found(groups.get(s.segment), `the ${dimension} sums of new segment "${s.segment}"`).errors)}));
    let fresh_: ErrorSums = emptyErrorSums();
    let seen: ErrorSums = emptyErrorSums();
    // The share of volume counts every row; the RMSEs only the labelled ones.
    let freshRows = 0;
    for (const [name, g] of groups) {
      if (names.has(name)) {
        fresh_ = mergeErrorSums(fresh_, g.errors);
        freshRows += g.rows;
      } else seen = mergeErrorSums(seen, g.errors);
    }
    return {
      dimension,
      known: isKnown,
      segments,
      rows_new: fresh_.n,
      share_new: freshRows / acc.rows,
      rmse_new: fresh_.n ? accuracy(fresh_).rmse : null,
      rows_seen: seen.n,
      rmse_seen: seen.n ? accuracy(seen).rmse : null,
    };
  };
  return [one("category", newCategories, known.categories), one("brand", newBrands, known.brands)];
}

function pick(s: ErrorSums): {rmse: number | null; mae: number | null; bias: number | null} {
  if (s.n === 0) return {rmse: null, mae: null, bias: null};
  const a = accuracy(s);
  return {rmse: a.rmse, mae: a.mae, bias: a.bias};
}
