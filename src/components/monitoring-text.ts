import type {MonitoringTable} from "../../loaders/monitoring/index.js";
import {usd} from "../shared/format.js";
import type {ContentsEntry} from "./contents.js";
import {keyed} from "./lookup.js";

/** The Monitoring page's sentences that depend on what the data holds (the rest of its prose is in the page). */

/** Which monitored features the mean-shift rule leaves out (a near-zero training mean), or why none is. */
export function meanShiftCoverage(mon: MonitoringTable): string {
  const excluded = mon.monitored.excluded_from_mean_shift;
  const rule = `A feature's training mean is near zero, and a percentage shift of it noise, when ${mon.settings.near_zero_mean_rule}: the one rule of the spec, this page and the Drift page.`;
  return excluded.length
    ? `${rule} Left out of the mean-shift rule for that reason, and watched for missing values only: ${excluded.map((f) => f.feature).join(", ")}.`
    : `${rule} None of them has such a mean, so all are watched for mean shifts.`;
}

/** Validation's mispricing for scale, when the training statistics give it. */
export function mispricingBaseline(mon: MonitoringTable): string {
  const b = mon.impact.validation_baseline_pct;
  return b === null ? "" : `For scale: in validation the model's mean absolute error was ${b.toFixed(1)}% of the mean training price.`;
}

/** The validation RMSE the accuracy lines are computed from (the training-vs-production table's RMSE row). */
export function validationRmse(mon: MonitoringTable): string {
  const training = keyed(mon.training_vs_production.accuracy, (r) => r.metric, "accuracy row").get("RMSE").training;
  return training === null ? "n/a" : usd(training);
}

/** The page's sections and their conclusions, for its "On this page" list. */
export function monitoringContents(mon: MonitoringTable): ContentsEntry[] {
  const c = mon.conclusions;
  return [
    {id: "dashboard-status-on-the-last-day", title: "Dashboard", conclusion: c.status},
    {id: "would-this-monitoring-have-caught-the-problem", title: "Would it have caught the problem?", conclusion: `${c.caught} ${c.alert_load}`},
    {id: "prediction-accuracy", title: "Prediction accuracy", conclusion: c.window},
    {id: "feature-drift", title: "Feature drift", conclusion: c.drift},
    {id: "prediction-drift", title: "Prediction drift", conclusion: c.prediction},
    {id: "volume-and-latency", title: "Volume and latency", conclusion: c.latency},
    {id: "business-impact", title: "Business impact", conclusion: c.impact},
  ];
}

/**
 * What a day without rows means to the rules, said only when the log has
 * such days: the volume rule's definition counts it as 0 predictions (a day
 * without traffic is an outage to page about); a rule on the day's own rows
 * has nothing to judge; the trailing windows judge the days around it.
 */
export function daysWithoutRowsNote(mon: MonitoringTable): string {
  const n = mon.window.span.days_without_rows.length;
  if (n === 0) return "";
  const them = n === 1 ? "The day without rows counts" : `The ${n} days without rows count`;
  return ` ${them} as 0 predictions for the volume rule, as its definition says; the rules on a day's own rows read no data for ${n === 1 ? "it" : "them"}, and the trailing-window rules judge the rows of the days around ${n === 1 ? "it" : "them"}.`;
}
