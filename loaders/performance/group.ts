import {config} from "../config.js";
import {accuracy, type ErrorSums, quantiles} from "../stats/index.js";
import {rmseInterval, type IntervalMethod} from "./interval.js";

export type QuantileField = keyof typeof config.performance.absErrorQuantiles;

/** Accuracy of one group of rows (overall, a segment, a week…), with its RMSE interval and error quantiles. */
export interface GroupFigures extends Record<QuantileField, number> {
  n: number;
  rmse: number;
  mae: number;
  /** Mean of actual − predicted: positive means the model under-prices. */
  bias: number;
  r2: number | null;
  rmse_increase_pct: number;
  rmse_ci_low: number | null;
  rmse_ci_high: number | null;
  ci_method: IntervalMethod | null;
  /** The RMSE interval lies entirely above the validation RMSE. */
  significant: boolean;
}

/** RMSE increase over validation, in percent. */
export function increasePct(value: number, baseline: number): number {
  return (value / baseline - 1) * 100;
}

/**
 * Figures of a group from its error sums and absolute errors (the
 * accumulation's, so the streaming path gives the same figures). `key` names
 * the group for its bootstrap seed.
 */
export function groupFigures(errors: ErrorSums, absErrors: ArrayLike<number>, key: string, validationRmse: number): GroupFigures {
  const a = accuracy(errors);
  const probs = config.performance.absErrorQuantiles;
  const fields = Object.keys(probs) as QuantileField[];
  const q = quantiles(absErrors, fields.map((f) => probs[f]));
  const interval = rmseInterval(absErrors, key);
  return {
    n: a.n,
    rmse: a.rmse,
    mae: a.mae,
    bias: a.bias,
    r2: a.r2,
    rmse_increase_pct: increasePct(a.rmse, validationRmse),
    ...(Object.fromEntries(fields.map((f, i) => [f, q[i]])) as Record<QuantileField, number>),
    rmse_ci_low: interval?.low ?? null,
    rmse_ci_high: interval?.high ?? null,
    ci_method: interval?.method ?? null,
    significant: interval !== null && interval.low > validationRmse,
  };
}
