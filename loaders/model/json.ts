/**
 * Models given as JSON, for teams without R:
 *
 *   {"kind": "elnet", "lambda": 0.05, "intercept": -11.6,
 *    "coefficients": {"unit_cost": 0.29, "shipping_cost": 1.04, ...}}
 *
 * `kind` is "elnet", "cv.glmnet" or "lm"; `lambda` a positive number (null or
 * absent for lm); the coefficients object's key order is the feature order.
 */
import {ModelError, type LinearModel} from "./types.js";

const KINDS = ["elnet", "cv.glmnet", "lm"] as const;

export function modelFromJson(obj: unknown): LinearModel {
  if (!isRecord(obj)) throw new ModelError("the model JSON must be an object");
  const kind = obj.kind;
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind)) {
    throw new ModelError(`the model JSON's "kind" must be one of ${KINDS.join(", ")}`);
  }
  const lambda = obj.lambda ?? null;
  if (kind === "lm") {
    if (lambda !== null) throw new ModelError('an lm model has no "lambda"; leave it out or set it to null');
  } else if (typeof lambda !== "number" || !Number.isFinite(lambda) || lambda <= 0) {
    throw new ModelError(`the model JSON's "lambda" must be a positive number for a ${kind} model`);
  }
  const intercept = obj.intercept;
  if (typeof intercept !== "number" || !Number.isFinite(intercept)) {
    throw new ModelError('the model JSON\'s "intercept" must be a finite number');
  }
  const coef = obj.coefficients;
  if (!isRecord(coef)) throw new ModelError('the model JSON\'s "coefficients" must be an object of feature: number');
  const features: string[] = [];
  const coefficients: number[] = [];
  for (const [feature, beta] of Object.entries(coef)) {
    if (feature === "(Intercept)") throw new ModelError('give the intercept as "intercept", not inside "coefficients"');
    if (typeof beta !== "number" || !Number.isFinite(beta)) {
      throw new ModelError(`the coefficient of "${feature}" must be a finite number`);
    }
    features.push(feature);
    coefficients.push(beta);
  }
  if (features.length === 0) throw new ModelError('the model JSON\'s "coefficients" is empty');
  return {kind: kind as LinearModel["kind"], intercept, features, coefficients, lambda: typeof lambda === "number" ? lambda : null};
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
