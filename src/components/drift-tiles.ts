import type {DriftReport} from "../../loaders/drift/index.js";
import {int, pct, usd} from "../shared/format.js";
import {newSegmentsOf} from "./drift-text.js";
import {kpiCards} from "./tiles.js";

const orDash = (x: number | null) => (x === null ? "—" : usd(x));

/** The Drift page in four figures: severe drift, major PSI shifts, missing values, rows in new categories. */
export function driftCards(report: DriftReport): HTMLDivElement {
  const s = report.settings;
  const dist = report.distribution;
  const miss = report.missingness;
  const categories = newSegmentsOf(report, "category");
  return kpiCards([
    {title: "Severe drift", value: `${int(report.severe_count)} of ${int(report.feature_count)}`, note: `Mean shift > ${s.severe_mean_shift_pct}% or SD change > ${s.severe_sd_change_pct}%`},
    {title: "Major shift by PSI", value: dist.unavailable ? "n/a" : int(dist.level_counts.major), note: `PSI ≥ ${s.psi_major} on the training quantile bins, over the whole range a discrete feature allows${dist.unresolved.length ? `; ${int(dist.unresolved.length)} discrete not resolved` : ""}`},
    {title: "Missing feature values", value: pct(miss.prod_rate), note: `Training ${pct(miss.train_rate)}; ${int(miss.elevated.length)} features elevated`},
    {title: "Rows in new categories", value: categories.known ? pct(categories.share_new) : "n/a", note: `RMSE ${orDash(categories.rmse_new)} vs ${orDash(categories.rmse_seen)} in known ones`},
  ]);
}
