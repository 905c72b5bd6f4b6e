import {config} from "../config.js";
import type {ProductionData} from "../inputs/production.js";
import type {TrainingStats} from "../inputs/training-stats.js";
import type {Scores} from "../scoring.js";
import {missesAny, subsetAccuracy, type SubsetAccuracy} from "./subset.js";

export type FallbackTier = "model" | "signal" | "review";

/** The rows one branch of the rule serves, and how well. */
export interface FallbackBranch {
  tier: FallbackTier;
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
  branches: FallbackBranch[];
  /** RMSE of all rows as served today and under the rule. */
  served_today_rmse: number;
  served_by_rule_rmse: number;
  /** Rows with every critical feature present: how the model does when its key inputs arrive. */
  complete_rows: SubsetAccuracy;
}

/** What the rule serves for row r: the first signal present, or null. */
export function firstSignal(production: ProductionData, signals: readonly string[]): (r: number) => {feature: string; value: number} | null {
  const columns = signals.map((f) => ({feature: f, x: production.x[production.features.indexOf(f)]}));
  return (r) => {
    for (const c of columns) if (c.x[r] === c.x[r]) return {feature: c.feature, value: c.x[r]};
    return null;
  };
}

export function fallbackRule(production: ProductionData, scores: Scores, stats: TrainingStats, critical: readonly string[], validationRmse: number): FallbackRule {
  const position = new Map(production.features.map((f, j) => [f, j]));
  const missing = missesAny(production.x, critical.map((f) => position.get(f)!));
  const affected = subsetAccuracy(scores.error, missing, validationRmse);
  const unit = new Map(stats.features.map((f) => [f.feature, f.unit]));
  const candidates = production.features
    .filter((f) => unit.get(f) === config.risk.priceUnit)
    .map((feature) => {
      const x = production.x[position.get(feature)!];
      const alone = subsetAccuracy(Float64Array.from(production.actualPrice, (a, r) => a - x[r]), (r) => x[r] === x[r], validationRmse);
      return {feature, rmse: alone.rmse, present_share: alone.share};
    })
    .filter((c): c is {feature: string; rmse: number; present_share: number} => c.rmse !== null)
    .sort((a, b) => a.rmse - b.rmse || (a.feature < b.feature ? -1 : 1));
  // A signal earns its place only by pricing better, alone, than the model does on the rows the fallback serves.
  const beats = (c: {rmse: number}) => affected.rmse !== null && c.rmse < affected.rmse;
  const chosen = candidates.filter(beats);
  const pick = firstSignal(production, chosen.map((c) => c.feature));
  const served = new Float64Array(production.rows);
  const tiers: FallbackTier[] = [];
  const used = new Map<string, number>();
  for (let r = 0; r < production.rows; ++r) {
    const signal = missing(r) ? pick(r) : null;
    const tier: FallbackTier = !missing(r) ? "model" : signal ? "signal" : "review";
    tiers.push(tier);
    if (signal) used.set(signal.feature, (used.get(signal.feature) ?? 0) + 1);
    served[r] = signal ? production.actualPrice[r] - signal.value : scores.error[r];
  }
  const branches = (["model", "signal", "review"] as const).map((tier): FallbackBranch => {
    const model = subsetAccuracy(scores.error, (r) => tiers[r] === tier, validationRmse);
    const rule = subsetAccuracy(served, (r) => tiers[r] === tier, validationRmse);
    return {tier, n: model.n, share: model.share, model_rmse: model.rmse, served_rmse: rule.rmse};
  });
  const all = () => true;
  return {
    critical: [...critical],
    signals: chosen.map((c) => ({...c, served: used.get(c.feature) ?? 0})),
    rejected_signals: candidates.filter((c) => !beats(c)).map(({feature, rmse}) => ({feature, rmse})),
    branches,
    served_today_rmse: subsetAccuracy(scores.error, all, validationRmse).rmse ?? 0,
    served_by_rule_rmse: subsetAccuracy(served, all, validationRmse).rmse ?? 0,
    complete_rows: subsetAccuracy(scores.error, (r) => tiers[r] === "model", validationRmse),
  };
}
