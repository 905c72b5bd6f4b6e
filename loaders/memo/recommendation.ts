import {config} from "../config.js";
import {dollars, int, list, midSentence, pct, present, usd} from "../shared/index.js";
import {triggersById, type RetrainingTable} from "../retraining/index.js";
import type {RiskTable} from "../risk/index.js";

export type Decision = "go" | "go_with_conditions" | "no_go";

export interface Benchmarks {
  validation_rmse: number;
  expected_low: number;
  expected_high: number;
  acceptable: number;
  observed_rmse: number;
  observed_ci_low: number | null;
  observed_ci_high: number | null;
  /** Rows with every critical feature present: the model when its inputs arrive. */
  complete_rows_rmse: number | null;
  complete_rows_share: number;
}

/** A condition for going live, with the figure that calls for it. */
export interface Condition {
  id: "retrain" | "inputs" | "fallback" | "new_categories" | "sanity" | "shadow" | "latency";
  text: string;
}

export interface Recommendation {
  decision: Decision;
  label: string;
  /** The go / no-go sentence, with its figures: the label, then the reason. */
  headline: string;
  reason: string;
  conditions: Condition[];
  /** The rule that decided, in words. */
  rule: string;
}

export const decisionLabels: Record<Decision, string> = {go: "Go", go_with_conditions: "Go with conditions", no_go: "No-go as is"};

/**
 * The rule: no-go when the observed RMSE is at or above the acceptable line;
 * go with conditions when it is below it but above the expected range or a
 * retraining trigger fired; go otherwise. The conditions are those the
 * figures call for, in the order they should be met.
 */
export function decide(b: Benchmarks, firedTriggers: number): Decision {
  if (b.observed_rmse >= b.acceptable) return "no_go";
  if (b.observed_rmse > b.expected_high || firedTriggers > 0) return "go_with_conditions";
  return "go";
}

/** Days the daily p95 latency broke the serving budget (monitoring's latency rule). */
export interface LatencyRecord {
  red_days: number;
  budget_ms: number;
}

export function recommendation(b: Benchmarks, retraining: RetrainingTable, risk: RiskTable, latency: LatencyRecord, sourceLabel: (source: string) => string): Recommendation {
  const fired = retraining.current.triggers.filter((t) => t.fired === true);
  const decision = decide(b, fired.length);
  const interval = b.observed_ci_low !== null && b.observed_ci_high !== null ? ` (95% interval ${usd(b.observed_ci_low)}–${usd(b.observed_ci_high)})` : "";
  const vsAcceptable =
    b.observed_rmse >= b.acceptable
      ? `at or above the acceptable ${dollars(b.acceptable)}${b.observed_ci_low !== null && b.observed_ci_low >= b.acceptable ? ", and so is its whole interval" : ""}`
      : b.observed_rmse > b.expected_high
        ? `below the acceptable ${dollars(b.acceptable)} but above the expected ${dollars(b.expected_low)}–${dollars(b.expected_high)}`
        : `within the expected ${dollars(b.expected_low)}–${dollars(b.expected_high)}`;
  const triggers = fired.length ? `${fired.length} of ${retraining.current.triggers.length} retraining triggers fired` : "no retraining trigger fired";
  const reason = `production RMSE is ${usd(b.observed_rmse)}${interval}, ${vsAcceptable} (validation ${usd(b.validation_rmse)}); ${triggers}.`;
  return {
    decision,
    label: decisionLabels[decision],
    headline: `${decisionLabels[decision]}: ${reason}`,
    reason,
    conditions: decision === "go" ? [] : conditions(b, retraining, risk, latency, sourceLabel),
    rule: `No-go when the observed RMSE is at or above ${dollars(b.acceptable)}; go with conditions when it is below but above ${dollars(b.expected_high)} or a retraining trigger fired; go otherwise.`,
  };
}

function conditions(b: Benchmarks, retraining: RetrainingTable, risk: RiskTable, latency: LatencyRecord, sourceLabel: (source: string) => string): Condition[] {
  const out: Condition[] = [];
  const p = retraining.protocol;
  // A trigger that fired was judged on a value.
  const fired = present(retraining.current.triggers, "value_pct").filter((t) => t.fired === true);
  const m = config.monitoring.alerts.missingRate;
  if (fired.length || p.schedule.retrain_before_deploy) {
    out.push({
      id: "retrain",
      text: `Retrain on the latest ${p.window.recommended === "rolling" ? `${int(p.window.days)} days` : "data"} and show RMSE below ${dollars(b.acceptable)} on a ${p.validation.holdout_days}-day time-based holdout (${list(fired.map((t) => `${midSentence(t.name)} ${t.value_pct.toFixed(1)}%`))}).`,
    });
  }
  const sources = Object.entries(risk.source_missing_pct).filter(([, v]) => v > m.yellow).sort((a, c) => c[1] - a[1]);
  if (sources.length) {
    const complete = b.complete_rows_rmse;
    const sound = complete !== null && complete < b.acceptable;
    out.push({
      id: "inputs",
      text: `Restore the feature feeds: ${list(sources.map(([s, v]) => `${sourceLabel(s)} ${v.toFixed(1)}% missing`))} (monitoring's yellow line: ${m.yellow}%).${sound ? ` With every critical feature present the model's RMSE is ${usd(complete)} (${pct(b.complete_rows_share)} of rows).` : ""}`,
    });
  }
  const f = risk.fallback;
  const [, signal] = f.branches;
  if (signal.n > 0 && f.served_by_rule_rmse < f.served_today_rmse) {
    out.push({id: "fallback", text: `When a critical feature is missing, serve the first available price signal (${list(f.signals.map((s) => s.feature))}): RMSE ${usd(f.served_by_rule_rmse)} instead of ${usd(f.served_today_rmse)} on this log.`});
  }
  const newCats = triggersById(retraining.current).new_categories;
  if (newCats.value_pct !== null && newCats.value_pct > 0 && newCats.subject) {
    out.push({id: "new_categories", text: `Flag the new categories (${newCats.subject}: ${newCats.value_pct.toFixed(1)}% of volume) and price them with the fallback until a retrain includes them.`});
  }
  const s = risk.sanity;
  if (s.brief.wrong_rejections > 0 && s.training_range && s.training_range.wrong_rejections < s.brief.wrong_rejections) {
    out.push({id: "sanity", text: `Set the sanity range to the training prices (${usd(s.training_range.min)}–${usd(s.training_range.max)}), not ${dollars(s.brief.min)}–${dollars(s.brief.max)}: ${s.brief.wrong_rejections} of its ${s.brief.rejected} rejections would be wrong.`});
  }
  const ab = risk.rollback.ab;
  if (ab.days_to_detect !== null && ab.days_to_detect > 365 / config.retraining.retrainsPerYear.monthly) {
    out.push({id: "shadow", text: `Shadow-score each new model on all traffic beside the ${pct(ab.traffic_share, 0)} A/B test, which alone needs ${int(ab.days_to_detect)} days to see a ${risk.rollback.criteria.rmse_over_old_pct}% RMSE difference.`});
  }
  if (latency.red_days > 0) {
    out.push({id: "latency", text: `Time out feature calls at their latency budgets and serve the fallback (p95 latency over ${latency.budget_ms} ms on ${int(latency.red_days)} ${latency.red_days === 1 ? "day" : "days"}).`});
  }
  return out;
}
