import type {LinearModel} from "../model/index.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";

export interface FeatureImportance {
  feature: string;
  /** Position in the model's feature order: the feature's column in the production data, its sums in the accumulation, its row of the drift table. */
  index: number;
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
  const train = modelFeatureStats(model.features, stats);
  return model.features
    .map((feature, j) => {
      const beta = model.coefficients[j];
      const trainSd = train[j].sd;
      return {feature, index: j, beta, train_sd: trainSd, importance: Math.abs(beta) * trainSd, rank: 0};
    })
    .sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1))
    .map((f, i) => ({...f, rank: i + 1}));
}
