import {config} from "../config.js";
import {usd} from "../format.js";
import type {ProductionData} from "../inputs/production.js";
import type {Scores} from "../scoring.js";
import {addError, emptyErrorSums} from "../stats/error-sums.js";
import {groupFigures, type GroupFigures} from "./group.js";

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
export function priceBins(data: ProductionData, scores: Scores, validationRmse: number): PriceBinning {
  const n = data.rows;
  const price = data.actualPrice;
  const order = Uint32Array.from({length: n}, (_, i) => i).sort((a, b) => price[a] - price[b] || a - b);
  const k = Math.max(1, Math.min(config.performance.priceBins, Math.floor(n / config.performance.minSegmentRows)));
  const rowBin = new Uint16Array(n);
  const bins: PriceBin[] = [];
  let start = 0;
  for (let b = 0; b < k && start < n; ++b) {
    let end = b === k - 1 ? n : Math.max(start + 1, Math.floor(((b + 1) * n) / k));
    while (end < n && price[order[end]] === price[order[end - 1]]) ++end;
    const sums = emptyErrorSums();
    const absErrors: number[] = [];
    for (let i = start; i < end; ++i) {
      const r = order[i];
      addError(sums, price[r], scores.error[r]);
      absErrors.push(scores.absError[r]);
      rowBin[r] = bins.length;
    }
    const low = price[order[start]];
    const high = price[order[end - 1]];
    const figures = groupFigures(sums, absErrors, `price-bin:${bins.length}`, validationRmse);
    bins.push({
      bin: bins.length,
      label: `${usd(low)}–${usd(high)}`,
      low,
      high,
      mean_actual_price: sums.actual.mean,
      ...figures,
      rmse_share_of_price: figures.rmse / sums.actual.mean,
    });
    start = end;
  }
  return {bins, rowBin};
}
