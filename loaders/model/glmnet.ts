/**
 * glmnet fits: an "elnet" (gaussian) fit holds a path of λ values, one
 * intercept per λ in `a0` and one column of coefficients per λ in the sparse
 * matrix `beta`. We score with exactly one λ of the path (no interpolation);
 * a cv.glmnet wraps such a fit in `glmnet.fit` and adds lambda.min/lambda.1se.
 */
import {classOf, dim, dimnames, listElement, numbers, scalarNumber, type RValue} from "../rds/index.js";
import {sparseColumns} from "./sparse.js";
import {ModelError, type LinearModel} from "./types.js";

export type LambdaChoice = number | "lambda.min" | "lambda.1se";

/** Relative tolerance for matching λ: R prints and stores it in binary, callers type it in decimal. */
const LAMBDA_TOLERANCE = 1e-9;

export function elnetModel(fit: RValue, lambda: number, kind: "elnet" | "cv.glmnet"): LinearModel {
  const lambdas = numbers(element(fit, "lambda"));
  const j = lambdas.findIndex((l) => Math.abs(l - lambda) <= LAMBDA_TOLERANCE * Math.max(Math.abs(l), Math.abs(lambda)));
  if (j < 0) {
    throw new ModelError(`the model has no λ = ${lambda}; its λ values are ${Array.from(lambdas).join(", ")}`);
  }
  const a0 = numbers(element(fit, "a0"));
  if (a0.length !== lambdas.length) throw new ModelError("the model has a different number of intercepts (a0) and λ values");
  const {features, column} = coefficientColumns(element(fit, "beta"));
  const coefficients = Array.from(column(j));
  if (coefficients.length !== features.length) throw new ModelError("the model's coefficients and feature names disagree in number");
  return {kind, intercept: a0[j], features, coefficients, lambda: lambdas[j]};
}

export function cvGlmnetModel(cv: RValue, choice: LambdaChoice): LinearModel {
  const fit = element(cv, "glmnet.fit");
  if (!classOf(fit).includes("elnet")) {
    throw new ModelError(`the cv.glmnet holds a fit of class "${classOf(fit).join("/")}", not a gaussian "elnet" fit`);
  }
  const lambda = typeof choice === "number" ? choice : scalarNumber(element(cv, choice));
  return elnetModel(fit, lambda, "cv.glmnet");
}

/** beta as a sparse dgCMatrix (what glmnet saves) or, for hand-made objects, a dense matrix. */
function coefficientColumns(beta: RValue): {features: string[]; column(j: number): Float64Array} {
  if (beta.type === "S4") {
    const m = sparseColumns(beta);
    return {features: featureNames(m.rowNames, m.nrow), column: (j) => checkedColumn(j, m.ncol, () => m.column(j))};
  }
  if (beta.type === "double") {
    const d = dim(beta);
    if (d === null || d.length !== 2) throw new ModelError("the coefficients (beta) are not a matrix");
    const [nrow, ncol] = d;
    const rows = dimnames(beta)?.[0] ?? null;
    return {
      features: featureNames(rows, nrow),
      column: (j) => checkedColumn(j, ncol, () => beta.values.slice(j * nrow, (j + 1) * nrow)),
    };
  }
  throw new ModelError(`the coefficients (beta) are ${beta.type}, not a matrix`);
}

function checkedColumn(j: number, ncol: number, get: () => Float64Array): Float64Array {
  if (j >= ncol) throw new ModelError("the coefficient matrix has fewer columns than the model has λ values");
  return get();
}

/** glmnet names unnamed predictors V1, V2, ... */
function featureNames(rows: (string | null)[] | null, n: number): string[] {
  return Array.from({length: n}, (_, i) => rows?.[i] ?? `V${i + 1}`);
}

function element(v: RValue, name: string): RValue {
  const e = v.type === "list" ? listElement(v, name) : undefined;
  if (e === undefined) throw new ModelError(`the model object has no "${name}" element`);
  return e;
}
