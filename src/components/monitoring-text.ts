import type {MonitoringTable} from "../../loaders/monitoring/index.js";
import {usd} from "../shared/format.js";
import {keyed} from "./lookup.js";

/** The Monitoring page's sentences that depend on what the data holds (the rest of its prose is in the page). */

/** Which monitored features the mean-shift rule leaves out (a near-zero training mean), or why none is. */
export function meanShiftCoverage(mon: MonitoringTable): string {
  const excluded = mon.monitored.excluded_from_mean_shift;
  const sd = mon.settings.min_abs_mean_in_sd;
  return excluded.length
    ? `Left out of the mean-shift rule (training mean within ${sd} training SD of zero, where a percentage shift is noise): ${excluded.map((f) => f.feature).join(", ")}.`
    : `None of them has a training mean near zero, so all are watched for mean shifts (a feature whose training mean lay within ${sd} training SD of zero would be watched for missing values only: a percentage of a near-zero mean is noise).`;
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
