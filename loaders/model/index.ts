/**
 * The price model as a LinearModel, from an R object read by loaders/rds
 * (glmnet "elnet" fits, multi-λ paths, cv.glmnet, lm) or from JSON.
 *
 * The λ to score with is a setting (config.model.lambda, 0.05 by default); a
 * path without that λ is an error listing the λs it has.
 */
import {config} from "../config.js";
import {classOf, describeType, type RValue} from "../rds/index.js";
import {cvGlmnetModel, elnetModel, type LambdaChoice} from "./glmnet.js";
import {lmModel} from "./lm.js";
import {ModelError, type LinearModel} from "./types.js";

export type {LinearModel} from "./types.js";
export type {LambdaChoice} from "./glmnet.js";
export {ModelError} from "./types.js";
export {modelFromJson} from "./json.js";

export interface ModelOptions {
  /** λ to score with: a value of the path, or for a cv.glmnet "lambda.min" / "lambda.1se". */
  lambda?: LambdaChoice;
}

export function modelFromR(value: RValue, options: ModelOptions = {}): LinearModel {
  const choice = options.lambda ?? config.model.lambda;
  const cls = classOf(value);
  let model: LinearModel;
  if (cls.includes("cv.glmnet")) {
    model = cvGlmnetModel(value, choice);
  } else if (cls.includes("elnet")) {
    model = elnetModel(value, lambdaValue(choice, cls), "elnet");
  } else if (cls[0] === "lm") {
    model = lmModel(value);
  } else {
    const found = cls.length > 0 ? `class "${cls.join("/")}"` : describeType(value);
    throw new ModelError(`unsupported model: found ${found}; expected a glmnet "elnet" fit, a cv.glmnet or an lm`);
  }
  const bad = model.coefficients.findIndex((b) => !Number.isFinite(b));
  if (bad >= 0 || !Number.isFinite(model.intercept)) {
    throw new ModelError(`the coefficient of "${bad >= 0 ? model.features[bad] : "(Intercept)"}" is not a finite number`);
  }
  return model;
}

function lambdaValue(choice: LambdaChoice, cls: string[]): number {
  if (typeof choice === "number") return choice;
  throw new ModelError(`"${choice}" only exists for a cv.glmnet; this model is of class "${cls.join("/")}"`);
}
