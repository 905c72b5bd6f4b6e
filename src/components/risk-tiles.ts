import type {RiskTable} from "../../loaders/risk/index.js";
import {int, pct} from "../shared/format.js";
import {kpiCards} from "./tiles.js";

/** What the log says about the rollback plan: days over the alert line, the A/B arm's daily volume, and how long the test needs. */
export function rollbackCards(risk: RiskTable): HTMLDivElement {
  const {criteria, alerts, ab} = risk.rollback;
  return kpiCards([
    {title: `Days over ${criteria.alerts_per_day} alerts`, value: `${int(alerts.days_over)} of ${int(alerts.days)}`, note: alerts.first_over ? `first on ${alerts.first_over.date} (day ${alerts.first_over.day})` : "never"},
    {title: "A/B arm per day", value: ab.arm_rows_per_day.toFixed(1), note: `${pct(ab.traffic_share, 0)} of a median ${int(ab.median_daily_rows)} predictions a day`},
    {title: `Days to ${int(ab.min_window_rows)} predictions`, value: `${ab.days_to_min_window ?? "n/a"}`, note: "the minimum monitoring judges an RMSE on"},
    {title: `Days to see ${criteria.rmse_over_old_pct}%`, value: `${ab.days_to_detect ?? "n/a"}`, note: `${int(ab.rows_to_detect)} predictions for a ${criteria.rmse_over_old_pct}% RMSE gap (${pct(ab.confidence, 0)} one-sided, normal errors)`},
  ]);
}
