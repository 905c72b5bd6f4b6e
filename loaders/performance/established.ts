import type {Accumulation, GroupSums} from "../accumulate/index.js";
import type {TrainingStats} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import {mergeErrorSums, emptyErrorSums} from "../stats/index.js";
import {groupFigures, type GroupFigures} from "./group.js";
import type {RowErrors} from "./row-errors.js";

export interface CategoryGroup extends GroupFigures {
  categories: string[];
  row_share: number;
  sse_share: number;
}

/** Categories seen in training vs categories new in production. */
export interface EstablishedVsNew {
  established: CategoryGroup | null;
  /** Null when every production category occurred in training. */
  new: CategoryGroup | null;
}

/** Null when the training statistics carry no category counts. */
export function establishedVsNew(acc: Accumulation, rowErrors: RowErrors, stats: TrainingStats): EstablishedVsNew | null {
  const known = stats.categories;
  if (!known) return null;
  // By name, so the pooled errors (and their bootstrap) do not depend on row order across categories.
  const categories = [...acc.segments.category].sort(([a], [b]) => compare(a, b));
  const established = categories.filter(([c]) => known.has(c));
  const fresh = categories.filter(([c]) => !known.has(c));
  const group = (members: [string, GroupSums][], name: string): CategoryGroup | null => {
    if (members.length === 0) return null;
    let errors = emptyErrorSums();
    for (const [, g] of members) errors = mergeErrorSums(errors, g.errors);
    const absErrors = rowErrors.absOf("category", members.map(([c]) => c));
    return {
      categories: members.map(([c]) => c),
      ...groupFigures(errors, absErrors, `category-group:${name}`, stats.validation.rmse),
      row_share: errors.n / acc.rows,
      sse_share: acc.overall.errors.sumSquaredError > 0 ? errors.sumSquaredError / acc.overall.errors.sumSquaredError : 0,
    };
  };
  return {established: group(established, "established"), new: group(fresh, "new")};
}
