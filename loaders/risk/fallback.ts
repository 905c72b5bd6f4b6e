import type {ProductionData, TrainingStats} from "../inputs/index.js";
import type {Scores} from "../scoring/index.js";
import {priceFeatures} from "./row-features.js";
import {accuracy, missesAny, subsetAccuracy, type SubsetAccuracy} from "./subset.js";

export type FallbackTier = "model" | "signal" | "review";

/** The rows one branch of the rule serves, and how well. */
export interface FallbackBranch<Tier extends FallbackTier = FallbackTier> {
  tier: Tier;
  n: number;
  share: number;
  /** RMSE of the model's prediction (training-mean imputation) on these rows. */
  model_rmse: number | null;
  /** RMSE of what the rule serves on them. */
  served_rmse: number | null;
}

/** A price-like input (a model feature in the target's unit) that can stand in for the model. */
export interface PriceSignal {
  feature: string;
  /** Its RMSE as a price on its own, over the rows where it is present. */
  rmse: number;
  present_share: number;
  /** Rows of the signal branch it priced (the first signal present in the row). */
  served: number;
}

/**
 * The missing-feature fallback as a rule: every critical feature present →
 * the model (a missing non-critical feature takes its training mean, as
 * today); a critical feature missing → the first available price signal, in
 * order of how well each alone matched the actual price in the log, among
 * those that alone beat the model on such rows; none available → the model's
 * imputed prediction, flagged for a person to check before it is used.
 */
export interface FallbackRule {
  critical: string[];
  /** Signals in the order the rule tries them (empty when none beats the model). */
  signals: PriceSignal[];
  /** Candidates that did not beat the model where critical features are missing. */
  rejected_signals: {feature: string; rmse: number}[];
  /** The model, signal and review branches, in that order. */
  branches: [FallbackBranch<"model">, FallbackBranch<"signal">, FallbackBranch<"review">];
  /** RMSE of all rows as served today and under the rule. */
  served_today_rmse: number;
  served_by_rule_rmse: number;
  /** Rows with every critical feature present: how the model does when its key inputs arrive. */
  complete_rows: SubsetAccuracy;
}

/** The columns of the given price signals, in the order the rule tries them. */
export function signalColumns(production: ProductionData, signals: readonly string[]): Float64Array[] {
  return signals.map((f) => production.x[production.features.indexOf(f)]);
}

/** Which signal the rule serves for row r: the position of the first one present, or -1. */
export function firstPresent(columns: readonly Float64Array[], r: number): number {
  for (let k = 0; k < columns.length; ++k) if (columns[k][r] === columns[k][r]) return k;
  return -1;
}

const tierNames = ["model", "signal", "review"] as const;

export function fallbackRule(production: ProductionData, scores: Scores, stats: TrainingStats, critical: readonly string[], validationRmse: number): FallbackRule {
  // The critical features' columns, in model order (whether a row misses any does not depend on the order).
  const criticalSet = new Set(critical);
  const missing = missesAny(production.x, production.features.flatMap((f, j) => (criticalSet.has(f) ? [j] : [])));
  const affected = subsetAccuracy(scores.error, missing, validationRmse);
  const prices = new Set(priceFeatures(production.features, stats));
  const candidates = production.features
    .flatMap((feature, j) => (prices.has(feature) ? [{feature, x: production.x[j]}] : []))
    .map(({feature, x}) => {
      // The signal's own error as a price, over the rows where it is present.
      let n = 0;
      let sse = 0;
      for (let r = 0; r < production.rows; ++r) {
        if (x[r] !== x[r]) continue;
        const error = production.actualPrice[r] - x[r];
        ++n;
        sse += error * error;
      }
      const alone = accuracy(n, sse, production.rows, validationRmse);
      return {feature, rmse: alone.rmse, present_share: alone.share};
    })
    .filter((c): c is {feature: string; rmse: number; present_share: number} => c.rmse !== null)
    .sort((a, b) => a.rmse - b.rmse || (a.feature < b.feature ? -1 : 1));
  // A signal earns its place only by pricing better, alone, than the model does on the rows the fallback serves.
  const beats = (c: {rmse: number}) => affected.rmse !== null && c.rmse < affected.rmse;
  const chosen = candidates.filter(beats);
  const columns = signalColumns(production, chosen.map((c) => c.feature));
  // One pass with plain sums, not an object or a subset scan a row: the rule runs over every row of a log of millions.
  const sums = tierNames.map(() => ({n: 0, model: 0, served: 0}));
  const all = {model: 0, served: 0};
  const used = new Array<number>(columns.length).fill(0);
  for (let r = 0; r < production.rows; ++r) {
    const misses = missing(r);
    const k = misses ? firstPresent(columns, r) : -1;
    if (k >= 0) ++used[k];
    const model = scores.error[r];
    const served = k >= 0 ? production.actualPrice[r] - columns[k][r] : model;
    const sum = sums[!misses ? 0 : k >= 0 ? 1 : 2];
    ++sum.n;
    sum.model += model * model;
    sum.served += served * served;
    all.model += model * model;
    all.served += served * served;
  }
  const rows = production.rows;
  const branch = <Tier extends FallbackTier>(tier: Tier, t: number): FallbackBranch<Tier> => {
    const {n, model, served} = sums[t];
    return {tier, n, share: rows > 0 ? n / rows : 0, model_rmse: accuracy(n, model, rows, validationRmse).rmse, served_rmse: accuracy(n, served, rows, validationRmse).rmse};
  };
  const branches: FallbackRule["branches"] = [branch("model", 0), branch("signal", 1), branch("review", 2)];
  return {
    critical: [...critical],
    signals: chosen.map((c, k) => ({...c, served: used[k]})),
    rejected_signals: candidates.filter((c) => !beats(c)).map(({feature, rmse}) => ({feature, rmse})),
    branches,
    served_today_rmse: accuracy(rows, all.model, rows, validationRmse).rmse ?? 0,
    served_by_rule_rmse: accuracy(rows, all.served, rows, validationRmse).rmse ?? 0,
    complete_rows: accuracy(sums[0].n, sums[0].model, rows, validationRmse),
  };
}
