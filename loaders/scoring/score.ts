import type {LinearModel} from "../model/index.js";
import type {ProductionData, TrainingStats} from "../inputs/index.js";
import {InputError} from "../errors.js";

/** The model's output for every production row, in input order. */
export interface Scores {
  prediction: Float64Array;
  /** actual − prediction: positive when the model under-prices. */
  error: Float64Array;
  absError: Float64Array;
  /** How many of the row's features were missing and replaced by their training mean. */
  imputed: Uint16Array;
}

/**
 * The serving rule as the brief and the model's README define it:
 * prediction = intercept + Σ βⱼ·xⱼ, where a missing xⱼ is replaced by that
 * feature's training mean.
 */
export interface ScoringPlan {
  intercept: number;
  beta: Float64Array;
  /** Training mean of each feature, in the model's order. */
  fill: Float64Array;
}

export function scoringPlan(model: LinearModel, stats: TrainingStats): ScoringPlan {
  const means = new Map(stats.features.map((f) => [f.feature, f.mean]));
  const fill = new Float64Array(model.features.length);
  model.features.forEach((feature, j) => {
    const mean = means.get(feature);
    if (mean === undefined) throw new InputError(`has no training mean for model feature "${feature}"`, {file: stats.file, column: "features.mean"});
    fill[j] = mean;
  });
  return {intercept: model.intercept, beta: Float64Array.from(model.coefficients), fill};
}

/** Scores rows [from, to) of `data`, whose feature columns follow the model's order. */
export function score(data: ProductionData, plan: ScoringPlan, from = 0, to = data.rows): Scores {
  const n = to - from;
  const prediction = new Float64Array(n);
  const imputed = new Uint16Array(n);
  prediction.fill(plan.intercept);
  // Column-major: one feature at a time keeps each column's reads sequential.
  for (let j = 0; j < plan.beta.length; ++j) {
    const column = data.x[j];
    const beta = plan.beta[j];
    const fill = plan.fill[j];
    for (let i = 0; i < n; ++i) {
      let x = column[from + i];
      if (x !== x) {
        x = fill;
        ++imputed[i];
      }
      prediction[i] += beta * x;
    }
  }
  const error = new Float64Array(n);
  const absError = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    error[i] = data.actualPrice[from + i] - prediction[i];
    absError[i] = Math.abs(error[i]);
  }
  return {prediction, error, absError, imputed};
}
