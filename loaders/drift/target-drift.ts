import {bisectLeft} from "d3";
import type {Rows} from "../accumulate/index.js";
import type {TrainingStats} from "../inputs/index.js";
import {sortedPresent, targetBins, valueDrift, type TargetSummary, type ValueDrift} from "./value-drift.js";

/** The training target's summary, or null when the statistics have none. */
export function targetSummary(stats: Pick<TrainingStats, "target" | "quantileProbs" | "nObs">): TargetSummary | null {
  if (stats.target === null) return null;
  // The target's quantiles are at the features' probabilities (docs/training-stats.md); other lengths cannot be placed.
  const q = stats.target.quantiles;
  const probs = stats.quantileProbs;
  const usable = q !== null && probs !== null && q.length === probs.length;
  return {n: stats.nObs, mean: stats.target.mean, sd: stats.target.sd, quantiles: usable ? q : null, probs: usable ? probs : null};
}

/** Production accuracy in one bin of actual price between training quantiles. */
export interface PriceMixBin {
  /** Price range (low, high]; null at the open ends (the first bin holds everything up to its high, the last everything above its low). */
  low: number | null;
  high: number | null;
  train_share: number;
  prod_share: number;
  rows: number;
  rmse: number | null;
}

/**
 * How much of the RMSE rise the price mix accounts for, by direct
 * standardization: production's mean squared error within each training
 * price bin, reweighted to the training shares of the bins. The overall
 * figure is the same within-bin errors at production's shares, so their
 * difference is the part of the RMSE due to the mix of prices between bins
 * alone; a change of the mix within a bin, and any change of accuracy at a
 * given price, stay in the reweighted figure. Validation's own price mix is
 * not in the statistics: the training mix stands for it.
 */
export interface PriceMixEffect {
  /** Null when it can be computed; else why not. */
  unavailable: string | null;
  bins: PriceMixBin[];
  overall_rmse: number;
  /** Production RMSE at the training price mix. */
  reweighted_rmse: number | null;
  validation_rmse: number;
  /** overall − validation. */
  rise: number;
  /** overall − reweighted: positive when the mix raised the RMSE. */
  mix_effect: number | null;
  /** mix_effect / rise, when the RMSE rose. */
  mix_share_of_rise: number | null;
}

export interface TargetDrift {
  /** Null when the statistics hold the target; else why nothing is computed. */
  unavailable: string | null;
  name: string | null;
  drift: ValueDrift | null;
  price_mix: PriceMixEffect | null;
}

/** Drift of the actual prices against the training target, and the price mix's share of the RMSE rise. */
export function targetDrift(rows: Pick<Rows, "n" | "actual" | "prediction">, stats: Pick<TrainingStats, "target" | "quantileProbs" | "nObs" | "file">, validationRmse: number): TargetDrift {
  const target = targetSummary(stats);
  if (target === null) return {unavailable: `${stats.file} has no target statistics`, name: null, drift: null, price_mix: null};
  return {unavailable: null, name: stats.target?.name ?? null, drift: valueDrift(rows.actual, target), price_mix: priceMixEffect(rows, target, validationRmse)};
}

export function priceMixEffect(rows: Pick<Rows, "n" | "actual" | "prediction">, target: TargetSummary, validationRmse: number): PriceMixEffect {
  const sorted = sortedPresent(rows.actual);
  const bins = targetBins(target, sorted);
  let sse = 0;
  let n = 0;
  for (let r = 0; r < rows.n; ++r) {
    const e = rows.actual[r] - rows.prediction[r];
    if (Number.isNaN(e)) continue;
    sse += e * e;
    ++n;
  }
  const overall = n > 0 ? Math.sqrt(sse / n) : NaN;
  const rise = overall - validationRmse;
  const none = (why: string, shown: PriceMixBin[] = []): PriceMixEffect => ({unavailable: why, bins: shown, overall_rmse: overall, reweighted_rmse: null, validation_rmse: validationRmse, rise, mix_effect: null, mix_share_of_rise: null});
  if (n === 0) return none("no production row has an actual price");
  if (bins === null || bins.edges.length < 2) return none("the training statistics have no usable target quantiles");
  const k = bins.edges.length - 1;
  const count = new Float64Array(k);
  const binSse = new Float64Array(k);
  for (let r = 0; r < rows.n; ++r) {
    const e = rows.actual[r] - rows.prediction[r];
    if (Number.isNaN(e)) continue;
    const b = Math.min(k - 1, Math.max(0, bisectLeft(bins.edges, rows.actual[r]) - 1));
    ++count[b];
    binSse[b] += e * e;
  }
  const shown = bins.expected.map((e, b): PriceMixBin => ({
    low: b === 0 ? null : bins.edges[b],
    high: b === k - 1 ? null : bins.edges[b + 1],
    train_share: e,
    prod_share: bins.actual[b],
    rows: count[b],
    rmse: count[b] > 0 ? Math.sqrt(binSse[b] / count[b]) : null,
  }));
  const empty = shown.filter((b) => b.train_share > 0 && b.rows === 0).length;
  if (empty > 0) return none(`${empty} training price bin${empty === 1 ? " has" : "s have"} no production row, so ${empty === 1 ? "its" : "their"} error is unknown`, shown);
  let mse = 0;
  shown.forEach((b, i) => {
    if (b.train_share > 0) mse += (b.train_share * binSse[i]) / count[i];
  });
  const reweighted = Math.sqrt(mse);
  const effect = overall - reweighted;
  return {unavailable: null, bins: shown, overall_rmse: overall, reweighted_rmse: reweighted, validation_rmse: validationRmse, rise, mix_effect: effect, mix_share_of_rise: rise > 0 ? effect / rise : null};
}
