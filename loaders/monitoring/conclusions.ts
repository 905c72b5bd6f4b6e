import {config} from "../config.js";
import {maxBy, plural, present} from "../shared/index.js";
import type {Level} from "./alerts.js";
import type {MonitoringConclusions, MonitoringFacts} from "./dashboard.js";
import type {MetricCatalogue} from "./metrics.js";

type Facts = MonitoringFacts;

const levelWord: Record<Level, string> = {red: "red", yellow: "yellow", green: "green", no_data: "without data"};
const usd0 = (x: number) => "$" + Math.round(x).toLocaleString("en-US");
const usd2 = (x: number) => "$" + x.toFixed(2);
const pct1 = (x: number) => `${x.toFixed(1)}%`;

/** Every conclusion sentence of the monitoring page, from its figures; `rules`: the catalogue `t.rules` lists, by metric id. */
export function monitoringConclusions(t: Facts, rules: MetricCatalogue, windowRmseIncreasePct: number): MonitoringConclusions {
  return {
    status: statusConclusion(t),
    caught: caughtConclusion(t, rules, windowRmseIncreasePct),
    alert_load: alertLoadConclusion(t),
    window: windowConclusion(t),
    drift: driftConclusion(t, rules),
    prediction: predictionShiftConclusion(t, rules),
    latency: latencyConclusion(t, rules),
    impact: impactConclusion(t),
  };
}

export function statusConclusion(t: Facts): string {
  const parts: string[] = [];
  for (const level of ["red", "yellow", "green", "no_data"] as const) {
    const tiles = t.tiles.filter((s) => s.level === level);
    if (tiles.length === 0) continue;
    const names = level === "green" ? "" : ` (${tiles.map((s) => s.name).join(", ")})`;
    parts.push(`${tiles.length} ${levelWord[level]}${names}`);
  }
  const head = `On ${t.window.last}, the last day of the log,`;
  if (parts.length === 1) return `${head} all ${plural(t.tiles.length, "metric")} ${t.tiles[0].level === "no_data" ? "are without data" : `are ${levelWord[t.tiles[0].level]}`}.`;
  return `${head} the ${plural(t.tiles.length, "metric")} stand at ${joinList(parts)}.`;
}

export function caughtConclusion(t: Facts, rules: MetricCatalogue, windowRmseIncreasePct: number): string {
  const rule = rules.rmse;
  const redPct = config.monitoring.alerts.rmse.red;
  const problem = windowRmseIncreasePct > redPct;
  // The RMSE rule's first red alert: its day and the trailing RMSE it judged.
  const firstRed = t.replay.log.find((e) => e.metric === "rmse" && e.level === "red");
  const whole = `over the whole window the RMSE was ${pct1(windowRmseIncreasePct)} ${windowRmseIncreasePct >= 0 ? "over" : "under"} validation`;
  const firstAny = t.replay.first_red;
  const anyText = firstAny ? ` The first red alert of any rule came on ${firstAny.date} (day ${firstAny.day}: ${firstAny.metrics.map((id) => rules[id].name).join(", ")}).` : " No rule went red on any day.";
  if (firstRed) {
    const day = firstRed;
    const blind = t.daily.filter((d) => d.day < day.day && d.rmse_trailing === null).length;
    const early = t.window.days - day.day;
    const head = problem
      ? `Yes: the RMSE rule would have gone red on ${day.date}, day ${day.day} of ${t.window.days}, ${plural(early, "day")} before the window's end (trailing RMSE ${usd2(day.value)} against the ${usd2(rule.thresholds.red)} line); ${whole}.`
      : `The RMSE rule went red on ${day.date} (day ${day.day}), although ${whole}: a passing degradation, not a lasting one.`;
    const wait = blind > 0 ? ` The first ${plural(blind, "day")} could not be judged: the trailing window held fewer than ${t.settings.min_window_rows} predictions.` : "";
    return head + wait + anyText;
  }
  return problem
    ? `No: ${whole}, yet the RMSE rule never went red, because the trailing window never held ${t.settings.min_window_rows} predictions or never crossed ${usd2(rule.thresholds.red)}.${anyText}`
    : `There was no accuracy problem to catch: ${whole}, and the RMSE rule never went red.${anyText}`;
}

export function alertLoadConclusion(t: Facts): string {
  const counts = t.replay.alerts_per_day;
  const total = counts.reduce((s, d) => s + d.total, 0);
  if (total === 0) return `The metric rules would have raised no alert over the ${plural(t.window.days, "day")}.`;
  const sorted = counts.map((d) => d.total).sort((a, b) => a - b);
  const mid = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const worst = counts.reduce((a, b) => (b.total > a.total ? b : a));
  const limit = config.monitoring.alerts.alertsPerDay.red;
  const over = counts.filter((d) => d.total > limit).length;
  const fresh = counts.reduce((s, d) => s + d.new, 0);
  // The alert-frequency rule judges the other rules' count, so its own alerts are told apart: the
  // per-day figures leave them out, the replay's log (and the Versions page's count) holds them too.
  const frequency = t.replay.log.filter((e) => e.metric === "alerts_per_day").length;
  const all = frequency === 0 ? "" : ` The alert-frequency rule adds ${plural(frequency, "alert")} of its own: ${plural(total + frequency, "alert")} from all rules.`;
  return (
    `The metric rules would have raised ${plural(total, "alert")} over ${plural(t.window.days, "day")} (${plural(fresh, "new alert")} that would page someone; the rest repeat the day before), ` +
    `a median of ${mid} a day and at most ${worst.total} on ${worst.date}; ` +
    (over === 0 ? `no day had more than ${limit}, the brief's rollback line.` : `${plural(over, "day")} had more than ${limit}, the brief's rollback line.`) +
    all
  );
}

export function windowConclusion(t: Facts): string {
  const {median_daily_rows: n, false_red_daily: daily, false_red_window: pooled} = t.noise;
  const w = t.settings;
  const odds = (p: number) => (p >= 0.01 ? pct1(p * 100) : p >= 0.0001 ? `${(p * 100).toFixed(2)}%` : "almost 0%");
  if (n >= w.min_window_rows) {
    return `At a median of ${n} predictions a day, one day's RMSE is already stable (a model as accurate as in validation would cross the red line on ${odds(daily)} of days), so the trailing ${w.window_days}-day window only smooths the lines; alerts still follow the spec's window.`;
  }
  return (
    `At a median of ${n} predictions a day, one day's RMSE is noisy: a model exactly as accurate as in validation would cross the red line on about ${odds(daily)} of days. ` +
    `Pooled over the trailing ${w.window_days} days with at least ${w.min_window_rows} predictions, that falls to ${odds(pooled)}, so accuracy, drift and impact alerts use the trailing window; the daily values are shown for context.`
  );
}

export function driftConclusion(t: Facts, rules: MetricCatalogue): string {
  const rows = t.training_vs_production.features;
  const share = pct1(t.monitored.importance_share * 100);
  const head = `Of the top ${plural(rows.length, "feature")} (${share} of the model's |β|·SD), on ${t.window.last}`;
  const red = rows.filter((f) => f.missing_level === "red");
  const yellow = rows.filter((f) => f.missing_level === "yellow");
  const rule = rules.missing_rate.thresholds;
  const missing =
    red.length + yellow.length === 0
      ? ` every missing rate is within ${rule.yellow}%`
      : red.length === 0
        ? ` ${yellow.length} ${yellow.length === 1 ? "has a missing rate" : "have missing rates"} above ${rule.yellow}% (${yellow.map((f) => f.feature).join(", ")}), none above ${rule.red}%`
        : ` ${red.length} ${red.length === 1 ? "has a missing rate" : "have missing rates"} above ${rule.red}% (${red.map((f) => f.feature).join(", ")})${yellow.length ? ` and ${yellow.length} more above ${rule.yellow}%` : ""}`;
  const shiftRule = rules.mean_shift.thresholds;
  const top = maxBy(present(rows, "last_window_shift_pct"), (f) => Math.abs(f.last_window_shift_pct));
  let shift: string;
  if (!top) shift = "; no mean shift could be measured";
  else {
    const v = top.last_window_shift_pct;
    shift =
      Math.abs(v) > shiftRule.yellow
        ? `; the largest mean shift is ${top.feature} at ${v > 0 ? "+" : ""}${pct1(v)} (${levelWord[top.shift_level as Level]})`
        : `; no mean shift exceeds ${shiftRule.yellow}% (largest: ${top.feature}, ${v > 0 ? "+" : ""}${pct1(v)})`;
  }
  const excluded = t.monitored.excluded_from_mean_shift;
  const note = excluded.length ? ` ${excluded.map((f) => f.feature).join(", ")} ${excluded.length === 1 ? "has" : "have"} a near-zero training mean and ${excluded.length === 1 ? "is" : "are"} watched for missing values only.` : "";
  return `${head},${missing}${shift}.${note}`;
}

/** Prediction drift on the last day, and how often the replay saw it yellow or red. */
export function predictionShiftConclusion(t: Facts, rules: MetricCatalogue): string {
  const rule = rules.prediction_shift.thresholds;
  const tile = t.tiles.find((s) => s.metric === "prediction_shift");
  const replayed = t.replay.by_metric.find((m) => m.metric === "prediction_shift");
  if (tile === undefined || replayed === undefined) throw new Error("no prediction_shift rule in the replay");
  const judged = t.daily.length - replayed.no_data_days;
  if (judged === 0) return "Prediction drift could not be judged on any day (no target statistics, or no window with enough rows).";
  const days = (n: number) => plural(n, "day");
  const alerts =
    replayed.yellow_days + replayed.red_days === 0
      ? `it stayed within ${rule.yellow} SD on all ${days(judged)} it was judged`
      : `it was ${joinList([...(replayed.yellow_days ? [`yellow on ${days(replayed.yellow_days)}`] : []), ...(replayed.red_days ? [`red on ${days(replayed.red_days)}`] : [])])} of the ${days(judged)} judged (first past ${rule.yellow} SD on ${replayed.first_yellow ?? replayed.first_red ?? "—"})`;
  const last =
    tile.value === null
      ? `On ${t.window.last} it has no value`
      : `On ${t.window.last}, the mean prediction of the trailing ${t.settings.window_days} days is ${tile.value > 0 ? "+" : ""}${tile.value.toFixed(3)} training SD from the training mean price (${levelWord[tile.level]})`;
  return `${last}; ${alerts}. It reads no actual price, so it judges the days whose labels have not arrived.`;
}

export function latencyConclusion(t: Facts, rules: MetricCatalogue): string {
  if (!t.has_latency) return "The log has no latency_ms column: latency cannot be monitored from it, and the latency rule reports no data.";
  const rule = rules.latency_p95.thresholds;
  const budget = t.settings.latency_budget_ms;
  const known = present(t.daily, "latency_p95");
  const worst = maxBy(known, (d) => d.latency_p95);
  if (!worst) return "The latency_ms column holds no values: latency cannot be monitored from it.";
  const over = known.filter((d) => d.latency_p95 > rule.red);
  if (over.length === 0) {
    const near = known.filter((d) => d.latency_p95 > rule.yellow).length;
    return `The daily p95 latency stayed within the ${budget} ms budget every day (highest ${Math.round(worst.latency_p95)} ms on ${worst.date})${near ? `, though it passed ${rule.yellow} ms on ${plural(near, "day")}` : ""}.`;
  }
  const span = over.length === 1 ? `on ${over[0].date}` : `on ${over.length} days between ${over[0].date} and ${over[over.length - 1].date}`;
  return `The daily p95 latency broke the ${budget} ms budget ${span} (highest ${Math.round(worst.latency_p95)} ms on ${worst.date}); the red rule fires on the same day, since latency is judged day by day.`;
}

export function impactConclusion(t: Facts): string {
  const totals = t.impact.totals;
  if (!totals) return "The log has no units_sold column: business impact cannot be computed, and the mispricing rule reports no data.";
  // Mispricing is a share of revenue: none without revenue.
  if (totals.revenue_usd <= 0 || totals.mispricing_pct === null) return "No units were sold in the log: business impact is zero.";
  const share = totals.underpriced_share_pct;
  const lean = share === null ? "" : share > 60 ? ", mostly from under-pricing" : share < 40 ? ", mostly from over-pricing" : ", split about evenly between the two";
  return (
    `Over the window, under-pricing left ${usd0(totals.underpriced_usd)} on the table and over-pricing put ${usd0(totals.overpriced_usd)} at risk: ` +
    `${pct1(totals.mispricing_pct)} of the ${usd0(totals.revenue_usd)} of revenue was mispriced${lean}.`
  );
}

function joinList(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
