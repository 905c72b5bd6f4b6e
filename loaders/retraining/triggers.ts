import {config} from "../config.js";
import {maxBy, present} from "../shared/index.js";
import type {CriticalFeatures} from "../scoring/index.js";
import type {DriftTable} from "../drift/index.js";
import {driftValue, nearZeroMean, type DriftMeasure} from "./drift-measure.js";

export type TriggerId = "rmse" | "critical_drift" | "new_categories";

/** One of the brief's retraining triggers, judged on a set of predictions. */
export interface TriggerResult<Id extends TriggerId = TriggerId> {
  id: Id;
  name: string;
  /** What the value is, in words. */
  measure: string;
  /** Fires when the value is strictly above it (%). */
  threshold_pct: number;
  value_pct: number | null;
  /** null: the value cannot be computed from these inputs. */
  fired: boolean | null;
  /** The feature or categories behind the value. */
  subject: string | null;
}

/** A critical feature's drift over the whole production window. */
export interface CriticalDrift {
  feature: string;
  rank: number;
  importance: number;
  mean_shift_pct: number | null;
  sd_change_pct: number | null;
  /** The mean shift is not used: the training mean is near zero. */
  near_zero_mean: boolean;
  drift_pct: number | null;
  measure: DriftMeasure | null;
  fired: boolean | null;
}

/** The three triggers, in the brief's order (the JSON's); `triggersById` names them. */
export type TriggerResults = [TriggerResult<"rmse">, TriggerResult<"critical_drift">, TriggerResult<"new_categories">];

export interface CurrentTriggers {
  triggers: TriggerResults;
  critical: CriticalDrift[];
  fired: TriggerId[];
}

export const triggerNames: Record<TriggerId, string> = {
  rmse: "RMSE degradation",
  critical_drift: "Drift in a critical feature",
  new_categories: "New product categories",
};

/** The triggers by id: the list's type fixes which is where. */
export function triggersById(c: CurrentTriggers): {[K in TriggerId]: TriggerResult<K>} {
  const [rmse, critical_drift, new_categories] = c.triggers;
  return {rmse, critical_drift, new_categories};
}

const judge = (value: number | null, threshold: number): boolean | null => (value === null ? null : value > threshold);

/**
 * The brief's three triggers on all production predictions: RMSE over the
 * validation RMSE; the largest drift among the critical features; the share
 * of predictions in categories absent from training.
 */
export function currentTriggers(rmseIncreasePct: number, drift: DriftTable, critical: CriticalFeatures): CurrentTriggers {
  const t = config.retraining.triggers;
  const criticalDrift = critical.features.map((c): CriticalDrift => {
    // The drift table's rows are in model order: the feature's is at its index.
    const d = drift.features[c.index];
    const nearZero = nearZeroMean(d.train_mean, d.train_sd);
    const v = driftValue(d.mean_shift_pct, d.sd_change_pct, nearZero);
    return {
      feature: c.feature,
      rank: c.rank,
      importance: c.importance,
      mean_shift_pct: d.mean_shift_pct,
      sd_change_pct: d.sd_change_pct,
      near_zero_mean: nearZero,
      drift_pct: v.drift_pct,
      measure: v.measure,
      fired: judge(v.drift_pct, t.criticalDriftPct),
    };
  });
  // The most drifted critical feature (the more important on ties).
  const worst = maxBy(present(criticalDrift, "drift_pct"), (c) => c.drift_pct) ?? null;
  const newShare = drift.new_category_share === null ? null : drift.new_category_share * 100;
  const triggers: TriggerResults = [
    {
      id: "rmse",
      name: triggerNames.rmse,
      measure: "production RMSE over the validation RMSE",
      threshold_pct: t.rmseDegradationPct,
      value_pct: rmseIncreasePct,
      fired: judge(rmseIncreasePct, t.rmseDegradationPct),
      subject: null,
    },
    {
      id: "critical_drift",
      name: triggerNames.critical_drift,
      measure: "largest drift (|mean shift| or |SD change|) among the critical features",
      threshold_pct: t.criticalDriftPct,
      value_pct: worst ? worst.drift_pct : null,
      fired: judge(worst ? worst.drift_pct : null, t.criticalDriftPct),
      subject: worst ? `${worst.feature}, ${worst.measure}` : null,
    },
    {
      id: "new_categories",
      name: triggerNames.new_categories,
      measure: "share of predictions in categories absent from training",
      threshold_pct: t.newCategorySharePct,
      value_pct: newShare,
      fired: judge(newShare, t.newCategorySharePct),
      subject: drift.new_categories.length ? drift.new_categories.map((c) => c.segment).join(", ") : null,
    },
  ];
  return {triggers, critical: criticalDrift, fired: triggers.filter((x) => x.fired === true).map((x) => x.id)};
}
