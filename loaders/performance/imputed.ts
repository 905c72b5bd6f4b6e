import type {Accumulation} from "../accumulate/index.js";
import {config} from "../config.js";
import {accuracy, emptyErrorSums, mergeErrorSums, type ErrorSums} from "../stats/index.js";

/** Accuracy of the rows with exactly `imputed_features` missing inputs. */
export interface ImputedPerformance {
  imputed_features: number;
  n: number;
  rmse: number;
  mae: number;
}

/** Accuracy of rows with `from`–`to` imputed features: adjacent counts pooled until a group has minSegmentRows rows. */
export interface ImputedGroup {
  from: number;
  to: number;
  n: number;
  rmse: number;
  mae: number;
  bias: number;
}

/** Rows with fewer than `at` imputed features vs the rest, split at the median count. */
export interface ImputedSplit {
  at: number;
  fewer: {n: number; rmse: number};
  more: {n: number; rmse: number};
  /** (more − fewer) / fewer RMSE, in percent; null when the rows with fewer have no error at all. */
  difference_pct: number | null;
}

export function byImputed(acc: Accumulation): ImputedPerformance[] {
  return sortedCounts(acc).map(([k, sums]) => {
    const a = accuracy(sums);
    return {imputed_features: k, n: a.n, rmse: a.rmse, mae: a.mae};
  });
}

/**
 * Counts of imputed features pooled from the lowest up until each group holds
 * minSegmentRows rows (a remainder below that joins the last group), so every
 * point of the chart rests on enough rows.
 */
export function imputedGroups(acc: Accumulation): ImputedGroup[] {
  const min = config.performance.minSegmentRows;
  const groups: {from: number; to: number; sums: ErrorSums}[] = [];
  let current: {from: number; to: number; sums: ErrorSums} | null = null;
  for (const [k, sums] of sortedCounts(acc)) {
    current = current ? {from: current.from, to: k, sums: mergeErrorSums(current.sums, sums)} : {from: k, to: k, sums};
    if (current.sums.n >= min) {
      groups.push(current);
      current = null;
    }
  }
  if (current) {
    const last = groups.pop();
    groups.push(last ? {from: last.from, to: current.to, sums: mergeErrorSums(last.sums, current.sums)} : current);
  }
  return groups.map(({from, to, sums}) => {
    const {n, rmse, mae, bias} = accuracy(sums);
    return {from, to, n, rmse, mae, bias};
  });
}

/**
 * Splits the rows at the median number of imputed features (the smallest count
 * reached by half the rows; moved up one count if nothing lies below it). Null
 * when every row has the same count.
 */
export function imputedSplit(acc: Accumulation): ImputedSplit | null {
  const counts = sortedCounts(acc);
  if (counts.length < 2) return null;
  let seen = 0;
  let index = counts.findIndex(([, sums]) => (seen += sums.n) * 2 >= acc.rows);
  if (index <= 0) index = 1;
  const pool = (part: [number, ErrorSums][]) => accuracy(part.reduce((s, [, sums]) => mergeErrorSums(s, sums), emptyErrorSums()));
  const fewer = pool(counts.slice(0, index));
  const more = pool(counts.slice(index));
  return {
    at: counts[index][0],
    fewer: {n: fewer.n, rmse: fewer.rmse},
    more: {n: more.n, rmse: more.rmse},
    difference_pct: fewer.rmse > 0 ? (more.rmse / fewer.rmse - 1) * 100 : null,
  };
}

function sortedCounts(acc: Accumulation): [number, ErrorSums][] {
  return [...acc.byImputed].sort(([a], [b]) => a - b);
}
