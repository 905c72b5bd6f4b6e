import {format} from "d3";
import {config} from "../config.js";
import {fixed, int, list, maxBy, pct, present, signedNum, signedPct, signedUsd, usd} from "../shared/index.js";
import type {CorrelationPair, CorrelationReport} from "./correlation.js";
import type {DistributionTable} from "./distribution-table.js";
import type {ImpactReport} from "./impact.js";
import type {MissingnessReport} from "./missingness.js";
import type {NewSegmentsByDimension} from "./new-segments.js";

/**
 * The drift page's conclusion sentences, one per section, generated from the
 * figures alone: new inputs give new sentences.
 */

const {severeMeanShiftPct, severeSdChangePct} = config.drift;
const c = config.driftAnalysis;

export interface ShiftFigures {
  feature_count: number;
  severe_count: number;
  features: {
    feature: string;
    source: string;
    severe: boolean;
    mean_shift_pct: number | null;
    sd_change_pct: number | null;
    pct_meaningful: boolean;
    mean_shift_sd: number | null;
  }[];
}

/** Section "% change in mean and SD, severe drift". */
export function shiftConclusion(f: ShiftFigures): string {
  const rule = `mean shift above ${severeMeanShiftPct}% or SD change above ${severeSdChangePct}%`;
  const shifted = present(f.features, "mean_shift_pct");
  const topMean = maxBy(
    shifted.filter((x) => x.pct_meaningful),
    (x) => Math.abs(x.mean_shift_pct),
  );
  const topSd = maxBy(present(f.features, "sd_change_pct"), (x) => Math.abs(x.sd_change_pct));
  const parts: string[] = [];
  if (f.severe_count === 0) parts.push(`No feature of ${f.feature_count} drifts severely (${rule}).`);
  else {
    const severe = f.features.filter((x) => x.severe);
    const sources = countBy(severe, (x) => x.source);
    const untouched = [...new Set(f.features.map((x) => x.source))].filter((s) => !sources.has(s)).sort();
    parts.push(
      `${f.severe_count} of ${f.feature_count} features drift severely (${rule}): ${list([...sources].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${n} ${s}`))}` +
        `${untouched.length ? `, none from ${list(untouched)}` : ""}.`,
    );
  }
  const largest: string[] = [];
  if (topMean) largest.push(`the largest mean shift is ${topMean.feature}'s (${signedPct(topMean.mean_shift_pct)})`);
  if (topSd) largest.push(`the largest SD change ${topSd.feature}'s (${signedPct(topSd.sd_change_pct)})`);
  if (largest.length) parts.push(capitalize(list(largest)) + ".");
  const nearZero = shifted.filter((x) => !x.pct_meaningful);
  if (nearZero.length) {
    const each = nearZero.map((x) => `${x.feature} (${signedPct(x.mean_shift_pct)}${x.mean_shift_sd === null ? "" : `, which is ${signedNum(x.mean_shift_sd, 2)} training SD`})`);
    parts.push(
      `The % mean shift of ${list(each)} is not meaningful: the training mean is within ${c.nearZeroMeanSd} SD of zero, so ${nearZero.length > 1 ? "these features are" : "the feature is"} judged by ${nearZero.length > 1 ? "their" : "its"} shift in SDs.`,
    );
  }
  return parts.join(" ");
}

/** Section "Which drift matters": importance × shift. */
export function impactConclusion(impact: Pick<ImpactReport, "features" | "high_risk" | "missed_by_pct_rule" | "net_prediction_shift" | "severe_share_of_shift">): string {
  const ranked = present(impact.features, "prediction_shift");
  const top = ranked.at(0);
  if (!top) return "No feature has production values, so drift's effect on predictions cannot be measured.";
  const lead = "Ranked by the shift its drift alone causes in the average prediction (β × change in mean)";
  const parts: string[] = [];
  const topSevere = present(impact.high_risk, "prediction_shift").at(0);
  if (top.severe) {
    parts.push(`${lead}, the severe features are also the ones that matter: ${top.feature} moves it most, by ${signedUsd(top.prediction_shift)}.`);
  } else {
    const why = top.mean_shift_pct === null || !top.pct_meaningful ? "a shift the % rule cannot judge" : `a ${signedPct(top.mean_shift_pct)} mean shift the % rule does not flag`;
    parts.push(
      `${lead}, the largest is ${top.feature}'s (${signedUsd(top.prediction_shift)}, ${why})` +
        (topSevere ? `; the most consequential severe feature, ${topSevere.feature}, moves it by ${signedUsd(topSevere.prediction_shift)}.` : "; no feature is severe."),
    );
  }
  if (impact.high_risk.length && impact.severe_share_of_shift !== null) {
    parts.push(`The ${impact.high_risk.length} severe feature${impact.high_risk.length > 1 ? "s account" : " accounts"} for ${pct(impact.severe_share_of_shift)} of the total absolute shift;`);
    parts.push(`all mean shifts together move the average prediction by ${signedUsd(impact.net_prediction_shift)}.`);
  } else {
    parts.push(`All mean shifts together move the average prediction by ${signedUsd(impact.net_prediction_shift)}.`);
  }
  // A feature is missed by the % rule for a large shift in SDs, so it has one.
  const missed = present(impact.missed_by_pct_rule, "mean_shift_sd");
  if (missed.length) {
    const names = list([...missed.slice(0, 4).map((f) => `${f.feature} (${signedNum(f.mean_shift_sd, 1)} SD)`), ...(missed.length > 4 ? [`${missed.length - 4} more`] : [])]);
    parts.push(`${missed.length === 1 ? "One feature" : `${capitalize(count(missed.length, "feature"))}`} the % rule misses moved by at least ${c.largeShiftSd} training SD: ${names}.`);
  }
  return parts.join(" ");
}

/** Section "Distribution tests". */
export function distributionConclusion(d: Pick<DistributionTable, "unavailable" | "level_counts" | "ks_beyond_noise_count" | "features" | "unresolved" | "ks_tests">, severe: ReadonlySet<string>): string {
  // A tested feature has its PSI range and its KS distance.
  const tested = present(d.features, "psi", "psi_min", "psi_max", "ks");
  // The largest PSI proven: a discrete feature's point PSI is not a bound, its minimum is.
  const top = maxBy(tested, (f) => f.psi_min);
  // The table is unavailable exactly when no feature could be tested.
  if (d.unavailable || !top) return `Distribution tests cannot be computed: ${d.unavailable ?? "no feature could be tested"}.`;
  const {stable, moderate, major} = d.level_counts;
  const unresolved = d.unresolved.flatMap((name) => tested.filter((f) => f.feature === name));
  const parts = [
    `By PSI on the training quantile bins, ${count(major, "feature")} show${major === 1 ? "s" : ""} a major shift (≥ ${c.psiMajor}), ${moderate} a moderate one and ${stable} ${stable === 1 ? "is" : "are"} stable` +
      (unresolved.length
        ? `; for ${count(unresolved.length, "discrete feature")} the band is not resolved by the training quantiles (the PSI they allow spans a band edge: ` +
          `${list([...unresolved.slice(0, 3).map((f) => `${f.feature} ${fixed(f.psi_min, 3)} to ${fixed(f.psi_max, 2)}`), ...(unresolved.length > 3 ? [`${unresolved.length - 3} more`] : [])])}).`
        : ";"),
    `${unresolved.length ? "The" : "the"} largest is ${top.feature}'s (PSI ${top.psi_bracketed ? `at least ${fixed(top.psi_min, 2)}` : fixed(top.psi, 2)}, KS ≈ ${fixed(top.ks, 2)}${top.wasserstein_sd === null ? "" : `, Wasserstein ${fixed(top.wasserstein_sd, 2)} SD`}).`,
    `The approximate KS distance exceeds its critical value (${correctionName(c.multipleTesting.correction)}-corrected ${pct(c.multipleTesting.familyAlpha, 0)} over the ${count(d.ks_tests, "feature")} tested) for ${d.ks_beyond_noise_count === 0 ? "no feature" : count(d.ks_beyond_noise_count, "feature")}.`,
  ];
  const hidden = tested.filter((f) => f.psi_level === "major" && !severe.has(f.feature)).map((f) => f.feature);
  if (hidden.length) parts.push(`${capitalize(count(hidden.length, "feature"))} shift${hidden.length === 1 ? "s" : ""} majorly by PSI without being severe by the brief's % rule: ${list(hidden)}.`);
  else if (major > 0) parts.push("Every major PSI shift is also severe by the brief's % rule.");
  return parts.join(" ");
}

/** Section "Missing values": rates and the elevated features. */
export function missingConclusion(m: Pick<MissingnessReport, "train_rate" | "prod_rate" | "features" | "elevated" | "by_source">): string {
  const {elevatedRatio, elevatedPoints} = c.missing;
  const rule = `more than ${elevatedRatio}× the training rate and at least ${points(elevatedPoints)} points above it`;
  const total = m.features.length;
  const parts = [`Production is missing ${pct(m.prod_rate)} of feature values against ${pct(m.train_rate)} in training.`];
  // The elevated features' rows, in the report's order (highest production rate first).
  const elevated = m.elevated.flatMap((name) => m.features.filter((f) => f.feature === name));
  const named = (rows: readonly {feature: string; prod_rate: number}[]) => list(rows.map((f) => `${f.feature} (${pct(f.prod_rate)})`));
  const k = m.elevated.length;
  if (k === 0) parts.push(`No feature's missing rate is elevated (${rule}).`);
  else if (k <= 5) parts.push(`${capitalize(count(k, "feature"))} ${k === 1 ? "has an elevated rate" : "have elevated rates"} (${rule}): ${named(elevated)}.`);
  else {
    const rest = total - k;
    parts.push(
      `${k} of ${total} features have elevated rates (${rule})` +
        (k > total / 2 ? `, so the rise is broad rather than confined to a few features` : "") +
        (rest > 0 && rest <= 3 ? `; only ${list(m.features.filter((f) => !f.elevated).map((f) => f.feature))} ${rest === 1 ? "is" : "are"} not` : "") +
        `. The highest are ${named(elevated.slice(0, 3))}.`,
    );
  }
  const sources = [...m.by_source].sort((a, b) => b.prod_rate - a.prod_rate);
  if (sources.length > 1) {
    const [worst, ...others] = sources;
    parts.push(`By source, ${worst.source} features are missing the most (${pct(worst.prod_rate)}, against ${list(others.map((s) => `${pct(s.prod_rate)} ${s.source}`))}).`);
  }
  return parts.join(" ");
}

/** Section "Missing values by day": outage windows. */
export function outageConclusion(m: Pick<MissingnessReport, "outages">): string {
  const {outageMultiple, outageMinPoints} = c.missing;
  const rule = `a day above ${outageMultiple}× the source's median daily missing rate and at least ${points(outageMinPoints)} points above it`;
  if (m.outages.length === 0) return `No source had an outage (${rule}).`;
  const each = m.outages.map(
    (o) =>
      `${o.source} ${o.start === o.end ? `on ${o.start}` : `from ${o.start} to ${o.end}`} (${count(o.days, "day")}, ${pct(o.rate)} of its values missing against a median day's ${pct(o.baseline_rate)}; ` +
      `${o.rmse === null ? `no labels yet on its ${count(o.rows, "row")}` : `RMSE ${usd(o.rmse)} on ${count(o.rows, "row")}`} against ${o.rmse_other_days === null ? "no other days" : `${usd(o.rmse_other_days)} on the other days`})`,
  );
  return `${m.outages.length === 1 ? "One outage" : `${m.outages.length} outages`} (${rule}): ${list(each)}.`;
}

/** Section "Missing values and errors": does missingness correlate with the degradation? */
export function missingErrorConclusion(m: Pick<MissingnessReport, "by_feature_error" | "imputed_error" | "imputed_error_robust" | "outages">): string {
  const minRows = config.performance.minSegmentRows;
  const judged = present(m.by_feature_error, "rmse_missing", "rmse_present").filter((f) => f.n_missing >= minRows);
  const worse = judged.filter((f) => f.rmse_missing > f.rmse_present);
  const top = maxBy(judged, (f) => f.rmse_missing / f.rmse_present);
  const r = m.imputed_error;
  const correlates = r !== null && r.r > 0 && r.strength !== "negligible";
  const parts: string[] = [];
  if (r === null) parts.push("The link between missingness and error cannot be measured (no variation in imputed features or errors).");
  else {
    parts.push(
      correlates
        ? `Missingness correlates with the degradation, ${r.strength === "strong" ? "strongly" : r.strength === "moderate" ? "moderately" : "weakly"}: the number of imputed features in a row and its squared error have r = ${fixed(r.r, 2)} (${count(r.n, "row")}).`
        : `Missingness does not clearly correlate with the degradation: the number of imputed features in a row and its squared error have r = ${fixed(r.r, 2)} (${count(r.n, "row")}, ${r.strength}).`,
    );
  }
  const robust = m.imputed_error_robust;
  if (robust.spearman !== null) {
    parts.push(
      `Less swayed by a few large errors, the rank correlation of the imputed count with |error| is ρ = ${fixed(robust.spearman, 2)}${robust.spearman_strength === null ? "" : ` (${robust.spearman_strength})`}` +
        (robust.r_trimmed !== null && robust.trimmed_rows > 0 ? `, and without the ${count(robust.trimmed_rows, "largest squared error")} (${pct(c.missing.trimTopShare, 0)}) r = ${fixed(robust.r_trimmed, 2)}.` : "."),
    );
  }
  if (top) {
    parts.push(
      `Among the ${m.by_feature_error.length} most important features, ${worse.length === judged.length ? `all ${judged.length}` : `${worse.length} of the ${judged.length}`} with at least ${minRows} missing rows ${worse.length === 1 ? "has" : "have"} a higher RMSE when missing; ` +
        `the largest gap is ${top.feature}'s (${usd(top.rmse_missing)} missing, n = ${top.n_missing}, against ${usd(top.rmse_present)} present).`,
    );
  } else parts.push(`None of the ${m.by_feature_error.length} most important features is missing in ${minRows} rows or more, too few to compare RMSE.`);
  // An outage raises missingness and, on the same days, errors for reasons of its own: a confounder of both comparisons.
  if (m.outages.length) {
    const windows = list(m.outages.map((o) => `the ${o.source} outage ${o.start === o.end ? `on ${o.start}` : `from ${o.start} to ${o.end}`} (${o.rmse === null ? "no labels yet" : `RMSE ${usd(o.rmse)}`} against ${o.rmse_other_days === null ? "no other days" : usd(o.rmse_other_days)} on the other days)`));
    parts.push(
      `These comparisons are confounded by ${windows}: its days have both more missing values and larger errors, whatever the cause of either, so a missing-versus-present gap there is not the imputation's alone` +
        (robust.spearman_outside_outages !== null ? `; leaving out its ${count(robust.outage_rows, "row")}, ρ = ${fixed(robust.spearman_outside_outages, 2)} over the other ${int(robust.rows_outside_outages)}.` : "."),
    );
  }
  return parts.join(" ");
}

/** Section "Correlation structure". */
export function correlationConclusion(r: Pick<CorrelationReport, "unavailable" | "pairs_compared" | "beyond_noise_count" | "top_pairs" | "top_beyond_noise" | "alpha" | "correction" | "beyond_noise_doubtful">): string {
  if (r.unavailable) return `Correlation changes cannot be computed: ${r.unavailable}.`;
  const pair = (p: CorrelationPair) => `${p.a}–${p.b} (${fixed(p.train_r, 3)} → ${fixed(p.prod_r, 3)})`;
  const test = `Fisher z, ${correctionName(r.correction)}-corrected ${pct(r.alpha, 0)}`;
  const parts: string[] = [];
  if (r.beyond_noise_count === 0) parts.push(`Of ${int(r.pairs_compared)} feature pairs, none changed its correlation beyond sampling noise and training's imputation (${test}).`);
  else {
    const shown = r.top_beyond_noise.slice(0, 3);
    parts.push(
      `Of ${int(r.pairs_compared)} feature pairs, ${int(r.beyond_noise_count)} changed ${r.beyond_noise_count === 1 ? "its" : "their"} correlation beyond sampling noise and training's imputation (${test}): ` +
        `${list(shown.map(pair))}${r.beyond_noise_count > shown.length ? ` and ${r.beyond_noise_count - shown.length} more` : ""}.`,
    );
  }
  const k = r.beyond_noise_doubtful;
  if (k > 0) {
    const {fisherHighR, fisherSkewness} = c.correlation;
    parts.push(
      `${k === r.beyond_noise_count ? (k === 1 ? "It is a pair" : k === 2 ? "Both are pairs" : `All ${k} are pairs`) : k === 1 ? "1 of them is a pair" : `${k} of them are pairs`} of skewed features (Kelly skewness beyond ±${fisherSkewness}) at |r| ≥ ${fisherHighR}, ` +
        `where Fisher's z, which assumes bivariate normality, overstates significance: ${k === 1 ? "that flag says" : "those flags say"} the correlation moved, not that the move is beyond noise.`,
    );
  }
  const biggest = r.top_pairs[0];
  if (biggest && !biggest.beyond_noise) parts.push(`The largest change in r, ${pair(biggest)}, is within noise.`);
  else if (biggest) parts.push(`The largest change in r is ${pair(biggest)}.`);
  return parts.join(" ");
}

/** Section "New categories and brands". */
export function newSegmentsConclusion(dims: readonly NewSegmentsByDimension[]): string {
  return dims
    .map((d) => {
      const noun = d.dimension === "category" ? ["category", "categories"] : ["brand", "brands"];
      if (!d.known) return `Whether any ${noun[0]} is new cannot be told: the training statistics have no ${noun[0]} counts.`;
      const worst = maxBy(present(d.segments, "rmse"), (s) => s.rmse);
      if (d.segments.length === 0) return `No ${noun[0]} is new.`;
      // New segments have rows; an RMSE once some of them have their actual prices.
      if (!worst || d.rmse_new === null) return `${capitalize(count(d.segments.length, noun[0], noun[1]))} unseen in training (${list(d.segments.map((s) => s.segment))}) ${d.segments.length === 1 ? "makes" : "make"} up ${pct(d.share_new)} of production rows; none of their rows has its actual price yet, so their accuracy is not known.`;
      const k = d.segments.length;
      return (
        `${capitalize(count(k, noun[0], noun[1]))} unseen in training (${list(d.segments.map((s) => s.segment))}) ${k === 1 ? "makes" : "make"} up ${pct(d.share_new)} of production rows, ` +
        `with RMSE ${usd(d.rmse_new)} against ${d.rmse_seen === null ? "no rows" : usd(d.rmse_seen)} for ${noun[1]} seen in training` +
        (k > 1 ? ` (${worst.segment} alone ${usd(worst.rmse)}).` : ".")
      );
    })
    .join(" ");
}

/** The correction's name as the page writes it. */
export function correctionName(correction: "bonferroni" | "benjamini-hochberg"): string {
  return correction === "bonferroni" ? "Bonferroni" : "Benjamini–Hochberg";
}

/** A share as percentage points, without trailing zeros: 0.05 → "5". */
const points = (share: number) => format(".4~f")(share * 100);

function count(n: number, singular: string, plural = singular + "s"): string {
  return `${int(n)} ${n === 1 ? singular : plural}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function countBy<T>(items: readonly T[], key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}
