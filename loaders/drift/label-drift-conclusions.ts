import {config} from "../config.js";
import {fixed, int, list, pct, present, signedPct, usd} from "../shared/index.js";
import {correctionName} from "./conclusions.js";
import type {PredictionDrift} from "./prediction-drift.js";
import type {SegmentMix, SegmentMixReport} from "./segment-mix.js";
import type {TargetDrift} from "./target-drift.js";
import type {ValueDrift} from "./value-drift.js";

/**
 * The sentences of the Drift page's sections on the segment mix, the target
 * and the predictions (kept beside the page's other conclusions.ts so the two
 * can change apart), generated from the figures alone.
 */

const nouns = {category: ["category", "categories"], brand: ["brand", "brands"]} as const;

/** A p-value readable at any size: 0.042, 3.1e−7. */
export function pValue(p: number): string {
  if (p >= 0.001) return fixed(p, 3);
  if (p === 0) return "< 1e−300";
  return p.toExponential(1).replace("e-", "e−");
}

/** A change of share in percentage points: +1.2 points, −4.5 points. */
const sharePoints = (change: number) => `${change < 0 ? "−" : "+"}${fixed(Math.abs(change) * 100, 1)} points`;

/** Section "Category and brand mix": one sentence group per dimension. */
export function segmentMixConclusion(r: SegmentMixReport): string {
  return r.dimensions.map((d) => dimensionSentence(d, r)).join(" ");
}

function dimensionSentence(d: SegmentMix, r: SegmentMixReport): string {
  const [one, many] = nouns[d.dimension];
  if (!d.known) return `Whether the ${one} mix moved cannot be told: the training statistics have no ${one} counts.`;
  if (d.psi === null || d.psi_level === null) return `The ${one} mix cannot be compared: ${d.prod_rows === 0 ? "production has no rows" : "training has no rows"}.`;
  const fresh = d.segments.filter((s) => s.new);
  const known = d.segments.filter((s) => !s.new);
  const parts = [
    `${capitalize(one)} mix: PSI ${fixed(d.psi, 3)} (${d.psi_level}; an empty share counted as ${r.psi_epsilon}` +
      (fresh.length && d.psi_new !== null ? `; each new ${one} is its own bin, and their bins give ${fixed(d.psi_new, 3)} of it, ${fixed(d.psi - d.psi_new, 3)} coming from the ${many} seen in training` : "") +
      ").",
  ];
  const c = d.chi_square;
  if (c === null) parts.push(`With fewer than two ${many} seen in training, no chi-square test is possible.`);
  else {
    const rule = `p = ${pValue(c.p_value)} against ${fixed(c.alpha, 4).replace(/0+$/, "")}, the ${pct(r.alpha, 0)} level Bonferroni-corrected over ${r.tests} dimension${r.tests === 1 ? "" : "s"}`;
    parts.push(
      `Among the ${known.length} ${many} seen in training, ` +
        (c.rejects
          ? `production's ${int(c.rows)} rows are mixed differently from training (chi-square ${fixed(c.statistic, 2)}, df ${c.df}, ${rule})`
          : `the test does not reject training's mix for production's ${int(c.rows)} rows (chi-square ${fixed(c.statistic, 2)}, df ${c.df}, ${rule}): no difference is detectable at this sample size, which is not proof of none`) +
        (c.rows_excluded > 0 ? `; the ${int(c.rows_excluded)} rows of ${fresh.length === 1 ? `the new ${one}` : `the ${fresh.length} new ${many}`} are left out of the test, having no training share.` : ".") +
        ` The two-sample test, which allows for the training counts' own noise, ${c.two_sample.rejects ? (c.rejects ? "also rejects it" : "rejects it") : c.rejects ? "does not reject it" : "does not reject it either"} (p = ${pValue(c.two_sample.p_value)}).` +
        (c.approximation_ok ? "" : ` The smallest expected count is ${fixed(c.min_expected, 1)}, below ${r.min_expected}, so the chi-square approximation of the p-value is doubtful.`),
    );
  }
  const moved = [...known].sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 3);
  if (moved.length) parts.push(`The largest changes among known ${many}: ${list(moved.map((s) => `${s.segment} ${pct(s.train_share)} → ${pct(s.prod_share)} (${sharePoints(s.change)})`))}.`);
  if (fresh.length) parts.push(`New: ${list(fresh.map((s) => `${s.segment} ${pct(s.prod_share)}`))} of production.`);
  return parts.join(" ");
}

/** The moments and tests of one column against the training target, in one clause. */
function driftClause(v: ValueDrift): string {
  const parts: string[] = [];
  if (v.prod_mean !== null) parts.push(`mean ${usd(v.train_mean)} → ${usd(v.prod_mean)}${v.mean_shift_pct === null ? "" : ` (${signedPct(v.mean_shift_pct)})`}`);
  if (v.prod_sd !== null) parts.push(`SD ${usd(v.train_sd)} → ${usd(v.prod_sd)}${v.sd_change_pct === null ? "" : ` (${signedPct(v.sd_change_pct)})`}`);
  if (v.psi !== null && v.psi_level !== null) parts.push(`PSI ${fixed(v.psi, 3)} (${v.psi_level})`);
  if (v.ks !== null) parts.push(`KS ≈ ${fixed(v.ks, 3)}${v.ks_critical === null ? "" : ` (${v.ks_beyond_noise ? "above" : "not above"} its critical value ${fixed(v.ks_critical, 3)})`}`);
  if (v.wasserstein_sd !== null) parts.push(`Wasserstein ${fixed(v.wasserstein_sd, 3)} SD`);
  return list(parts);
}

/** Section "Target drift": how far actual prices moved, and how much of the RMSE rise their mix explains. */
export function targetConclusion(t: TargetDrift): string {
  if (t.unavailable !== null || t.drift === null) return `Target drift cannot be computed: ${t.unavailable ?? "no actual prices"}.`;
  const parts = [`Actual prices against training: ${driftClause(t.drift)}.`];
  const m = t.price_mix;
  if (m === null) return parts.join(" ");
  if (m.unavailable !== null || m.reweighted_rmse === null || m.mix_effect === null) {
    parts.push(`How much of the RMSE the price mix explains cannot be computed: ${m.unavailable ?? "no reweighted figure"}.`);
    return parts.join(" ");
  }
  const at = `Reweighted to training's price mix (the ${m.bins.length} bins between training price quantiles), production RMSE would be ${usd(m.reweighted_rmse)} against ${usd(m.overall_rmse)} at production's`;
  const effect = Math.abs(m.mix_effect);
  if (m.rise <= 0) parts.push(`${at}; RMSE is not above validation (${usd(m.validation_rmse)}), so there is no rise to explain.`);
  else if (m.mix_effect >= 0 && m.mix_share_of_rise !== null)
    parts.push(`${at}: the move of the price mix accounts for ${usd(effect)} (${pct(m.mix_share_of_rise)}) of the ${usd(m.rise)} rise over validation (${usd(m.validation_rmse)}); the rest arises within price bins.`);
  else
    parts.push(
      `${at}: the move of the price mix lowers the RMSE by ${usd(effect)}, so it explains none of the ${usd(m.rise)} rise over validation (${usd(m.validation_rmse)}); at training's mix the rise would be ${usd(m.reweighted_rmse - m.validation_rmse)}, all of it within price bins.`,
    );
  return parts.join(" ");
}

/** Section "Prediction drift". */
export function predictionConclusion(p: PredictionDrift): string {
  if (p.unavailable !== null || p.overall === null) return `Prediction drift cannot be computed: ${p.unavailable ?? "no predictions"}.`;
  const parts = [`Predictions against the training target: ${driftClause(p.overall)}.`];
  if (p.expected_sd !== null && p.overall.prod_sd !== null)
    parts.push(`Without any drift their SD would be about ${usd(p.expected_sd)} (√R² of validation × the training SD, since predictions omit the model's error), so ${p.overall.prod_sd < p.expected_sd ? `${usd(p.expected_sd - p.overall.prod_sd)} of the SD's fall is beyond that` : "the SD has not fallen beyond that"}.`);
  // Beyond the critical value means "not the training target's distribution", which predictions never quite are: say what that can and cannot show.
  if (p.overall.ks_beyond_noise)
    parts.push(
      "Their distribution differs from the training target's beyond sampling noise, but predictions never quite follow the target: how much of this gap the model had already in training cannot be told, since the training statistics hold no prediction quantiles; a change over time is the stronger signal.",
    );
  const days = p.daily.length;
  const {correction, familyAlpha} = config.driftAnalysis.multipleTesting;
  // What the correction promises over the family of days, said as it is: a family-wise bound, or a false-discovery share.
  const promise =
    correction === "bonferroni"
      ? `so the chance that any day exceeds it when nothing drifted stays below ${pct(familyAlpha, 0)}`
      : `so the expected share of flagged days that are chance alone stays below ${pct(familyAlpha, 0)}`;
  const medianRows = median(p.daily.map((d) => d.n));
  const medianCritical = median(present(p.daily, "ks_critical").map((d) => d.ks_critical));
  if (days > 0) {
    const flagged = p.daily.filter((d) => d.ks_beyond_noise).map((d) => d.date);
    parts.push(
      flagged.length === 0
        ? `By day, the approximate KS distance stays within its critical value on all ${int(days)} days` +
          (medianCritical === null || medianRows === null ? "." : `; with a median of ${Number(medianRows.toFixed(1))} rows a day, a day is flagged only past a KS distance of about ${fixed(medianCritical, 2)}, so the daily test sees large shifts only.`)
        : `By day, the approximate KS distance exceeds its critical value on ${int(flagged.length)} of ${int(days)} days${flagged.length <= 5 ? ` (${list(flagged)})` : ""}; ` +
          `each day is tested at ${fixed(p.daily_alpha * 100, 3)}% (${correctionName(correction)}-corrected ${pct(familyAlpha, 0)} over the ${int(days)} days), ${promise}.`,
    );
  }
  return parts.join(" ");
}

/** The middle value (the mean of the middle two for an even count); null for none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
