import {levelOf, past, severity, thresholdFor, type Direction, type Level, type Thresholds} from "./alerts.js";
import type {MetricId} from "./metrics.js";

/** A metric's value on one day; `subject` names the feature for per-feature metrics. */
export interface Observation {
  metric: MetricId;
  subject: string | null;
  value: number | null;
}

export interface DayObservations {
  date: string;
  observations: Observation[];
}

export interface AlertEntry {
  date: string;
  /** 1 for the window's first day. */
  day: number;
  metric: MetricId;
  subject: string | null;
  level: "yellow" | "red";
  value: number;
  threshold: number;
  direction: Direction;
  /** Not firing at this level or worse the day before: what would page someone. */
  new: boolean;
}

export interface DayAlertCount {
  date: string;
  day: number;
  yellow: number;
  red: number;
  /** Alerts of the metric rules (the alert-frequency rule's own alert is not counted in it). */
  total: number;
  new: number;
}

/** A metric's state on one day: its worst subject. */
export interface MetricStatus {
  metric: MetricId;
  level: Level;
  value: number | null;
  subject: string | null;
  threshold: number;
  /** Subjects evaluated and how many of them are yellow or red (per-feature metrics). */
  subjects: number;
  alerting: number;
}

export interface FirstAlert {
  date: string;
  day: number;
  metrics: MetricId[];
}

export interface MetricReplay {
  metric: MetricId;
  /** Days on which the metric (any subject) was yellow, red, or could not be evaluated. */
  yellow_days: number;
  red_days: number;
  no_data_days: number;
  first_yellow: string | null;
  first_red: string | null;
}

export interface Replay {
  days: number;
  log: AlertEntry[];
  alerts_per_day: DayAlertCount[];
  first_yellow: FirstAlert | null;
  first_red: FirstAlert | null;
  red_days: number;
  by_metric: MetricReplay[];
  /** Every day's status per metric, in `rules` order. */
  status: {date: string; metrics: MetricStatus[]}[];
}

export interface ReplayRule {
  metric: MetricId;
  thresholds: Thresholds;
}

/**
 * Runs the alert rules over every day as the daily job would have: each
 * observation is judged against its metric's thresholds; then the day's count
 * of alerts is itself judged by the `alerts_per_day` rule when there is one.
 * Pure: the rules and observations in, the log and summaries out.
 */
export function replay(rules: readonly ReplayRule[], days: readonly DayObservations[]): Replay {
  const byMetric = new Map(rules.map((r) => [r.metric, r]));
  const frequency = byMetric.get("alerts_per_day");
  const log: AlertEntry[] = [];
  const counts: DayAlertCount[] = [];
  const status: Replay["status"] = [];
  let yesterday = new Map<string, Level>();
  days.forEach(({date, observations}, i) => {
    const day = i + 1;
    const today = new Map<string, Level>();
    const evaluated: {obs: Observation; level: Level}[] = [];
    const judge = (obs: Observation) => {
      const rule = byMetric.get(obs.metric);
      if (!rule) throw new Error(`no alert rule for metric ${obs.metric}`);
      const value = obs.value;
      const level = levelOf(value, rule.thresholds);
      const key = `${obs.metric}\u0000${obs.subject ?? ""}`;
      today.set(key, level);
      evaluated.push({obs, level});
      // A level past green comes from a value (no value is "no_data").
      if (value !== null && (level === "yellow" || level === "red")) {
        const isNew = severity(yesterday.get(key) ?? "green") < severity(level);
        log.push({date, day, metric: obs.metric, subject: obs.subject, level, value, threshold: thresholdFor(level, rule.thresholds), direction: rule.thresholds.direction, new: isNew});
      }
    };
    for (const obs of observations) {
      if (obs.metric === "alerts_per_day") throw new Error("alerts_per_day is computed by the replay, not observed");
      judge(obs);
    }
    const fired = log.filter((e) => e.day === day);
    counts.push({
      date,
      day,
      yellow: fired.filter((e) => e.level === "yellow").length,
      red: fired.filter((e) => e.level === "red").length,
      total: fired.length,
      new: fired.filter((e) => e.new).length,
    });
    if (frequency) judge({metric: "alerts_per_day", subject: null, value: fired.length});
    status.push({date, metrics: rules.map((r) => metricStatus(r, evaluated.filter((e) => e.obs.metric === r.metric)))});
    yesterday = today;
  });
  return {
    days: days.length,
    log,
    alerts_per_day: counts,
    first_yellow: firstAlert(log, "yellow"),
    first_red: firstAlert(log, "red"),
    red_days: new Set(log.filter((e) => e.level === "red").map((e) => e.date)).size,
    by_metric: rules.map((r) => metricReplay(r.metric, log, status)),
    status,
  };
}

function metricStatus(rule: ReplayRule, evaluated: {obs: Observation; level: Level}[]): MetricStatus {
  const t = rule.thresholds;
  // The subjects evaluated on a value, with it.
  const known = evaluated.flatMap(({obs, level}) => (obs.value === null ? [] : [{subject: obs.subject, value: obs.value, level}]));
  // The worst subject: highest level, then furthest on the bad side.
  const badness = (v: number) => (t.direction === "below" ? -v : t.direction === "abs_above" ? Math.abs(v) : v);
  const worst = known.sort((a, b) => severity(b.level) - severity(a.level) || badness(b.value) - badness(a.value)).at(0);
  const level: Level = worst ? worst.level : "no_data";
  return {
    metric: rule.metric,
    level,
    value: worst ? worst.value : null,
    subject: worst ? worst.subject : null,
    threshold: level === "red" ? t.red : t.yellow,
    subjects: known.length,
    alerting: known.filter((e) => past(e.value, t.yellow, t.direction)).length,
  };
}

/** The first day any alert of `level` fired (yellow: yellow or worse), with the metrics that fired. */
function firstAlert(log: readonly AlertEntry[], level: "yellow" | "red"): FirstAlert | null {
  const hits = log.filter((e) => severity(e.level) >= severity(level));
  if (hits.length === 0) return null;
  const first = hits[0];
  return {date: first.date, day: first.day, metrics: [...new Set(hits.filter((e) => e.day === first.day).map((e) => e.metric))]};
}

function metricReplay(metric: MetricId, log: readonly AlertEntry[], status: Replay["status"]): MetricReplay {
  const mine = log.filter((e) => e.metric === metric);
  const daysAt = (level: "yellow" | "red") => new Set(mine.filter((e) => e.level === level).map((e) => e.date));
  const reds = daysAt("red");
  // A day counts once, at its worst level.
  const yellows = [...daysAt("yellow")].filter((d) => !reds.has(d));
  const first = (level: "yellow" | "red") => mine.find((e) => severity(e.level) >= severity(level))?.date ?? null;
  return {
    metric,
    yellow_days: yellows.length,
    red_days: reds.size,
    no_data_days: status.filter((s) => s.metrics.find((m) => m.metric === metric)?.level === "no_data").length,
    first_yellow: first("yellow"),
    first_red: first("red"),
  };
}
