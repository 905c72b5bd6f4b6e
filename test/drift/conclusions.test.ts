import {describe, expect, it} from "vitest";
import {
  correlationConclusion,
  distributionConclusion,
  impactConclusion,
  missingConclusion,
  missingErrorConclusion,
  newSegmentsConclusion,
  outageConclusion,
  shiftConclusion,
  type ShiftFigures,
} from "../../loaders/drift/conclusions.js";
import type {CorrelationPair} from "../../loaders/drift/correlation.js";
import type {FeatureDistribution} from "../../loaders/drift/distribution-table.js";
import type {FeatureImpact} from "../../loaders/drift/impact.js";
import type {MissingnessReport, OutageWindow} from "../../loaders/drift/missingness.js";
import type {NewSegmentsByDimension} from "../../loaders/drift/new-segments.js";

const feature = (name: string, source: string, meanPct: number, sdPct: number, severe: boolean, meaningful = true, sd = meanPct / 20) => ({
  feature: name,
  source,
  severe,
  mean_shift_pct: meanPct,
  sd_change_pct: sdPct,
  pct_meaningful: meaningful,
  mean_shift_sd: sd,
});

describe("shift conclusion", () => {
  const calm: ShiftFigures = {feature_count: 3, severe_count: 0, features: [feature("x", "api", 5, 2, false), feature("y", "database", -8, 12, false), feature("z", "computed", 1, 1, false)]};

  it("no severe drift", () => {
    expect(shiftConclusion(calm)).toBe(
      "No feature of 3 drifts severely (mean shift above 20% or SD change above 30%). The largest mean shift is y's (−8.0%) and the largest SD change y's (+12.0%).",
    );
  });

  it("severe drift by source, and the near-zero caveat", () => {
    const s = shiftConclusion({
      feature_count: 4,
      severe_count: 2,
      features: [feature("x", "api", 45, 2, true), feature("w", "api", 3, 35, true), feature("y", "database", -8, 12, false), feature("t", "computed", -60, 1, false, false, -0.02)],
    });
    expect(s).toBe(
      "2 of 4 features drift severely (mean shift above 20% or SD change above 30%): 2 api, none from computed and database. " +
        "The largest mean shift is x's (+45.0%) and the largest SD change w's (+35.0%). " +
        "The % mean shift of t (−60.0%, which is −0.02 training SD) is not meaningful: the training mean is within 0.5 SD of zero, so the feature is judged by its shift in SDs.",
    );
  });
});

const impactRow = (name: string, shift: number, severe: boolean, pct: number, sd = 0.1): FeatureImpact => ({
  feature: name,
  source: "api",
  beta: 1,
  importance: 1,
  importance_rank: 1,
  mean_shift_pct: pct,
  pct_meaningful: true,
  mean_shift_sd: sd,
  prediction_shift: shift,
  severe,
  large_shift: Math.abs(sd) >= 0.5,
});

describe("impact conclusion", () => {
  it("flips between 'severe features matter most' and 'a non-severe feature matters most'", () => {
    const severeTop = [impactRow("s", 2, true, 40), impactRow("n", -1, false, -5)];
    expect(impactConclusion({features: severeTop, high_risk: [severeTop[0]], missed_by_pct_rule: [], net_prediction_shift: 1, severe_share_of_shift: 2 / 3})).toBe(
      "Ranked by the shift its drift alone causes in the average prediction (β × change in mean), the severe features are also the ones that matter: s moves it most, by +$2.00. " +
        "The 1 severe feature accounts for 66.7% of the total absolute shift; all mean shifts together move the average prediction by +$1.00.",
    );
    const quietTop = [impactRow("n", -3, false, -9, 2.4), impactRow("s", 0.5, true, 40)];
    expect(impactConclusion({features: quietTop, high_risk: [quietTop[1]], missed_by_pct_rule: [quietTop[0]], net_prediction_shift: -2.5, severe_share_of_shift: 0.5 / 3.5})).toBe(
      "Ranked by the shift its drift alone causes in the average prediction (β × change in mean), the largest is n's (−$3.00, a −9.0% mean shift the % rule does not flag); " +
        "the most consequential severe feature, s, moves it by +$0.50. The 1 severe feature accounts for 14.3% of the total absolute shift; " +
        "all mean shifts together move the average prediction by −$2.50. One feature the % rule misses moved by at least 0.5 training SD: n (+2.4 SD).",
    );
  });
});

const dist = (name: string, psi: number, level: "stable" | "moderate" | "major", ks = 0.1): FeatureDistribution => ({
  feature: name,
  psi,
  psi_min: psi,
  psi_max: psi,
  psi_min_exact: true,
  psi_bracketed: false,
  psi_level: level,
  floor_checks: null,
  floor_dependent: false,
  ks,
  ks_critical: 0.07,
  ks_beyond_noise: ks > 0.07,
  wasserstein_sd: 0.5,
  point_masses: 0,
  train_quantiles: null,
  prod_quantiles: null,
});

describe("distribution conclusion", () => {
  it("counts PSI levels, names PSI-major features the % rule does not flag, or says it cannot be computed", () => {
    const features = [dist("a", 0.6, "major"), dist("b", 0.15, "moderate", 0.05), dist("c", 0.01, "stable", 0.01)];
    const d = {unavailable: null, level_counts: {stable: 1, moderate: 1, major: 1}, ks_beyond_noise_count: 1, features, unresolved: [], ks_tests: 3};
    expect(distributionConclusion(d, new Set(["a"]))).toBe(
      "By PSI on the training quantile bins, 1 feature shows a major shift (≥ 0.25), 1 a moderate one and 1 is stable; the largest is a's (PSI 0.60, KS ≈ 0.10, Wasserstein 0.50 SD). " +
        "The approximate KS distance exceeds its critical value (Bonferroni-corrected 5% over the 3 features tested) for 1 feature. Every major PSI shift is also severe by the brief's % rule.",
    );
    expect(distributionConclusion(d, new Set())).toMatch(/1 feature shifts majorly by PSI without being severe by the brief's % rule: a\.$/);
    expect(distributionConclusion({...d, unavailable: "stats.json has no training quantiles"}, new Set())).toBe(
      "Distribution tests cannot be computed: stats.json has no training quantiles.",
    );
  });

  it("says which discrete features' PSI range straddles a band edge, and gives a bracketed largest PSI as its proven minimum", () => {
    const discrete = {...dist("d", 0.02, "stable"), psi_min: 0.008, psi_max: 4.64, psi_bracketed: true, psi_level: null};
    const counted = {...dist("e", 1.93, "major"), psi_min: 1.54, psi_max: 3.07, psi_bracketed: true};
    const d = {unavailable: null, level_counts: {stable: 1, moderate: 0, major: 1}, ks_beyond_noise_count: 0, features: [discrete, counted, dist("c", 0.01, "stable", 0.01)], unresolved: ["d"], ks_tests: 3};
    expect(distributionConclusion(d, new Set(["e"]))).toBe(
      "By PSI on the training quantile bins, 1 feature shows a major shift (≥ 0.25), 0 a moderate one and 1 is stable; " +
        "for 1 discrete feature the band is not resolved by the training quantiles (the PSI they allow spans a band edge: d 0.008 to 4.64). " +
        "The largest is e's (PSI at least 1.54, KS ≈ 0.10, Wasserstein 0.50 SD). The approximate KS distance exceeds its critical value (Bonferroni-corrected 5% over the 3 features tested) for no feature. " +
        "Every major PSI shift is also severe by the brief's % rule.",
    );
  });
});

const miss = (name: string, source: string, train: number, prod: number, elevated: boolean) => ({feature: name, source, train_rate: train, prod_rate: prod, ratio: prod / train, elevated});

describe("missing-value conclusions", () => {
  it("names a few elevated features, or calls a broad rise broad", () => {
    const few = [miss("a", "api", 0.02, 0.3, true), miss("b", "database", 0.02, 0.03, false), miss("c", "database", 0.02, 0.02, false)];
    const bySource = [
      {source: "api", features: 1, train_rate: 0.02, prod_rate: 0.3, elevated: 1},
      {source: "database", features: 2, train_rate: 0.02, prod_rate: 0.025, elevated: 0},
    ];
    expect(missingConclusion({train_rate: 0.02, prod_rate: 0.1167, features: few, elevated: ["a"], by_source: bySource})).toBe(
      "Production is missing 11.7% of feature values against 2.0% in training. 1 feature has an elevated rate (more than 2× the training rate and at least 5 points above it): a (30.0%). " +
        "By source, api features are missing the most (30.0%, against 2.5% database).",
    );
    const many = Array.from({length: 8}, (_, i) => miss(`f${i}`, "api", 0.02, 0.1 + i / 100, i > 0));
    const broad = missingConclusion({train_rate: 0.02, prod_rate: 0.13, features: many, elevated: ["f7", "f6", "f5", "f4", "f3", "f2", "f1"], by_source: [bySource[0]]});
    expect(broad).toBe(
      "Production is missing 13.0% of feature values against 2.0% in training. 7 of 8 features have elevated rates (more than 2× the training rate and at least 5 points above it), " +
        "so the rise is broad rather than confined to a few features; only f0 is not. The highest are f7 (17.0%), f6 (16.0%) and f5 (15.0%).",
    );
  });

  it("outages: none, or each window with its rates and RMSE", () => {
    expect(outageConclusion({outages: []})).toBe("No source had an outage (a day above 2× the source's median daily missing rate and at least 10 points above it).");
    const o: OutageWindow = {source: "api", start: "2026-10-18", end: "2026-10-21", days: 4, rate: 0.566, baseline_rate: 0.181, rows: 73, rmse: 18.03, rows_other_days: 427, rmse_other_days: 13.36};
    expect(outageConclusion({outages: [o]})).toBe(
      "One outage (a day above 2× the source's median daily missing rate and at least 10 points above it): api from 2026-10-18 to 2026-10-21 " +
        "(4 days, 56.6% of its values missing against a median day's 18.1%; RMSE $18.03 on 73 rows against $13.36 on the other days).",
    );
    const oneDay = {...o, source: "database", start: "2027-03-11", end: "2027-03-11", days: 1, rmse_other_days: null};
    expect(outageConclusion({outages: [o, oneDay]})).toMatch(/^2 outages .*: api from 2026-10-18 to 2026-10-21 \(.*\) and database on 2027-03-11 \(1 day, .* against no other days\)\.$/);
  });

  it("decides whether missingness correlates with error", () => {
    const byFeature: MissingnessReport["by_feature_error"] = [
      {feature: "p", importance_rank: 1, n_missing: 40, n_present: 460, rmse_missing: 20, rmse_present: 10},
      {feature: "q", importance_rank: 2, n_missing: 30, n_present: 470, rmse_missing: 9, rmse_present: 10},
      {feature: "r", importance_rank: 3, n_missing: 5, n_present: 495, rmse_missing: 50, rmse_present: 10},
    ];
    const robust = {spearman: 0.27, spearman_strength: "weak" as const, r_trimmed: 0.12, trimmed_rows: 5, outage_rows: 73, spearman_outside_outages: 0.22, rows_outside_outages: 427};
    const o = {source: "api", start: "2026-10-18", end: "2026-10-21", days: 4, rate: 0.566, baseline_rate: 0.181, rows: 73, rmse: 18.03, rows_other_days: 427, rmse_other_days: 13.36};
    expect(missingErrorConclusion({by_feature_error: byFeature, imputed_error: {r: 0.35, strength: "moderate", n: 500}, imputed_error_robust: robust, outages: [o]})).toBe(
      "Missingness correlates with the degradation, moderately: the number of imputed features in a row and its squared error have r = 0.35 (500 rows). " +
        "Less swayed by a few large errors, the rank correlation of the imputed count with |error| is ρ = 0.27 (weak), and without the 5 largest squared errors (1%) r = 0.12. " +
        "Among the 3 most important features, 1 of the 2 with at least 20 missing rows has a higher RMSE when missing; the largest gap is p's ($20.00 missing, n = 40, against $10.00 present). " +
        "These comparisons are confounded by the api outage from 2026-10-18 to 2026-10-21 (RMSE $18.03 against $13.36 on the other days): its days have both more missing values and larger errors, whatever the cause of either, " +
        "so a missing-versus-present gap there is not the imputation's alone; leaving out its 73 rows, ρ = 0.22 over the other 427.",
    );
    expect(missingErrorConclusion({by_feature_error: byFeature, imputed_error: {r: 0.04, strength: "negligible", n: 500}, imputed_error_robust: robust, outages: []})).toMatch(
      /^Missingness does not clearly correlate with the degradation: .* r = 0\.04 \(500 rows, negligible\)\./,
    );
  });
});

const pair = (a: string, b: string, train: number, prod: number, beyond: boolean): CorrelationPair => ({
  a,
  b,
  train_r: train,
  train_r_adjusted: train,
  prod_r: prod,
  n: 400,
  delta: prod - train,
  z: beyond ? 6 : 1,
  beyond_noise: beyond,
  normality_doubtful: false,
});

describe("correlation conclusion", () => {
  it("none vs some changes beyond noise", () => {
    const noise = pair("a", "b", 0.01, 0.2, false);
    const base = {unavailable: null, pairs_compared: 2775, alpha: 0.05, correction: "bonferroni" as const, beyond_noise_doubtful: 0};
    expect(correlationConclusion({...base, beyond_noise_count: 0, top_pairs: [noise], top_beyond_noise: []})).toBe(
      "Of 2,775 feature pairs, none changed its correlation beyond sampling noise and training's imputation (Fisher z, Bonferroni-corrected 5%). " +
        "The largest change in r, a–b (0.010 → 0.200), is within noise.",
    );
    const real = pair("c", "d", 0.97, 0.998, true);
    expect(correlationConclusion({...base, beyond_noise_count: 1, top_pairs: [noise, real], top_beyond_noise: [real]})).toBe(
      "Of 2,775 feature pairs, 1 changed its correlation beyond sampling noise and training's imputation (Fisher z, Bonferroni-corrected 5%): c–d (0.970 → 0.998). " +
        "The largest change in r, a–b (0.010 → 0.200), is within noise.",
    );
    expect(correlationConclusion({...base, unavailable: "s.json has no training correlation matrix", beyond_noise_count: 0, top_pairs: [], top_beyond_noise: []})).toBe(
      "Correlation changes cannot be computed: s.json has no training correlation matrix.",
    );
  });
});

describe("new segments conclusion", () => {
  const dim = (dimension: "category" | "brand", known: boolean, segments: NewSegmentsByDimension["segments"]): NewSegmentsByDimension => {
    const rows = segments.reduce((s, x) => s + x.n, 0);
    return {dimension, known, segments, rows_new: rows, share_new: rows / 500, rmse_new: rows ? 25 : null, rows_seen: 500 - rows, rmse_seen: 12};
  };
  it("new, none or unknown", () => {
    const seg = (segment: string, n: number, rmse: number) => ({segment, n, share: n / 500, rmse, mae: rmse, bias: 0});
    expect(newSegmentsConclusion([dim("category", true, [seg("X", 33, 31.6), seg("Y", 22, 11.3)]), dim("brand", true, [])])).toBe(
      "2 categories unseen in training (X and Y) make up 11.0% of production rows, with RMSE $25.00 against $12.00 for categories seen in training (X alone $31.60). No brand is new.",
    );
    expect(newSegmentsConclusion([dim("category", false, []), dim("brand", true, [seg("Z", 5, 9)])])).toBe(
      "Whether any category is new cannot be told: the training statistics have no category counts. 1 brand unseen in training (Z) makes up 1.0% of production rows, with RMSE $25.00 against $12.00 for brands seen in training.",
    );
  });
});
