import {config} from "../config.js";
import type {TrainingStats} from "../inputs/index.js";

export interface RangeCounts {
  min: number;
  max: number;
  /** Predictions below min / above max: what the check rejects. */
  rejected_below: number;
  rejected_above: number;
  rejected: number;
  /** Actual prices outside the range: real prices the check calls nonsense. */
  actual_below: number;
  actual_above: number;
  actual_outside: number;
  /** Rejected although the actual price lies outside the range too: the prediction was on the right side, the rejection is wrong. */
  wrong_rejections: number;
  /** Rejected and the actual price inside the range: the prediction really was off the catalogue. */
  right_rejections: number;
}

/** The brief's sanity check applied to the log, and a range read from the training prices. */
export interface SanityCheck {
  rows: number;
  brief: RangeCounts;
  /** Training prices outside the brief's range, by interpolating the training target quantiles; null without them. */
  training_share_below: number | null;
  training_share_above: number | null;
  /** The training prices' own range (target quantiles at 0 and 1); null without them. */
  training_range: RangeCounts | null;
  /** What a rejection would serve instead (the fallback's first available price signal): RMSE on the rejected rows that have one, model vs signal. */
  rejected_with_signal: number;
  rejected_model_rmse: number | null;
  rejected_signal_rmse: number | null;
}

export function rangeCounts(prediction: ArrayLike<number>, actual: ArrayLike<number>, min: number, max: number): RangeCounts {
  const c = {min, max, rejected_below: 0, rejected_above: 0, rejected: 0, actual_below: 0, actual_above: 0, actual_outside: 0, wrong_rejections: 0, right_rejections: 0};
  for (let r = 0; r < prediction.length; ++r) {
    const p = prediction[r];
    const a = actual[r];
    const rejected = !(p >= min && p <= max);
    const outside = a < min || a > max;
    if (p < min) ++c.rejected_below;
    else if (p > max) ++c.rejected_above;
    if (a < min) ++c.actual_below;
    else if (a > max) ++c.actual_above;
    if (rejected) {
      ++c.rejected;
      // A row awaiting its actual price (NaN) is rejected but neither rightly nor wrongly, yet.
      if (a !== a) continue;
      if (outside) ++c.wrong_rejections;
      else ++c.right_rejections;
    }
    if (outside) ++c.actual_outside;
  }
  return c;
}

/**
 * The share of a distribution below `value`, from its quantiles (linear
 * between them, as the quantiles themselves are); null when the quantiles do
 * not reach down (or up) to it.
 */
export function shareBelow(value: number, probs: readonly number[], quantiles: readonly number[]): number | null {
  if (value <= quantiles[0]) return probs[0] === 0 ? 0 : null;
  const last = quantiles.length - 1;
  if (value > quantiles[last]) return probs[last] === 1 ? 1 : null;
  for (let i = 1; i <= last; ++i) {
    if (value <= quantiles[i]) {
      const span = quantiles[i] - quantiles[i - 1];
      return span === 0 ? probs[i] : probs[i - 1] + ((value - quantiles[i - 1]) / span) * (probs[i] - probs[i - 1]);
    }
  }
  return null;
}

/** The brief's check on the kept rows' predictions; `rejected`: the rejected rows a price signal could price (the fallback's look). */
export function sanityCheck(prediction: Float64Array, actual: Float64Array, stats: TrainingStats, rejected: {n: number; modelSse: number; signalSse: number}): SanityCheck {
  const {min, max} = config.risk.sanityRangeUsd;
  const brief = rangeCounts(prediction, actual, min, max);
  const probs = stats.quantileProbs;
  const q = stats.target?.quantiles ?? null;
  const usable = probs !== null && q !== null && q.length === probs.length;
  const below = usable ? shareBelow(min, probs, q) : null;
  const belowMax = usable ? shareBelow(max, probs, q) : null;
  const hasEnds = usable && probs[0] === 0 && probs[probs.length - 1] === 1;
  const n = rejected.n;
  return {
    rows: prediction.length,
    brief,
    training_share_below: below,
    training_share_above: belowMax === null ? null : 1 - belowMax,
    training_range: hasEnds ? rangeCounts(prediction, actual, q[0], q[q.length - 1]) : null,
    rejected_with_signal: n,
    rejected_model_rmse: n > 0 ? Math.sqrt(rejected.modelSse / n) : null,
    rejected_signal_rmse: n > 0 ? Math.sqrt(rejected.signalSse / n) : null,
  };
}
