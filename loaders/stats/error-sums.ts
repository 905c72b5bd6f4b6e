import {addValue, emptyMoments, mergeMoments, type Moments} from "./moments.js";

/**
 * Mergeable sums behind a group's accuracy figures: enough for RMSE, MAE,
 * bias and R² of any segment, day or chunk without keeping its rows.
 */
export interface ErrorSums {
  n: number;
  sumError: number;
  sumAbsError: number;
  sumSquaredError: number;
  /** Moments of the actual price, for R²'s total sum of squares. */
  actual: Moments;
}

export interface Accuracy {
  n: number;
  rmse: number;
  mae: number;
  /** Mean error, actual − predicted: positive means the model under-prices. */
  bias: number;
  /** 1 − SSE/SST; null when the group's actual prices do not vary. */
  r2: number | null;
}

export function emptyErrorSums(): ErrorSums {
  return {n: 0, sumError: 0, sumAbsError: 0, sumSquaredError: 0, actual: emptyMoments()};
}

export function addError(s: ErrorSums, actual: number, error: number): void {
  s.n += 1;
  s.sumError += error;
  s.sumAbsError += Math.abs(error);
  s.sumSquaredError += error * error;
  addValue(s.actual, actual);
}

export function mergeErrorSums(a: ErrorSums, b: ErrorSums): ErrorSums {
  return {
    n: a.n + b.n,
    sumError: a.sumError + b.sumError,
    sumAbsError: a.sumAbsError + b.sumAbsError,
    sumSquaredError: a.sumSquaredError + b.sumSquaredError,
    actual: mergeMoments(a.actual, b.actual),
  };
}

export function accuracy(s: ErrorSums): Accuracy {
  if (s.n === 0) throw new Error("accuracy of an empty group");
  return {
    n: s.n,
    rmse: Math.sqrt(s.sumSquaredError / s.n),
    mae: s.sumAbsError / s.n,
    bias: s.sumError / s.n,
    r2: s.actual.m2 > 0 ? 1 - s.sumSquaredError / s.actual.m2 : null,
  };
}
