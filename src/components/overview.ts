import type {DriftReport, DriftTable} from "../../loaders/drift/index.js";
import type {InputSummary} from "../../loaders/pipeline/index.js";
import type {PerformanceTable} from "../../loaders/performance/index.js";
import {int, num, pct, signedPct, usd} from "../shared/format.js";
import {kpiCards} from "./tiles.js";

/** The Overview page's cards and data notes. */

/** The review in four figures: production RMSE and R² against validation, severe drift (by the drift page's rule), missing values. */
export function overviewCards(perf: PerformanceTable, drift: DriftTable, rule: DriftReport["settings"]): HTMLDivElement {
  return kpiCards([
    {title: "Production RMSE", value: usd(perf.overall.rmse), note: `Validation ${usd(perf.validation.rmse)}: ${signedPct(perf.overall.rmse_increase_pct)}`},
    {title: "R²", value: perf.overall.r2 === null ? "n/a" : num(perf.overall.r2), note: `Validation ${num(perf.validation.r2)}`},
    {title: "Features with severe drift", value: `${int(drift.severe_count)} of ${int(drift.features.length)}`, note: `Mean shift > ${rule.severe_mean_shift_pct}% or SD change > ${rule.severe_sd_change_pct}%`},
    {title: "Missing feature values", value: pct(drift.overall_missing_rate), note: `Training ${pct(drift.train_overall_missing_rate)}`},
  ]);
}

/** What the production log lacks or carries beyond the report's columns, as sentences after its description (or nothing). */
export function productionLogNotes(summary: InputSummary): string {
  return (
    (summary.extra_columns.length ? ` Columns not used by the report: ${summary.extra_columns.join(", ")}.` : "") +
    (summary.has_units_sold ? "" : " No `units_sold` column: business impact cannot be computed.") +
    (summary.has_latency ? "" : " No `latency_ms` column: latency cannot be monitored.")
  );
}

/** The categories unseen in training with their share of rows, or "none". */
export function newCategoriesText(drift: DriftTable): string {
  return drift.new_categories.length ? drift.new_categories.map((c) => `${c.segment} (${pct(c.share)} of rows)`).join(", ") : "none";
}
