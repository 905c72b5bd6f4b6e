import {config} from "../config.js";
import type {ProductionData} from "../inputs/production.js";
import type {Scores} from "../scoring.js";
import {missesAny, subsetAccuracy, type SubsetAccuracy} from "./subset.js";

export type FallbackTier = "model" | "anchor" | "review";

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

/**
 * The missing-feature fallback as a rule: every critical feature present →
 * the model (missing non-critical features imputed with their training mean,
 * as today); a critical feature missing and the product's last price known →
 * serve the last price (keep the price); both missing → the model's imputed
 * prediction, flagged for a person to check before it is used.
 */
export interface FallbackRule {
  anchor_feature: string;
  /** Whether the model has the anchor feature at all (if not, the anchor branch never applies). */
  anchor_in_model: boolean;
  critical: string[];
  branches: FallbackBranch[];
  /** RMSE of all rows as served today and under the rule. */
  served_today_rmse: number;
  served_by_rule_rmse: number;
  /** Rows with every critical feature present: how the model does when its key inputs arrive. */
  complete_rows: SubsetAccuracy;
}

export function fallbackRule(production: ProductionData, scores: Scores, critical: readonly string[], validationRmse: number, anchorFeature: string = config.risk.fallbackAnchorFeature): FallbackRule {
  const position = new Map(production.features.map((f, j) => [f, j]));
  const columns = critical.map((f) => position.get(f)!);
  const anchorIndex = position.get(anchorFeature);
  const anchor = anchorIndex === undefined ? null : production.x[anchorIndex];
  const missing = missesAny(production.x, columns);
  const tierOf = (r: number): FallbackTier => (!missing(r) ? "model" : anchor && anchor[r] === anchor[r] ? "anchor" : "review");
  const served = new Float64Array(production.rows);
  const tiers: FallbackTier[] = [];
  for (let r = 0; r < production.rows; ++r) {
    const tier = tierOf(r);
    tiers.push(tier);
    served[r] = tier === "anchor" ? production.actualPrice[r] - anchor![r] : scores.error[r];
  }
  const branches = (["model", "anchor", "review"] as const).map((tier): FallbackBranch => {
    const model = subsetAccuracy(scores.error, (r) => tiers[r] === tier, validationRmse);
    const rule = subsetAccuracy(served, (r) => tiers[r] === tier, validationRmse);
    return {tier, n: model.n, share: model.share, model_rmse: model.rmse, served_rmse: rule.rmse};
  });
  const all = () => true;
  return {
    anchor_feature: anchorFeature,
    anchor_in_model: anchor !== null,
    critical: [...critical],
    branches,
    served_today_rmse: subsetAccuracy(scores.error, all, validationRmse).rmse ?? 0,
    served_by_rule_rmse: subsetAccuracy(served, all, validationRmse).rmse ?? 0,
    complete_rows: subsetAccuracy(scores.error, (r) => tiers[r] === "model", validationRmse),
  };
}
