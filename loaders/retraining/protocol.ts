import {config} from "../config.js";
import type {WindowChange} from "../performance/index.js";
import type {Buildup} from "./buildup.js";

/** The retraining protocol as a specification, with the facts that chose it. */
export interface Protocol {
  schedule: {
    recommended: "weekly" | "monthly";
    /** The model is already past the RMSE trigger in its first production week: retrain before deploying. */
    retrain_before_deploy: boolean;
    /** Triggers run daily on top of the schedule. */
    triggered: true;
    cooldown_days: number;
  };
  window: {recommended: "rolling" | "expanding"; days: number};
  validation: {holdout_days: number; walk_forward_folds: number; acceptable_rmse_usd: number; max_rmse_over_current_pct: number};
  evidence: {
    first_week_increase_pct: number | null;
    last_week_increase_pct: number | null;
    /** First vs last 7-day window by their RMSE intervals (the performance page's comparison); null when the log is shorter than two windows. */
    change: WindowChange | null;
    severe_drift_count: number;
  };
}

/**
 * Rules: weekly when accuracy got measurably worse within the production
 * window (the last week's RMSE interval above the first's), monthly otherwise;
 * retrain before deploying when the first week is already past the RMSE
 * trigger; a rolling window when the inputs have drifted (old rows describe a
 * market that has moved), an expanding one when they have not.
 */
export function retrainingProtocol(buildup: Buildup, change: WindowChange | null, severeDriftCount: number, trainingWindowDays: number): Protocol {
  const full = buildup.weeks.filter((w) => w.days === 7);
  const first = full[0] ?? buildup.weeks[0] ?? null;
  const last = full.length > 1 ? full[full.length - 1] : null;
  const firstPct = first ? first.rmse_increase_pct : null;
  const beforeDeploy = firstPct !== null && firstPct > config.retraining.triggers.rmseDegradationPct;
  const drifted = severeDriftCount > 0 || beforeDeploy;
  return {
    schedule: {recommended: change === "worse" ? "weekly" : "monthly", retrain_before_deploy: beforeDeploy, triggered: true, cooldown_days: config.monitoring.windowDays},
    window: {recommended: drifted ? "rolling" : "expanding", days: trainingWindowDays},
    validation: {
      holdout_days: config.retraining.validation.holdoutDays,
      walk_forward_folds: config.retraining.validation.walkForwardFolds,
      acceptable_rmse_usd: config.memo.acceptableRmseUsd,
      max_rmse_over_current_pct: config.risk.rollback.rmseOverOldPct,
    },
    evidence: {
      first_week_increase_pct: firstPct,
      last_week_increase_pct: last ? last.rmse_increase_pct : null,
      change,
      severe_drift_count: severeDriftCount,
    },
  };
}
