import type {LinearModel} from "../model/index.js";
import type {TrainingStats} from "../inputs/index.js";

export interface FeatureImportance {
  feature: string;
  beta: number;
  train_sd: number;
  /**
   * |β| × training SD: how many dollars of prediction a typical (1 SD) move in
   * the feature is worth. Unlike raw |β|, it does not depend on the feature's
   * unit, so features measured in cents, counts or ratios compare fairly.
   */
  importance: number;
  /** 1 = most important. */
  rank: number;
}

/** Model features ranked by |β|·SD (ties broken by name, so the order is stable). */
export function featureImportance(model: LinearModel, stats: TrainingStats): FeatureImportance[] {
  const sd = new Map(stats.features.map((f) => [f.feature, f.sd]));
  return model.features
    .map((feature, j) => {
      const beta = model.coefficients[j];
      const trainSd = sd.get(feature)!;
      return {feature, beta, train_sd: trainSd, importance: Math.abs(beta) * trainSd, rank: 0};
    })
    .sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1))
    .map((f, i) => ({...f, rank: i + 1}));
}
