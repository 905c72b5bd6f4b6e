import {config} from "../config.js";
import {dollars, found, int, list, maxBy, pct, plural, present, usd, usdApprox, midSentence, type Present} from "../shared/index.js";
import type {CostBenefit} from "./benefit.js";
import type {RetrainingCosts} from "./costs.js";
import type {TriggerFrequency} from "./frequency.js";
import type {Protocol} from "./protocol.js";
import type {Buildup, WeekFigures} from "./buildup.js";
import type {TriggerDay} from "./replay.js";
import {triggerNames, triggersById, type CurrentTriggers, type TriggerId, type TriggerResult} from "./triggers.js";

export interface RetrainingConclusions {
  protocol: string;
  triggers: string;
  critical: string;
  replay: string;
  costs: string;
  benefit: string;
  /** One line for the overview and the memo. */
  summary: string;
}

const pct1 = (x: number) => `${x.toFixed(1)}%`;

export function protocolConclusion(p: Protocol, buildup: Buildup): string {
  const trigger = config.retraining.triggers.rmseDegradationPct;
  const counts = config.retraining.retrainsPerYear;
  const e = p.evidence;
  const window = p.window.recommended === "rolling" ? `a rolling ${int(p.window.days)}-day window` : "an expanding window";
  const out = [
    `Recommended: ${p.schedule.retrain_before_deploy ? "retrain now, before deploying, then " : "retrain "}${p.schedule.recommended} on ${window}, with the three triggers checked daily (at most one triggered retrain per ${plural(p.schedule.cooldown_days, "day")}).`,
  ];
  if (e.first_week_increase_pct !== null) {
    out.push(
      p.schedule.retrain_before_deploy
        ? `Why: in its first production week the RMSE was already ${pct1(e.first_week_increase_pct)} over validation, past the ${trigger}% trigger, so the gap opened between training and production, not during it.`
        : `Why: in its first production week the RMSE was ${pct1(e.first_week_increase_pct)} over validation, within the ${trigger}% trigger.`,
    );
  }
  const full = present(
    buildup.weeks.filter((w) => w.days === 7),
    "rmse_increase_pct",
  );
  const byWeek = full.length > 1 ? ` By week the RMSE was ${list(full.map((w) => pct1(w.rmse_increase_pct)))} over validation${peakNote(full)}.` : "";
  if (e.change === null) out.push(`The log is too short to compare a first and a last week, so the schedule defaults to monthly.${byWeek}`);
  else if (e.change === "worse") out.push(`Within the log the RMSE got measurably worse (the last 7-day RMSE interval lies above the first's), so a month between retrains would leave weeks of decay.${byWeek}`);
  else out.push(`Within the log it did not get measurably worse (the first and last 7-day RMSE intervals ${e.change === "better" ? "show an improvement" : "overlap"}).${byWeek} Weekly retraining would cost ${(counts.weekly / counts.monthly).toFixed(1)} times as much as monthly for no measurable gain.`);
  out.push(
    p.window.recommended === "rolling"
      ? `${e.severe_drift_count > 0 ? `${plural(e.severe_drift_count, "feature")} drifted severely` : "The model was stale on arrival"}, so the window rolls: the oldest rows describe a market that has moved (the current window's length, ${plural(p.window.days, "day")}, is kept).`
      : "No feature drifted severely, so an expanding window keeps every row and only gains precision.",
  );
  return out.join(" ");
}

/** Names the worst week when it is also the week with the most missing critical values: an input incident rather than a build-up. */
function peakNote(weeks: readonly Present<WeekFigures, "rmse_increase_pct">[]): string {
  const worst = maxBy(weeks, (w) => w.rmse_increase_pct);
  const most = maxBy(present(weeks, "critical_missing_pct"), (w) => w.critical_missing_pct);
  // The same week, or no note.
  if (!most || most !== worst) return "";
  return ` (the worst week, ${most.start} to ${most.end}, is also the one with the most missing critical values, ${pct1(most.critical_missing_pct)}: an input incident, not a build-up)`;
}

export function triggersConclusion(c: CurrentTriggers, rows: number, last: TriggerDay | null): string {
  // A trigger is judged (fired or not) exactly when it has a value.
  const judged = present(c.triggers, "value_pct");
  const fired = judged.filter((t) => t.fired === true);
  const quiet = judged.filter((t) => t.fired === false);
  const unknown = c.triggers.filter((t) => t.fired === null);
  const describe = (t: Present<TriggerResult, "value_pct">) => `${midSentence(t.name)} (${pct1(t.value_pct)} ${t.fired ? ">" : "≤"} ${t.threshold_pct}%${t.subject ? `: ${t.subject}` : ""})`;
  const count = fired.length === 0 ? "none" : `${fired.length}`;
  const parts = [`On all ${int(rows)} predictions, ${count} of the ${c.triggers.length} triggers ${fired.length === 1 ? "fires" : "fire"}${fired.length ? `: ${list(fired.map(describe))}` : ""}.`];
  if (quiet.length) parts.push(`${fired.length ? "Not fired" : "Within their thresholds"}: ${list(quiet.map(describe))}.`);
  if (unknown.length) parts.push(`${list(unknown.map((t) => t.name))} cannot be judged from these inputs.`);
  if (last && last.any !== null) {
    const value: Record<TriggerId, string | null> = {
      rmse: last.rmse_increase_pct === null ? null : pct1(last.rmse_increase_pct),
      critical_drift: last.drift_pct === null ? null : `${pct1(last.drift_pct)}: ${last.drift_feature}, ${last.drift_measure}`,
      new_categories: last.new_category_pct === null ? null : pct1(last.new_category_pct),
    };
    const ids = Object.keys(triggerNames) as TriggerId[];
    const on = ids.filter((id) => last.fired[id] === true).map((id) => `${midSentence(triggerNames[id])} (${value[id]})`);
    const off = ids.filter((id) => last.fired[id] === false).map((id) => `${midSentence(triggerNames[id])} (${value[id]})`);
    const now = triggersById(c);
    const changed = ids.some((id) => last.fired[id] !== null && last.fired[id] !== now[id].fired);
    parts.push(
      `On the last ${plural(config.monitoring.windowDays, "day")} alone (${int(last.window_n)} predictions), ${on.length ? `${list(on)} ${on.length === 1 ? "fires" : "fire"}` : "no trigger fires"}${off.length ? `; ${list(off)} ${off.length === 1 ? "does" : "do"} not` : ""}${changed ? ": the daily job's view differs from the whole log's" : ""}.`,
    );
  }
  parts.push(fired.length || (last && last.any) ? "Retraining is due now." : "No retraining is due.");
  return parts.join(" ");
}

export function criticalConclusion(c: CurrentTriggers, share: number, target: number, others: readonly {feature: string; rank: number; share: number; drift_pct: number}[]): string {
  const names = c.critical.map((f) => f.feature);
  const nearZero = c.critical.filter((f) => f.near_zero_mean).map((f) => f.feature);
  const limit = config.retraining.triggers.criticalDriftPct;
  const head = `The critical features are the ${plural(names.length, "feature")} that together carry ${pct(share)} of the model's |β|·SD (the fewest that reach ${pct(target, 0)}): ${list(names)}.`;
  const zero = nearZero.length ? ` ${list(nearZero)} ${nearZero.length === 1 ? "has" : "have"} a training mean near zero, so only ${nearZero.length === 1 ? "its" : "their"} SD change counts.` : "";
  if (others.length === 0) return `${head}${zero} No other feature drifted more than ${limit}% either.`;
  const top = others[0];
  return `${head}${zero} Outside them, ${plural(others.length, "feature")} drifted more than ${limit}%; the most important, ${top.feature} (rank ${top.rank}), carries ${pct(top.share)} of the total, so its ${pct1(top.drift_pct)} drift moves predictions little.`;
}

export function replayConclusion(days: readonly TriggerDay[], f: TriggerFrequency, minRows: number): string {
  // Without a judged day there is no yearly rate.
  if (f.evaluated_days === 0 || f.per_year_low === null || f.per_year_high === null) return `No day's trailing window held ${int(minRows)} predictions, so the triggers could not be judged on any day.`;
  const blind = days.filter((d) => d.any === null).length;
  const counts = (Object.keys(triggerNames) as TriggerId[])
    .map((id) => ({id, n: days.filter((d) => d.fired[id] === true).length}))
    .filter((x) => x.n > 0)
    .map((x) => `${midSentence(triggerNames[x.id])} on ${plural(x.n, "day")}`);
  const head = `Judged each day on the trailing ${config.monitoring.windowDays} days, a trigger fired on ${int(f.held_days)} of the ${plural(f.evaluated_days, "day")} that could be judged${blind ? ` (the other ${plural(blind, "day")} had fewer than ${int(minRows)} predictions in the window)` : ""}`;
  if (f.held_days === 0) return `${head}: no retraining would have been triggered.`;
  return (
    `${head}, in ${plural(f.episodes, "episode")} (${list(counts)}). ` +
    `If each retrain cured its episode, that is ${plural(f.retrains_low.length, "retrain")} in ${plural(f.evaluated_days, "day")}, about ${f.per_year_low.toFixed(1)} a year; ` +
    `if the cause persisted and the triggers fired again after each ${f.cooldown_days}-day cool-down, ${plural(f.retrains_high.length, "retrain")}, about ${f.per_year_high.toFixed(1)} a year (at most one per cool-down). ` +
    `${f.evaluated_days < 90 ? `${plural(f.evaluated_days, "judged day")} make a rough yearly figure.` : ""}`
  ).trim();
}

/** Hours in words, exact: "2 hours", "1 h 6 min 40 s". */
export function hoursText(h: number): string {
  if (Math.abs(h - Math.round(h)) < 1e-9) return plural(Math.round(h), "hour");
  const seconds = Math.round(h * 3600);
  const [hh, mm, ss] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return [hh ? `${hh} h` : "", mm ? `${mm} min` : "", ss ? `${ss} s` : ""].filter(Boolean).join(" ");
}

export function costsConclusion(c: RetrainingCosts): string {
  const counts = config.retraining.retrainsPerYear;
  const inputs = `${hoursText(c.inputs.hours)} × ${dollars(c.inputs.hourly_rate_usd)} + ${dollars(c.inputs.compute_usd)} = ${dollars(c.per_retrain_usd)} a retrain`;
  const stated = c.brief.map((b) => `${dollars(b.brief_usd)} a year for ${b.schedule}`);
  if (c.brief.every((b) => Math.abs(b.difference_usd) < 0.005)) return `The brief's figures (${list(stated)} retraining) follow from its inputs (${inputs}).`;
  const computed = c.brief.map((b) => `${dollars(b.computed_usd)} ${b.schedule} (${b.retrains_per_year} × ${dollars(c.per_retrain_usd)})`);
  const head = `The brief states ${list(stated)} retraining, but its own inputs (${inputs}) give ${list(computed)}.`;
  const readings = c.readings.map((r) => {
    // The reading's schedule is one of the brief's figures it was read from.
    const from = found(
      c.brief.find((b) => b.schedule === r.from),
      `the brief's ${r.from} figure`,
    );
    // A cost that is not whole to the cent is written as the division it comes from, so every product on the page checks.
    const whole = Math.abs(r.per_retrain_usd * 100 - Math.round(r.per_retrain_usd * 100)) < 1e-6;
    const per = whole ? dollars(r.per_retrain_usd) : `(${dollars(from.brief_usd)} ÷ ${from.retrains_per_year})`;
    // The brief's figures in their order, which is also the reading's.
    const recounts = c.brief.filter((b) => r.recounted[b.schedule]).map((b) => recountText(b.schedule, r.retrains_per_year[b.schedule], counts));
    const products = c.brief.map((b) => `${r.retrains_per_year[b.schedule]} × ${per} = ${dollars(b.brief_usd)}`);
    return `${whole ? per : per.slice(1, -1)} a retrain (the brief's rate and compute with ${hoursText(r.implied_hours)} of work instead of ${hoursText(c.inputs.hours)}) and ${list(recounts)}: ${list(products)}`;
  });
  const explain =
    readings.length === 0
      ? ` No single per-retrain cost reproduces both: at the calendar's counts they imply ${list(c.brief.map((b) => `${dollars(b.implied_per_retrain_usd)} a retrain (${b.schedule})`))}.`
      : ` ${readings.length === 1 ? "One reading reproduces" : `${readings.length === 2 ? "Two readings" : `${readings.length} readings`} reproduce`} both: ${readings.join("; or ")}.`;
  return `${head}${explain} This report uses the inputs' figures.`;
}

function recountText(schedule: string, n: number, counts: {weekly: number; monthly: number}): string {
  if (schedule === "monthly" && counts.weekly % n === 0) return `"monthly" read as every ${counts.weekly / n} weeks (${n} a year)`;
  if (schedule === "weekly" && n % counts.monthly === 0) return `"weekly" read as ${n / counts.monthly} a month (${n} a year)`;
  return `${n} "${schedule}" retrains a year`;
}

export function benefitConclusion(b: CostBenefit | null, schedule: string, triggeredHigh: number | null): string {
  if (!b) return "The log has no units_sold column, so the revenue effect of degraded accuracy cannot be set against the cost of retraining.";
  if (b.recoverable_share === 0) return `Production MAE (${usd(b.production_mae)}) is no worse than validation's (${usd(b.validation_mae)}): retraining has no accuracy loss to recover, so its cost buys only insurance.`;
  const ratio = b.cost_share_of_recoverable;
  // Null when no revenue dollar was mispriced: there is nothing to set the cost against.
  if (ratio === null) return `No revenue was mispriced over ${plural(b.window_days, "day")}: retraining has no revenue loss to recover, so its cost buys only insurance.`;
  const verdict = ratio < 0.1 ? "Degraded accuracy costs far more than retraining" : ratio < 1 ? "Degraded accuracy costs more than retraining" : "Retraining costs more than the accuracy it would recover";
  const triggered = triggeredHigh === null ? "" : `, or at most ${dollars(triggeredHigh)} with every triggered retrain`;
  return (
    `${verdict}: over ${plural(b.window_days, "day")}, ${usdApprox(b.mispriced_usd)} of revenue was mispriced (about ${usdApprox(b.mispriced_per_year_usd)} a year at this pace); ` +
    `bringing MAE back from ${usd(b.production_mae)} to validation's ${usd(b.validation_mae)} would remove about ${pct(b.recoverable_share, 0)} of it, about ${usdApprox(b.recoverable_per_year_usd)} a year, ` +
    `against ${dollars(b.schedule_annual_usd)} a year for ${schedule} retraining (${pct(ratio)} of it)${triggered}.`
  );
}

/** `annual`: what the recommended schedule costs a year. */
export function summaryConclusion(c: CurrentTriggers, p: Protocol, annual: number): string {
  const fired = c.triggers.filter((t) => t.fired === true).map((t) => midSentence(t.name));
  return `${fired.length ? `${plural(fired.length, "trigger")} fired (${list(fired)}): retrain ${p.schedule.retrain_before_deploy ? "before deploying, then " : ""}` : "No trigger fired; retrain "}${p.schedule.recommended} on a ${p.window.recommended} window, ${dollars(annual)} a year.`;
}
