import type {MonitoringTable} from "../../loaders/monitoring/index.js";
import {usd} from "../shared/format.js";
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
