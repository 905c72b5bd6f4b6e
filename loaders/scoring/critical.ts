import {config} from "../config.js";
import type {FeatureImportance} from "./importance.js";

export interface CriticalFeatures {
  /** Most important first. */
  features: FeatureImportance[];
  /** Share of the model's total |β|·SD they carry (0–1). */
  share: number;
  /** The share the rule asks for (0–1). */
  target_share: number;
}

/**
 * The critical features: the fewest most important ones (by |β|·training SD)
 * whose importance adds up to `targetShare` of the model's total. A model
 * whose weight sits in a few features has few critical features; a flat one
 * has many.
 */
export function criticalFeatures(importance: readonly FeatureImportance[], targetShare: number = config.retraining.criticalImportanceShare): CriticalFeatures {
  const total = importance.reduce((sum, f) => sum + f.importance, 0);
  const features: FeatureImportance[] = [];
  let carried = 0;
  for (const f of importance) {
    if (total <= 0 || carried / total >= targetShare) break;
    features.push(f);
    carried += f.importance;
  }
  return {features, share: total > 0 ? carried / total : 0, target_share: targetShare};
}
