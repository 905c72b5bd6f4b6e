import type {DriftReport, NewSegmentsByDimension} from "../../loaders/drift/index.js";
import {fixed, int, num, pct, sig, signedNum, signedPct, usd} from "../shared/format.js";
import type {ContentsEntry} from "./contents.js";
import {el, nothing} from "./dom.js";
import {keyed} from "./lookup.js";

/** The Drift page's sentences that depend on what the data holds (the rest of its prose is in the page). */

const orDash = (x: number | null) => (x === null ? "—" : usd(x));

/** A share in percentage points, as the rules state it: 0.05 → 5. */
export const points = (x: number): number => Math.round(x * 100);

/** New categories or new brands (drift-report.json's `new_segments`, one entry per dimension). */
export function newSegmentsOf(report: DriftReport, dimension: NewSegmentsByDimension["dimension"]): NewSegmentsByDimension {
  return keyed(report.new_segments, (d) => d.dimension, "new-segment dimension").get(dimension);
}

/** How many quantiles per feature the training statistics hold, for the lead: "15 quantiles", or "no quantiles". */
export const quantileCount = (report: DriftReport): string => (report.distribution.probs ? `${report.distribution.probs.length} quantiles` : "no quantiles");
/** Whether the training statistics hold a correlation matrix, in words. */
export const correlationHeld = (report: DriftReport): string => (report.correlation.unavailable ? "no correlation matrix" : "a correlation matrix");

/** The training quantiles' probabilities, for the tests' method: "15, at 1, 5, 10, … %", or "none here". */
export function quantilePoints(report: DriftReport): string {
  const probs = report.distribution.probs;
  return probs ? `${probs.length}, at ${probs.map((p) => `${Math.round(p * 100)}`).join(", ")} %` : "none here";
}

/** Bins between consecutive training quantiles (one fewer than the quantiles), or "" without quantiles. */
export const binCount = (report: DriftReport): string => (report.distribution.probs ? `${report.distribution.probs.length - 1}` : "");

/** The correction's name as the page writes it. */
const correctionName = (c: DriftReport["settings"]["multiple_testing"]) => (c === "bonferroni" ? "Bonferroni" : "Benjamini–Hochberg");

/** The KS tests as one family: the correction, the family-wise level and the per-test level α′ it gives. */
export function ksFamilyNote(report: DriftReport): string {
  const s = report.settings;
  const dist = report.distribution;
  if (!dist.ks_tests) return "";
  return (
    `The ${int(dist.ks_tests)} features tested are one family: to keep the chance that any of them is flagged by noise alone below ${pct(s.ks_alpha, 0)}, ` +
    `each is judged at α′ = ${sig(dist.ks_level, 3)} (${correctionName(s.multiple_testing)}${s.multiple_testing === "bonferroni" ? `, ${pct(s.ks_alpha, 0)} / ${int(dist.ks_tests)}` : ""}); the correlation changes below follow the same rule over their pairs. ` +
    `Uncorrected, a ${pct(s.ks_alpha, 0)} test on each would flag about ${num(s.ks_alpha * dist.ks_tests, 1)} of them by chance even if none had drifted.`
  );
}

/** The empty-share floor and what it does: which features' reading depends on it, and how far the largest PSI moves. */
export function floorNote(report: DriftReport): string {
  const dist = report.distribution;
  const s = report.settings;
  const checked = dist.features.filter((f) => f.floor_checks !== null && f.psi !== null);
  if (!checked.length) return "";
  const floors = s.psi_epsilon_checks.map((e) => `${e}`);
  const top = checked.reduce((a, b) => ((b.psi ?? 0) > (a.psi ?? 0) ? b : a));
  const moved = (top.floor_checks ?? []).map((x) => `${fixed(x.psi, 2)} at ${x.epsilon}`);
  const dependent = dist.floor_dependent;
  return (
    `A share of 0 would make PSI infinite, so shares below ${s.psi_epsilon} count as ${s.psi_epsilon}: a convention, not a measurement. Recomputed with the floor at ${floors.join(" and ")}, ` +
    (dependent.length === 0 ? "no feature's reading changes" : `the reading of ${dependent.length === 1 ? "1 feature" : `${int(dependent.length)} features`} changes (${dependent.join(", ")}; "Band depends on floor" in the table)`) +
    `, while the largest PSIs move: ${top.feature}'s ${fixed(top.psi ?? 0, 2)} reads ${moved.join(" and ")}. The figures below use ${s.psi_epsilon}.`
  );
}

/** How many discrete features have a PSI range, and how many of those it leaves unresolved, for the tests' method. */
export function psiRangeNote(report: DriftReport): string {
  const dist = report.distribution;
  const bracketed = dist.features.filter((f) => f.psi_bracketed).length;
  if (!bracketed) return "No feature here has a point mass inside its bins, so every PSI is a single value.";
  const points = dist.features.filter((f) => f.point_masses).length;
  const unresolved = dist.unresolved.length;
  const bound = dist.features.filter((f) => f.psi_bracketed && f.psi_min_exact === false).length;
  return (
    `Here ${int(points)} features have point masses; for ${int(bracketed)} of them a point mass falls inside the bins (at the lowest or highest quantile value it changes no bin), ` +
    `and ${unresolved === 0 ? "none" : int(unresolved)} of these ${unresolved === 1 ? "is" : "are"} not resolved. ` +
    (bound ? `For ${int(bound)} the least PSI could not be attained and is shown as a proven lower bound.` : "Each least PSI shown is attained by a training distribution with these quantiles.")
  );
}

/** The features whose training mean is near zero, with their mean, SD and shift, or the sentence that there are none. */
export function nearZeroNote(report: DriftReport): string {
  const near = report.impact.near_zero;
  if (!near.length) return "No feature has such a mean here.";
  const rows = keyed(report.features, (f) => f.feature, "drift row of feature");
  const one = (f: (typeof near)[number]) => {
    const row = rows.get(f.feature);
    const shift = f.mean_shift_pct === null ? "no % change can be computed" : `its ${signedPct(f.mean_shift_pct)}`;
    const sd = f.mean_shift_sd === null ? "" : ` is ${signedNum(f.mean_shift_sd, 2)} training SD`;
    return `${f.feature} (training mean ${sig(row.train_mean, 3)}, SD ${sig(row.train_sd, 3)}: ${shift}${sd})`;
  };
  return `Here that is ${near.map(one).join(", ")}.`;
}

/** The lead-in to the second table of the impact section, when there is one. */
export function missedByPctIntro(report: DriftReport): string {
  return report.impact.missed_by_pct_rule.length
    ? `Not severe by the % rule, yet shifted by at least ${report.settings.large_shift_sd} training SD (a low-variance feature can move its whole distribution with a small % change):`
    : "";
}

/** The log's evidence on how the training matrix was made: r_prod / r_train over the strong pairs against what imputation predicts. */
export function imputationEvidence(report: DriftReport): string {
  const e = report.correlation.imputation_evidence;
  if (e === null) return "";
  return (
    `The log's evidence: over the ${int(e.pairs)} pairs with |r_train| > ${report.settings.correlation_evidence_min_r}, the median r_prod / r_train is ${num(e.median_ratio, 4)}, ` +
    `where shrinkage by imputation with independent missingness predicts ${num(e.predicted_ratio, 4)} and no imputation predicts 1 (a real change in production moves the ratio too, so this weighs the assumption, it does not settle it). `
  );
}

/** How production correlations are computed and when a change counts, as a paragraph; nothing to say when there is no training matrix. */
export function correlationMethod(report: DriftReport): HTMLParagraphElement | DocumentFragment {
  const corr = report.correlation;
  const miss = report.missingness;
  if (corr.unavailable) return nothing();
  return el(
    "p",
    {},
    "Production correlations are computed on ",
    el("strong", {}, "pairwise-complete"),
    ` rows (both features present). Imputing missing values with the mean would shrink every production correlation by roughly the missing rates (${pct(miss.prod_rate)} of values on average) and show up as a spurious "change". ` +
      (corr.adjusted_for_imputation
        ? `The training matrix is assumed to have been computed after mean imputation of about ${pct(miss.train_rate)} missing values: an assumption, read from the serving imputation ("${corr.imputation_field}"), as the statistics file does not say how its matrix was made. ` +
          `Such imputation shrinks it by up to ${pct(corr.max_imputation_shrinkage)} if features were missing independently (not at all if they were missing together); a change is counted only beyond that range. `
        : `The training matrix is assumed to have been computed without imputation (the serving imputation reads "${corr.imputation_field}"). `) +
      imputationEvidence(report) +
      "A change is ",
    el("strong", {}, "beyond noise"),
    ` when Fisher's z test rejects "same correlation" at ${pct(corr.alpha, 0)} after a ${correctionName(corr.correction)} correction for the ${int(corr.pairs_compared)} pairs compared (|z| > ${corr.z_critical === null ? "n/a" : num(corr.z_critical, 3)}).`,
  );
}

/** The accuracy of all rows in new categories and in new brands against the known ones. */
export function newSegmentsSummary(report: DriftReport): string {
  return report.new_segments
    .map((d) => {
      if (!d.known || !d.rows_new) return "";
      const kind = d.dimension === "category" ? "categories" : "brands";
      return `All rows in new ${kind}: RMSE ${orDash(d.rmse_new)} (${int(d.rows_new)} rows) against ${orDash(d.rmse_seen)} in ${kind} seen in training (${int(d.rows_seen)} rows); validation RMSE ${usd(report.validation_rmse)}.`;
    })
    .join(" ");
}

/** The page's sections and their conclusions, for its "On this page" list. */
export function driftContents(report: DriftReport): ContentsEntry[] {
  const c = report.conclusions;
  const ld = report.label_drift.conclusions;
  return [
    {id: "how-far-did-each-feature-move", title: "How far did each feature move?", conclusion: c.shift},
    {id: "which-drift-matters", title: "Which drift matters?", conclusion: c.impact},
    {id: "distribution-tests", title: "Distribution tests", conclusion: c.distribution},
    {id: "missing-values", title: "Missing values", conclusion: c.missing},
    {id: "by-day-outages", title: "Outages", conclusion: c.outage},
    {id: "does-missingness-go-with-the-errors", title: "Missingness and errors", conclusion: c.missing_error},
    {id: "correlation-structure", title: "Correlation structure", conclusion: c.correlation},
    {id: "new-categories-and-brands", title: "New categories and brands", conclusion: c.new_segments},
    {id: "category-and-brand-mix", title: "Category and brand mix", conclusion: ld.segment_mix},
    {id: "target-drift-actual-prices", title: "Target drift", conclusion: ld.target},
    {id: "prediction-drift", title: "Prediction drift", conclusion: ld.prediction},
  ];
}
