/** A fitted linear model reduced to what scoring needs: y = intercept + Σ coefficient × feature. */
export interface LinearModel {
  kind: "elnet" | "cv.glmnet" | "lm";
  intercept: number;
  features: string[];
  /** Same order as features. */
  coefficients: number[];
  /** The regularisation λ the coefficients belong to (null for lm). */
  lambda: number | null;
}

/** A model that cannot be turned into a LinearModel; the message says why in one sentence. */
export class ModelError extends Error {
  override readonly name = "ModelError";
}
