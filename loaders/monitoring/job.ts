import {config} from "../config.js";
import {InputError} from "../errors.js";
import {levelOf, severity, type Direction, type Level} from "./alerts.js";
import type {MonitoringTable} from "./dashboard.js";
import type {MetricDefinition, MetricId} from "./metrics.js";
import {observations} from "./observations.js";
import type {AlertEntry, MetricStatus} from "./replay.js";

/** One subject of a metric on the day: a feature of a per-feature metric, or the model (subject null). */
export interface JudgedSubject {
  subject: string | null;
  value: number | null;
  level: Level;
}

/** One rule on the judged day, as the daily job reports it. */
export interface JobMetric {
  id: MetricId;
  name: string;
  unit: string;
  level: Level;
  /** The metric's figure: for per-feature metrics the worst feature's, named by `subject`; null when it cannot be computed. */
  value: number | null;
  subject: string | null;
  /** The line crossed (red or yellow), or for green and no data the yellow line still ahead. */
  threshold: number;
  direction: Direction;
  yellow: number;
  red: number;
  /** The calendar days the figure pools (a window reaching before the log's first day starts at that day). */
  window: {kind: "trailing" | "day"; days: number; first_day: string; last_day: string; min_rows: number | null};
  /** The rows the value is computed from: the window's rows (what counts toward min_rows), today's latencies, today's rows, or the values judged (alerts_per_day). */
  n: number;
  /** Subjects with a value, and how many of them are yellow or red. */
  subjects: number;
  alerting: number;
  /** Per-feature metrics: every monitored feature, worst first; null for whole-model metrics. */
  features: JudgedSubject[] | null;
  /** Volume only: the median of the previous days' counts (null without enough days); null for the other metrics. */
  baseline: number | null;
  /** Why the metric has no value, in one line; null when it has one. */
  reason: string | null;
}

/** Exit status of the daily job: the monitoring-plugin convention (Nagios, Icinga, Sensu). */
export type JobStatus = 0 | 1 | 2 | 3;

/** The daily job's verdict on one day: what `npm run monitor` prints (src/monitor-result.schema.json). */
export interface JobResult {
  day: string;
  /** Worst of the day: red, else yellow, else no_data when any rule cannot be judged, else green. */
  level: Level;
  status: JobStatus;
  /** Why the day cannot be judged (level no_data), in one line; null otherwise. */
  reason: string | null;
  log: {first_day: string; last_day: string; days: number};
  metrics: JobMetric[];
  /** The day's alerts, as the replay logs them (the alert record of the spec). */
  alerts: AlertEntry[];
}

export const statusOfLevel: Record<Level, JobStatus> = {green: 0, yellow: 1, red: 2, no_data: 3};

/**
 * Judges one calendar day of the log exactly as the replay did: the values,
 * levels and alerts are the replay's own (`table.replay`), and the per-feature
 * lists judge the same observations with the same thresholds. A day outside
 * the log cannot be judged (its rows have not arrived, or precede the log).
 */
export function judgeDay(table: MonitoringTable, day: string): JobResult {
  const {daily, replay, rules} = table;
  const first = daily[0].date;
  const last = daily[daily.length - 1].date;
  const i = daily.findIndex((d) => d.date === day);
  if (i < 0) {
    throw new InputError(day < first ? `${day} is before the log's first day, ${first}: nothing to judge` : `no rows on ${day}: the log ends on ${last}`);
  }
  const figures = daily[i];
  const statuses = replay.status[i].metrics;
  const dayObservations = observations([figures], table.monitored.features)[0].observations;
  const metrics = rules.map((rule, r): JobMetric => {
    const status = statuses[r];
    if (status.metric !== rule.id) throw new Error(`replay status ${status.metric} is not in rule order (${rule.id})`);
    const t = rule.thresholds;
    const judged = rule.per_feature ? judgeSubjects(rule, dayObservations.filter((o) => o.metric === rule.id)) : null;
    const n = rowsOf(rule, table, i, statuses);
    return {
      id: rule.id,
      name: rule.name,
      unit: rule.unit,
      level: status.level,
      value: status.value,
      subject: status.subject,
      threshold: status.threshold,
      direction: t.direction,
      yellow: t.yellow,
      red: t.red,
      window: {kind: rule.window.kind, days: rule.window.days, first_day: daily[Math.max(0, i - rule.window.days + 1)].date, last_day: day, min_rows: rule.window.min_rows},
      n,
      subjects: status.subjects,
      alerting: status.alerting,
      features: judged,
      baseline: rule.id === "volume" ? figures.volume_baseline : null,
      reason: status.level === "no_data" ? noDataReason(rule, table, i, n) : null,
    };
  });
  const level = worstLevel(metrics.map((m) => m.level));
  const blind = metrics.filter((m) => m.level === "no_data");
  return {
    day,
    level,
    status: statusOfLevel[level],
    reason: level === "no_data" ? `cannot judge ${blind.map((m) => `${m.id} (${m.reason ?? "no value"})`).join("; ")}` : null,
    log: {first_day: first, last_day: last, days: daily.length},
    metrics,
    alerts: replay.log.filter((e) => e.date === day),
  };
}

/** Red, else yellow, else no data when any rule could not be judged (never read as green), else green. */
export function worstLevel(levels: readonly Level[]): Level {
  if (levels.includes("red")) return "red";
  if (levels.includes("yellow")) return "yellow";
  if (levels.includes("no_data")) return "no_data";
  return "green";
}

/** Every subject judged, worst first: the replay's order for picking the worst (level, then furthest on the bad side), subjects without a value last. */
function judgeSubjects(rule: MetricDefinition, observed: readonly {subject: string | null; value: number | null}[]): JudgedSubject[] {
  const t = rule.thresholds;
  const badness = (v: number) => (t.direction === "below" ? -v : t.direction === "abs_above" ? Math.abs(v) : v);
  const judged = observed.map((o): JudgedSubject => ({subject: o.subject, value: o.value, level: levelOf(o.value, t)}));
  return judged.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);
    return severity(b.level) - severity(a.level) || badness(b.value) - badness(a.value);
  });
}

/** The rows behind a metric's value on day i (see JobMetric.n). */
function rowsOf(rule: MetricDefinition, table: MonitoringTable, i: number, statuses: readonly MetricStatus[]): number {
  const d = table.daily[i];
  if (needsLabels(rule)) return d.window_labelled_n;
  if (rule.id === "latency_p95") return d.latency_n;
  if (rule.id === "volume") return d.n;
  if (rule.id === "alerts_per_day") return statuses.filter((s) => s.metric !== "alerts_per_day").reduce((sum, s) => sum + s.subjects, 0);
  return d.window_n;
}

/**
 * The rules that read actual_price, as their data source says (so a new rule
 * on the label is covered without a list to update): they pool only the
 * labelled rows, and a day whose rows all await their labels reads no data.
 */
function needsLabels(rule: MetricDefinition): boolean {
  return rule.data_source.columns.includes("actual_price");
}

/** Why a metric reads no data on day i, from the same figures the replay judged. */
function noDataReason(rule: MetricDefinition, table: MonitoringTable, i: number, n: number): string {
  const min = rule.window.min_rows;
  const d = table.daily[i];
  if (needsLabels(rule)) {
    if (!d.labels_today) return `no labels yet: none of the day's ${d.n} rows has its actual_price`;
    const waiting = d.window_n - d.window_labelled_n;
    if (min !== null && n < min && waiting > 0) return `${n} labelled rows in the ${rule.window.days}-day window, fewer than ${min} (no labels yet for ${waiting} more)`;
  }
  if (rule.window.kind === "trailing" && min !== null && n < min) return `${n} rows in the ${rule.window.days}-day window, fewer than ${min}`;
  switch (rule.id) {
    case "latency_p95":
      return table.has_latency ? "no latency_ms values on the day" : "the log has no latency_ms column";
    case "mispricing":
      return table.has_units ? "no revenue (units_sold × actual_price) in the window" : "the log has no units_sold column";
    case "volume": {
      const {volumeBaselineDays, minBaselineDays} = config.monitoring;
      const previous = Math.min(i, volumeBaselineDays);
      return table.daily[i].volume_baseline === 0 ? "the previous days' median count is 0" : `${previous} previous day${previous === 1 ? "" : "s"} in the log, fewer than ${minBaselineDays}`;
    }
    case "mean_shift":
      return "no present values of any mean-shift feature in the window";
    case "prediction_shift":
      return "the training statistics have no target mean and SD";
    default:
      return "no value";
  }
}
