import type {RetrainingTable, TriggerId} from "../../loaders/retraining/index.js";
import {dollars, int, pct, signedPct, usd} from "../shared/format.js";
import {keyed, last} from "./lookup.js";
import {scheduleRows} from "./retraining-costs.js";
import {pct1, scheduleName} from "./retraining-text.js";
import {firedCell} from "./status.js";
import {simpleTable} from "./tables.js";

/** The Retraining page's tables, each from retraining.json alone. */

const shift = (x: number | null) => (x === null ? "n/a" : signedPct(x));

/** The protocol as a specification: schedule, training window, validation, promotion gate, triggers. */
export function protocolTable(ret: RetrainingTable): HTMLDivElement {
  const s = ret.settings;
  const p = ret.protocol;
  const rows = [
    {item: "Schedule", spec: `${p.schedule.retrain_before_deploy ? "Retrain once before deploying; then " : ""}${p.schedule.recommended}, plus a retrain whenever a trigger fires (checked daily; at most one triggered retrain per ${p.schedule.cooldown_days} days, the time the trailing window needs to fill with the new model's predictions)`},
    {item: "Training window", spec: p.window.recommended === "rolling" ? `Rolling: the latest ${int(p.window.days)} days (the current model's window length, ${s.training_window.start} to ${s.training_window.end})` : "Expanding: every day since the first training day"},
    {item: "Validation", spec: `Time-based holdout: the last ${p.validation.holdout_days} days of the training window, never shuffled; walk-forward over the last ${p.validation.walk_forward_folds} weeks (train on everything before a week, score the week) to show the candidate holds up as data ages`},
    {item: "Promotion gate", spec: `Holdout RMSE below ${dollars(p.validation.acceptable_rmse_usd)} (the memo's acceptable line) and no more than ${p.validation.max_rmse_over_current_pct}% above the current model's on the same holdout (the rollback criterion, applied before rollout)`},
    {item: "Triggers", spec: `RMSE more than ${s.triggers.rmse_degradation_pct}% over validation; drift above ${s.triggers.critical_drift_pct}% in a critical feature; new categories above ${s.triggers.new_category_share_pct}% of predictions; each on the trailing ${s.window_days} days once they hold ${int(s.min_window_rows)} predictions`},
  ];
  return simpleTable(rows, [
    {label: "Element", value: (r) => r.item},
    {label: "Specification", value: (r) => r.spec},
  ]);
}

/** The production window week by week: accuracy against validation, the largest critical drift, critical values missing, new categories. */
export function weeklyTable(ret: RetrainingTable): HTMLDivElement {
  return simpleTable(
    ret.buildup.weeks,
    [
      {label: "Week", value: (w) => `${w.start} to ${w.end}${w.days < 7 ? ` (${w.days} days)` : ""}`, nowrap: true},
      {label: "Predictions", value: (w) => int(w.rows), align: "right"},
      {label: "RMSE", value: (w) => (w.rmse === null ? "n/a" : usd(w.rmse)), align: "right"},
      {label: "vs validation", value: (w) => shift(w.rmse_increase_pct), align: "right"},
      {label: "Largest critical drift", value: (w) => (w.drift_pct === null ? "n/a" : `${pct1(w.drift_pct)} (${w.drift_feature})`)},
      {label: "Critical values missing", value: (w) => pct1(w.critical_missing_pct), align: "right"},
      {label: "New categories", value: (w) => pct1(w.new_category_pct), align: "right"},
    ],
    "compact",
  );
}

/** The brief's three triggers, on all predictions and on the last trailing window, each fired or not. */
export function triggerTable(ret: RetrainingTable): HTMLDivElement {
  const today = last(ret.daily, "trigger days");
  const lastValue: Record<TriggerId, number | null> = {rmse: today.rmse_increase_pct, critical_drift: today.drift_pct, new_categories: today.new_category_pct};
  const lastSubject: Record<TriggerId, string | null> = {rmse: null, critical_drift: today.drift_feature ? `${today.drift_feature}, ${today.drift_measure}` : null, new_categories: null};
  const about = (subject: string | null) => (subject ? ` (${subject})` : "");
  return simpleTable(ret.current.triggers, [
    {label: "Trigger", value: (t) => t.name},
    {label: "Measured as", value: (t) => t.measure},
    {label: "Fires above", value: (t) => `${t.threshold_pct}%`, align: "right"},
    {label: `All ${ret.window.days} days`, value: (t) => `${pct1(t.value_pct)}${about(t.subject)}`},
    {label: "", value: (t) => firedCell(t.fired)},
    {label: `Last ${ret.settings.window_days} days`, value: (t) => `${pct1(lastValue[t.id])}${about(lastSubject[t.id])}`},
    {label: "", value: (t) => firedCell(today.fired[t.id])},
  ]);
}

/** The critical features: their share of |β|·SD, their drift on the whole window, and whether it passes the trigger. */
export function criticalTable(ret: RetrainingTable): HTMLDivElement {
  const drift = keyed(ret.current.critical, (f) => f.feature, "critical-feature drift of");
  return simpleTable(
    ret.critical.features,
    [
      {label: "Rank", value: (f) => int(f.rank), align: "right"},
      {label: "Feature", value: (f) => f.feature},
      {label: "Share of |β|·SD", value: (f) => pct(f.share), align: "right"},
      {label: "Mean shift", value: (f) => (drift.get(f.feature).near_zero_mean ? "not used" : shift(drift.get(f.feature).mean_shift_pct)), align: "right"},
      {label: "SD change", value: (f) => shift(drift.get(f.feature).sd_change_pct), align: "right"},
      {label: "Drift", value: (f) => `${pct1(drift.get(f.feature).drift_pct)} (${drift.get(f.feature).measure ?? "n/a"})`},
      {label: `> ${ret.settings.triggers.critical_drift_pct}%`, value: (f) => firedCell(drift.get(f.feature).fired)},
    ],
    "compact",
  );
}

/** Each schedule's retrains a year, per-retrain and annual cost. */
export function scheduleTable(ret: RetrainingTable): HTMLDivElement {
  return simpleTable(scheduleRows(ret), [
    {label: "Schedule", value: (r) => r.schedule},
    {label: "Retrains a year", value: (r) => r.n, align: "right"},
    {label: "Per retrain", value: (r) => dollars(r.per), align: "right"},
    {label: "Annual cost", value: (r) => r.annual, align: "right"},
  ]);
}

/** The brief's stated annual costs against what its own inputs give, and the per-retrain cost each stated figure implies. */
export function briefTable(ret: RetrainingTable): HTMLDivElement {
  const per = ret.costs.per_retrain_usd;
  const wholeCents = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
  return simpleTable(ret.costs.brief, [
    {label: "Schedule", value: (b) => scheduleName[b.schedule]},
    {label: "Brief states", value: (b) => dollars(b.brief_usd), align: "right"},
    {label: "Its inputs give", value: (b) => `${b.retrains_per_year} × ${dollars(per)} = ${dollars(b.computed_usd)}`, align: "right"},
    {label: "Difference", value: (b) => dollars(b.difference_usd), align: "right"},
    {label: "Implied per retrain", value: (b) => `${dollars(b.brief_usd)} ÷ ${b.retrains_per_year}${wholeCents(b.implied_per_retrain_usd) ? ` = ${dollars(b.implied_per_retrain_usd)}` : ` ≈ ${usd(b.implied_per_retrain_usd)}`}`, align: "right"},
  ]);
}
