import {config} from "../config.js";
import {usd} from "../shared/index.js";
import {addError, emptyErrorSums} from "../stats/index.js";
import {groupFigures, type GroupFigures} from "./group.js";
import type {RowErrors} from "./row-errors.js";

/** Accuracy of the rows whose actual price falls in one bin. */
export interface PriceBin extends GroupFigures {
  /** 0 = cheapest. */
  bin: number;
  label: string;
  low: number;
  high: number;
  mean_actual_price: number;
  /** RMSE as a share of the bin's mean actual price: the error a customer would notice. */
  rmse_share_of_price: number;
}

export interface PriceBinning {
  bins: PriceBin[];
  /** The bin of every row, in input order. */
  rowBin: Uint16Array;
}

/**
 * Bins of actual price computed from the data: equal-count bins (deciles by
 * default; fewer when a bin would hold fewer than minSegmentRows rows), so no
 * dollar cut-off is assumed and every bin's RMSE rests on as many rows. Rows of
 * equal price stay in one bin, so labels never overlap.
 */
export function priceBins(errors: RowErrors, validationRmse: number): PriceBinning {
  const n = errors.rows.n;
  const price = errors.rows.actual;
  // A native numeric sort of the prices (fast at millions of rows) fixes the
  // edges; each bin is then a closed price range [low, high] and rows are
  // placed by binary search on the bins' upper edges.
  const sorted = Float64Array.from(price).sort();
  const k = Math.max(1, Math.min(config.performance.priceBins, Math.floor(n / config.performance.minSegmentRows)));
  const edges: {low: number; high: number}[] = [];
  let start = 0;
  for (let b = 0; b < k && start < n; ++b) {
    let end = b === k - 1 ? n : Math.max(start + 1, Math.floor(((b + 1) * n) / k));
    while (end < n && sorted[end] === sorted[end - 1]) ++end;
    edges.push({low: sorted[start], high: sorted[end - 1]});
    start = end;
  }
  const rowBin = new Uint16Array(n);
  const sums = edges.map(() => emptyErrorSums());
  const absErrors: number[][] = edges.map(() => []);
  for (let r = 0; r < n; ++r) {
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (price[r] <= edges[mid].high) hi = mid;
      else lo = mid + 1;
    }
    rowBin[r] = lo;
    addError(sums[lo], price[r], errors.error[r]);
    absErrors[lo].push(errors.abs[r]);
  }
  const bins = edges.map(({low, high}, b): PriceBin => {
    const figures = groupFigures(sums[b], absErrors[b], `price-bin:${b}`, validationRmse);
    return {
      bin: b,
      label: `${usd(low)}–${usd(high)}`,
      low,
      high,
      mean_actual_price: sums[b].actual.mean,
      ...figures,
      rmse_share_of_price: figures.rmse / sums[b].actual.mean,
    };
  });
  return {bins, rowBin};
}
