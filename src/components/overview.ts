import type {DriftReport, DriftTable} from "../../loaders/drift/index.js";
import type {MonitoringTable} from "../../loaders/monitoring/index.js";
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

/**
 * The rows whose actual price has not arrived (empty or NA in the log), as a
 * sentence after the log's description, or nothing when every row is
 * labelled. Counted from the monitoring series' days (rows − labelled rows).
 */
export function awaitingLabelsNote(mon: MonitoringTable): string {
  const days = mon.daily.filter((d) => d.n > d.labelled);
  if (days.length === 0) return "";
  const rows = days.reduce((sum, d) => sum + d.n - d.labelled, 0);
  const span = days.length === 1 ? `on ${days[0].date}` : `on ${days.length} days, ${days[0].date} to ${days[days.length - 1].date}`;
  return ` ${int(rows)} ${rows === 1 ? "row awaits its" : "rows await their"} actual price (${span}): scored and counted for volume, missing values and drift, but not for accuracy until the labels arrive.`;
}

/** The categories unseen in training with their share of rows, or "none". */
export function newCategoriesText(drift: DriftTable): string {
  return drift.new_categories.length ? drift.new_categories.map((c) => `${c.segment} (${pct(c.share)} of rows)`).join(", ") : "none";
}
