import {config} from "../config.js";
import type {DayAlertCount} from "../monitoring/index.js";
import {normalQuantile} from "../stats/index.js";

/** The brief's rollback plan, with what this log says about it. */
export interface RollbackPlan {
  criteria: {rmse_over_old_pct: number; business_over_old_pct: number; alerts_per_day: number};
  /** The alert-frequency criterion replayed: days over the line, and the first. */
  alerts: {days: number; days_over: number; first_over: {date: string; day: number} | null; max_per_day: number};
  ab: AbTest;
}

/** What a 10% A/B test can see at this log's volume. */
export interface AbTest {
  traffic_share: number;
  median_daily_rows: number;
  arm_rows_per_day: number;
  /** Days until the new model's arm holds the monitoring minimum of predictions; null at zero volume. */
  min_window_rows: number;
  days_to_min_window: number | null;
  confidence: number;
  /** Predictions (both arms) needed to tell a `rmse_over_old_pct` RMSE difference from noise; see abRowsNeeded. */
  rows_to_detect: number;
  days_to_detect: number | null;
}

/**
 * Predictions needed, both arms together, before an RMSE ratio of 1 + δ
 * between two independently sampled arms stands out at the given one-sided
 * confidence. With normal errors an RMSE from n rows has a relative standard
 * error of about 1/√(2n), so the log of the ratio has variance
 * 1/(2·n·s) + 1/(2·n·(1 − s)) for a share s of n rows in the new arm; heavier
 * tails need more.
 */
export function abRowsNeeded(deltaPct: number, share: number, confidence: number): number {
  const z = normalQuantile(confidence);
  const d = Math.log(1 + deltaPct / 100);
  return Math.ceil(((z / d) ** 2 * (1 / share + 1 / (1 - share))) / 2);
}

export function rollbackPlan(alertsPerDay: readonly DayAlertCount[], medianDailyRows: number): RollbackPlan {
  const r = config.risk.rollback;
  const over = alertsPerDay.filter((d) => d.total > r.alertsPerDay);
  const armPerDay = medianDailyRows * r.abTrafficShare;
  const minRows = config.monitoring.minWindowRows;
  const need = abRowsNeeded(r.rmseOverOldPct, r.abTrafficShare, r.detectionConfidence);
  return {
    // "Business metrics degrading": ours, the mispriced share of revenue held to the same tolerance as RMSE.
    criteria: {rmse_over_old_pct: r.rmseOverOldPct, business_over_old_pct: r.rmseOverOldPct, alerts_per_day: r.alertsPerDay},
    alerts: {
      days: alertsPerDay.length,
      days_over: over.length,
      first_over: over.length ? {date: over[0].date, day: over[0].day} : null,
      max_per_day: alertsPerDay.reduce((m, d) => Math.max(m, d.total), 0),
    },
    ab: {
      traffic_share: r.abTrafficShare,
      median_daily_rows: medianDailyRows,
      arm_rows_per_day: armPerDay,
      min_window_rows: minRows,
      days_to_min_window: armPerDay > 0 ? Math.ceil(minRows / armPerDay) : null,
      confidence: r.detectionConfidence,
      rows_to_detect: need,
      days_to_detect: medianDailyRows > 0 ? Math.ceil(need / medianDailyRows) : null,
    },
  };
}
