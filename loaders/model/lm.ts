/** lm fits: the named `coefficients` vector, "(Intercept)" first when the model has one. */
import {listElement, names, numbers, type RValue} from "../rds/index.js";
import {ModelError, type LinearModel} from "./types.js";

export function lmModel(fit: RValue): LinearModel {
  const coef = fit.type === "list" ? listElement(fit, "coefficients") : undefined;
  if (coef === undefined) throw new ModelError('the lm object has no "coefficients" element');
  const values = numbers(coef);
  const labels = names(coef);
  if (labels === null) throw new ModelError("the lm coefficients have no names");
  let intercept = 0;
  const features: string[] = [];
  const coefficients: number[] = [];
  values.forEach((b, i) => {
    // A coefficient lm could not estimate (aliased predictor) is NA; predict.lm leaves it out, i.e. uses 0.
    const beta = Number.isNaN(b) ? 0 : b;
    const label = labels[i] ?? `V${i + 1}`;
    if (label === "(Intercept)") intercept = beta;
    else {
      features.push(label);
      coefficients.push(beta);
    }
  });
  return {kind: "lm", intercept, features, coefficients, lambda: null};
}
