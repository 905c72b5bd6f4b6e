import type {AccuracyComparison, MonitoringTable} from "../../loaders/monitoring/index.js";
import {int, num, signedPct, usd} from "../shared/format.js";
import {orElse, orNever, percent1} from "./cells.js";
import {metricValueShort, rule, sideSign} from "./monitoring-rules.js";
import {csvDownload, keyColumns} from "./downloads.js";
import {levelCell} from "./status.js";
import {dataTable, simpleTable} from "./tables.js";

/** The Monitoring page's tables, each from monitoring.json alone. */

/** Per metric, how often the replay found it red, yellow or without data, and its first alerts. */
export function replayTable(mon: MonitoringTable): HTMLDivElement {
  return simpleTable(mon.replay.by_metric, [
    {label: "Metric", value: (m) => rule(mon, m.metric).name},
    {label: "Days red", value: (m) => int(m.red_days), align: "right"},
    {label: "Days yellow (not red)", value: (m) => int(m.yellow_days), align: "right"},
    {label: "Days without data", value: (m) => int(m.no_data_days), align: "right"},
    {label: "First yellow or worse", value: (m) => orNever(m.first_yellow), nowrap: true},
    {label: "First red", value: (m) => orNever(m.first_red), nowrap: true},
  ]);
}

/** Which alerts the log shows. */
export interface AlertLogFilter {
  level: "all" | "red" | "yellow";
  /** Only alerts that were not at that level or worse the day before. */
  newOnly: boolean;
}

/** Every alert of the replay (date, metric, feature, level, value, threshold crossed, new or repeat), sortable, filtered by level and novelty. */
export function alertLogTable(mon: MonitoringTable, {level, newOnly}: AlertLogFilter): HTMLFormElement {
  const rows = mon.replay.log
    .filter((e) => (level === "all" || e.level === level) && (!newOnly || e.new))
    .map((e) => ({...e, name: rule(mon, e.metric).name, unit: rule(mon, e.metric).unit}));
  return dataTable(rows, {
    columns: ["date", "name", "subject", "level", "value", "threshold", "new"],
    header: {date: "Date", name: "Metric", subject: "Feature", level: "Level", value: "Value", threshold: "Threshold crossed", new: "New"},
    format: {
      subject: (s) => s ?? "",
      level: (l) => levelCell(l),
      value: (v, i, data) => metricValueShort(v, data[i].unit),
      threshold: (v, i, data) => `${sideSign(data[i].direction)} ${metricValueShort(v, data[i].unit)}`,
      new: (b) => (b ? "new" : "repeat"),
    },
    width: {date: 90, name: 150, subject: 170, level: 70, value: 80, threshold: 90, new: 60},
    rows: 15,
  });
}

const money = (v: number | null, unit: string) => (v === null ? "n/a" : unit === "USD" ? usd(v) : num(v));

/** RMSE, MAE and R²: validation, the whole production window, and the last trailing window. */
export function accuracyTable(mon: MonitoringTable): HTMLDivElement {
  return simpleTable<AccuracyComparison>(mon.training_vs_production.accuracy, [
    {label: "Metric", value: (r) => r.metric},
    {label: "Validation", value: (r) => money(r.training, r.unit), align: "right"},
    {label: `Production (${mon.window.days} days)`, value: (r) => money(r.production, r.unit), align: "right"},
    {label: `Last ${mon.settings.window_days} days`, value: (r) => money(r.last_window, r.unit), align: "right"},
  ]);
}

const shift = orElse((v: number) => signedPct(v));
const missing = orElse(percent1);

/** The monitored features, training against production (whole window and last trailing window), with the level each rule gives them. */
export function featureComparisonTable(mon: MonitoringTable): HTMLDivElement {
  const w = mon.settings.window_days;
  return simpleTable(
    mon.training_vs_production.features,
    [
      {label: "Rank", value: (f) => int(f.rank), align: "right"},
      {label: "Feature", value: (f) => f.feature},
      {label: "Mean, training", value: (f) => num(f.train_mean, 4), align: "right"},
      {label: "Mean, production", value: (f) => (f.prod_mean === null ? "n/a" : num(f.prod_mean, 4)), align: "right"},
      {label: "Shift, all days", value: (f) => shift(f.mean_shift_pct), align: "right"},
      {label: `Shift, last ${w} d`, value: (f) => shift(f.last_window_shift_pct), align: "right"},
      {label: "Shift level", value: (f) => levelCell(f.shift_level)},
      {label: "Missing, training", value: (f) => missing(f.train_missing_pct), align: "right"},
      {label: "Missing, all days", value: (f) => missing(f.prod_missing_pct), align: "right"},
      {label: `Missing, last ${w} d`, value: (f) => missing(f.last_window_missing_pct), align: "right"},
      {label: "Missing level", value: (f) => levelCell(f.missing_level)},
    ],
    "compact",
  );
}

/**
 * The dashboard's daily series, one row per calendar day, every figure of
 * monitoring.json's `daily` but the per-feature windows (a list per day: the
 * feature table below shows them).
 */
export function dailySeriesDownload(mon: MonitoringTable): HTMLParagraphElement {
  return csvDownload(
    "monitoring-daily.csv",
    mon.daily,
    keyColumns([
      "date", "day", "n", "labelled", "rmse", "mae", "bias", "window_n", "window_labelled_n", "rmse_trailing", "mae_trailing", "latency_p50", "latency_p95", "latency_n",
      "missing_all_pct", "missing_max_pct", "missing_max_trailing_pct", "missing_max_trailing_feature", "mean_shift_max_pct", "mean_shift_max_trailing_pct", "mean_shift_max_trailing_feature",
      "prediction_shift_sd", "prediction_shift_trailing_sd",
      "volume_baseline", "volume_pct", "underpriced_usd", "overpriced_usd", "revenue_usd", "mispricing_pct", "mispricing_trailing_pct",
    ]),
  );
}
