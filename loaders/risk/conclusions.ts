import {config} from "../config.js";
import {dollars, int, list, pct, plural, present, usd, midSentence} from "../shared/index.js";
import type {FallbackRule} from "./fallback.js";
import type {RiskRow} from "./matrix.js";
import type {RollbackPlan} from "./rollback.js";
import type {SanityCheck} from "./sanity.js";

export interface RiskConclusions {
  matrix: string;
  fallback: string;
  sanity: string;
  rollback: string;
  summary: string;
}


export function matrixConclusion(rows: readonly RiskRow[]): string {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  const top = sorted.filter((r) => r.score === sorted[0].score);
  const rest = sorted.filter((r) => r.score < sorted[0].score);
  const rate = (r: RiskRow) => `${midSentence(r.name)} (${r.likelihood} likelihood, ${r.impact} impact)`;
  return `Highest priority: ${list(top.map(rate))}. ${rest.length ? `Then ${list(rest.map(rate))}.` : ""}`.trim();
}

export function fallbackConclusion(f: FallbackRule, validationRmse: number): string {
  const [model, signal, review] = f.branches;
  const money = (x: number | null) => (x === null ? "n/a" : usd(x));
  const out = [
    `On this log, ${plural(model.n, "row")} (${pct(model.share)}) have every critical feature and get the model: RMSE ${money(model.model_rmse)}, against ${usd(validationRmse)} in validation.`,
  ];
  const missing = signal.n + review.n;
  if (missing === 0) return `${out[0]} No row misses a critical feature, so the fallback never applies.`;
  if (f.signals.length === 0) {
    out.push(`No price-like input beats the model on the ${plural(missing, "row")} missing a critical feature, so they keep the model's imputed prediction, flagged for review (model RMSE ${money(review.model_rmse)}).`);
  } else {
    const order = f.signals.map((s) => `${s.feature} (${usd(s.rmse)} alone)`);
    out.push(
      `On the ${plural(missing, "row")} missing a critical feature the model's RMSE is ${money(affectedRmse(f))}; the price signals that beat it, tried in order, are ${list(order)}.`,
      `They price ${plural(signal.n, "row")} at an RMSE of ${money(signal.served_rmse)} (the model: ${money(signal.model_rmse)})${review.n ? `; the other ${plural(review.n, "row")} have none and are flagged for review (model RMSE ${money(review.model_rmse)})` : ""}.`,
    );
  }
  out.push(`Served by the rule, the log's RMSE would be ${usd(f.served_by_rule_rmse)} instead of ${usd(f.served_today_rmse)}.`);
  return out.join(" ");
}

/** The model's RMSE over the rows missing a critical feature (the signal and review branches pooled). */
function affectedRmse(f: FallbackRule): number | null {
  // A branch with rows has the model's RMSE on them.
  const parts = present(
    f.branches.filter((b) => b.tier !== "model"),
    "model_rmse",
  );
  const n = parts.reduce((s, b) => s + b.n, 0);
  return n === 0 ? null : Math.sqrt(parts.reduce((s, b) => s + b.n * b.model_rmse ** 2, 0) / n);
}

export function sanityConclusion(s: SanityCheck): string {
  const b = s.brief;
  const range = `${dollars(b.min)}–${dollars(b.max)}`;
  const out = [
    `The ${range} check would reject ${plural(b.rejected, "prediction")} (${pct(b.rejected / s.rows)}): ${b.rejected_below} below ${dollars(b.min)} and ${b.rejected_above} above ${dollars(b.max)}.`,
    `But ${plural(b.actual_outside, "actual price")} (${pct(b.actual_outside / s.rows)}) lie outside the range (${b.actual_below} below, ${b.actual_above} above)${s.training_share_below === null || s.training_share_above === null ? "" : `, as do about ${pct(s.training_share_below)} of training prices below ${dollars(b.min)} and ${pct(s.training_share_above)} above ${dollars(b.max)}`}.`,
    b.rejected === 0 ? "" : `Of the ${plural(b.rejected, "rejection")}, ${b.wrong_rejections} would be wrong (the real price is outside the range too) and ${b.right_rejections} right.`,
  ];
  // Both RMSEs are there exactly when some rejected row has a signal.
  const signalRmse = s.rejected_signal_rmse;
  const modelRmse = s.rejected_model_rmse;
  if (s.rejected_with_signal > 0 && signalRmse !== null && modelRmse !== null) {
    const worse = signalRmse > modelRmse;
    out.push(`Served the fallback's price signal instead (available for ${s.rejected_with_signal} of them), the rejected rows would have an RMSE of ${usd(signalRmse)} against the model's ${usd(modelRmse)}${worse ? ": rejecting them makes their prices worse" : ""}.`);
  }
  if (s.training_range) {
    const t = s.training_range;
    const real = t.actual_outside === 0 ? "no real price" : plural(t.actual_outside, "real price");
    const better = t.wrong_rejections < b.wrong_rejections;
    out.push(`The training prices' own range (${usd(t.min)}–${usd(t.max)}) would reject ${plural(t.rejected, "prediction")} and ${real}${better ? `: it, not ${range}, catches nonsense without rejecting real prices` : ""}.`);
  }
  return out.filter(Boolean).join(" ");
}

export function rollbackConclusion(r: RollbackPlan): string {
  const a = r.alerts;
  const ab = r.ab;
  // The first day over the line is there exactly when some day was.
  const first = a.first_over;
  const alerts =
    first === null
      ? `The alert-frequency criterion (more than ${r.criteria.alerts_per_day} alerts a day) never fired in the replay (at most ${a.max_per_day} a day).`
      : `The alert-frequency criterion (more than ${r.criteria.alerts_per_day} alerts a day) would have fired on ${a.days_over} of ${plural(a.days, "day")}, first on ${first.date} (day ${first.day}): deployed as it is, the model would have been rolled back${first.day <= 7 ? " in its first week" : ""}.`;
  // Both durations need a daily volume.
  if (ab.days_to_min_window === null || ab.days_to_detect === null) return `${alerts} The log has no daily volume to size an A/B test with.`;
  const split = `A ${pct(ab.traffic_share, 0)} A/B test gets ${ab.arm_rows_per_day.toFixed(1)} predictions a day at this volume: ${plural(ab.days_to_min_window, "day")} before its arm holds the ${ab.min_window_rows} predictions monitoring judges on, and about ${int(ab.rows_to_detect)} predictions (${plural(ab.days_to_detect, "day")}) before a ${r.criteria.rmse_over_old_pct}% RMSE difference stands out (${pct(ab.confidence, 0)} one-sided).`;
  // Longer than the time between monthly retrains: the test could not finish before the next model arrives.
  const advice = ab.days_to_detect > 365 / config.retraining.retrainsPerYear.monthly ? ` At this volume the RMSE criterion needs shadow scoring (both models score all traffic, only one serves) next to the ${pct(ab.traffic_share, 0)} split, which then guards the business metrics.` : "";
  return `${alerts} ${split}${advice}`;
}

export function summaryConclusion(rows: readonly RiskRow[], s: SanityCheck): string {
  const high = rows.filter((r) => r.score === Math.max(...rows.map((x) => x.score)));
  return `Top risks: ${list(high.map((r) => midSentence(r.name)))}; the ${dollars(config.risk.sanityRangeUsd.min)}–${dollars(config.risk.sanityRangeUsd.max)} sanity check would wrongly reject ${s.brief.wrong_rejections} of its ${s.brief.rejected} rejections.`;
}
