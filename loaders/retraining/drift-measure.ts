import {config} from "../config.js";
import {isNearZeroMean} from "../shared/index.js";
import {meanOf, type Moments, sampleSd} from "../stats/index.js";

/** A critical feature's training figures and its column in the model order. */
export interface CriticalColumn {
  feature: string;
  index: number;
  rank: number;
  train_mean: number;
  train_sd: number;
}

export type DriftMeasure = "mean shift" | "SD change";

/**
 * A feature's drift as the retraining trigger reads it: the larger of |mean
 * shift %| and |SD change %| (the mean shift left out when the training mean is
 * near zero) and which it is; both null when neither is defined.
 */
export type DriftValue = MeasuredDrift | {drift_pct: null; measure: null};
export interface MeasuredDrift {
  drift_pct: number;
  measure: DriftMeasure;
}

/**
 * Whether a percentage mean shift means anything: not when the training mean
 * is zero or within `minAbsMeanInSd` training SDs of it (monitoring's rule,
 * so both pages leave out the same features).
 */
export function nearZeroMean(trainMean: number, trainSd: number, minAbsMeanInSd: number = config.monitoring.minAbsMeanInSd): boolean {
  return isNearZeroMean(trainMean, trainSd, minAbsMeanInSd);
}

/** Drift = the larger of |mean shift %| and |SD change %| (Part 2's two measures), ignoring the mean shift of a near-zero-mean feature. */
export function driftValue(meanShiftPct: number | null, sdChangePct: number | null, nearZero: boolean): DriftValue {
  const mean = nearZero || meanShiftPct === null ? null : Math.abs(meanShiftPct);
  const sd = sdChangePct === null ? null : Math.abs(sdChangePct);
  if (mean === null) return sd === null ? {drift_pct: null, measure: null} : {drift_pct: sd, measure: "SD change"};
  if (sd === null || mean >= sd) return {drift_pct: mean, measure: "mean shift"};
  return {drift_pct: sd, measure: "SD change"};
}

/** The same from a window's moments of the feature's present values. */
export function driftFromMoments(present: Moments, f: CriticalColumn): DriftValue {
  const mean = meanOf(present);
  const sd = sampleSd(present);
  const meanShift = mean === null || f.train_mean === 0 ? null : ((mean - f.train_mean) / f.train_mean) * 100;
  const sdChange = sd === null || f.train_sd === 0 ? null : ((sd - f.train_sd) / f.train_sd) * 100;
  return driftValue(meanShift, sdChange, nearZeroMean(f.train_mean, f.train_sd));
}

/** The most drifted of several features (the first on ties, i.e. the more important); null when none is measurable. */
export function largestDrift(values: readonly {feature: string; value: DriftValue}[]): {feature: string; value: MeasuredDrift} | null {
  let best: {feature: string; value: MeasuredDrift} | null = null;
  for (const {feature, value} of values) {
    if (value.drift_pct !== null && (best === null || value.drift_pct > best.value.drift_pct)) best = {feature, value};
  }
  return best;
}
