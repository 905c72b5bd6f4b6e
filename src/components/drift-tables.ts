import type {CorrelationPair, DriftFeatureRow, DriftReport} from "../../loaders/drift/index.js";
import {compare} from "../shared/order.js";
import {fixed, pct, sig, signedNum, signedPct, signedUsd, usd} from "../shared/format.js";
import {orElse, yesOrBlank} from "./cells.js";
import {nothing} from "./dom.js";
import {csvDownload, keyColumns} from "./downloads.js";
import {dataTable, downloadableTable} from "./tables.js";

/** The Drift page's tables, each from drift-report.json alone. */

/** A missing value in the drift tables reads as a dash. */
const orDash = <T>(f: (x: T) => string) => orElse(f, "—");
const share = (x: number) => pct(x);
const shiftSd = orDash((x: number) => signedNum(x, 2));
const shift = orDash((x: number) => signedPct(x));
const dollars = orDash(usd);
const signedDollars = orDash(signedUsd);
const decimals = (digits: number) => orDash((x: number) => x.toFixed(digits));

/** The source filter's choice that keeps every source. */
export const allSources = "all sources";
/** The source filter's choices: "all sources", then every source in code-point order. */
export function sourceChoices(report: DriftReport): string[] {
  return [allSources, ...[...new Set(report.features.map((f) => f.source))].sort(compare)];
}

/** What the feature table shows: one source or all, severe features only or all. */
export interface FeatureFilter {
  source: string;
  severeOnly: boolean;
}

/** The features a search found, narrowed by the source and severity filters. */
export function filterFeatures(rows: readonly DriftFeatureRow[], {source, severeOnly}: FeatureFilter): DriftFeatureRow[] {
  return rows.filter((f) => (source === allSources || f.source === source) && (!severeOnly || f.severe));
}

/**
 * Every feature, training against production: means, SDs, their changes,
 * missing rates, the severe flag, PSI and importance rank; largest mean
 * shift first. "(n/m)" marks a % change that is not meaningful (training
 * mean near zero).
 */
export function featureTable(rows: readonly DriftFeatureRow[]): HTMLDivElement {
  const columns = ["feature", "source", "train_mean", "prod_mean", "mean_shift_pct", "mean_shift_sd", "train_sd", "prod_sd", "sd_change_pct", "train_missing_rate", "prod_missing_rate", "severe", "psi", "importance_rank"] as const;
  return downloadableTable(rows, {
    rows: 18,
    columns,
    header: {
      feature: "Feature",
      source: "Source",
      train_mean: "Mean (train)",
      prod_mean: "Mean (prod)",
      mean_shift_pct: "Mean shift",
      mean_shift_sd: "Shift (SDs)",
      train_sd: "SD (train)",
      prod_sd: "SD (prod)",
      sd_change_pct: "SD change",
      train_missing_rate: "Missing (train)",
      prod_missing_rate: "Missing (prod)",
      severe: "Severe",
      psi: "PSI",
      importance_rank: "Importance rank",
    },
    format: {
      train_mean: (x) => sig(x),
      prod_mean: orDash((x: number) => sig(x)),
      mean_shift_pct: (x, i, data) => (x === null ? "—" : data[i].pct_meaningful ? signedPct(x) : `${signedPct(x)} (n/m)`),
      mean_shift_sd: shiftSd,
      train_sd: (x) => sig(x),
      prod_sd: orDash((x: number) => sig(x)),
      sd_change_pct: shift,
      train_missing_rate: share,
      prod_missing_rate: share,
      severe: (x) => (x ? "severe" : ""),
      psi: decimals(3),
    },
    sort: "mean_shift_pct",
    reverse: true,
  }, {name: "drift-features.csv", keys: [...columns, "pct_meaningful"]});
}

/** Every feature's missing rate, training against production, its ratio and whether it is elevated: the download under the missing-values chart. */
export function missingByFeatureDownload(report: DriftReport): HTMLParagraphElement {
  return csvDownload("missing-by-feature.csv", report.missingness.features, keyColumns(["feature", "source", "train_rate", "prod_rate", "ratio", "elevated"]));
}

/** The severe features, ranked by the shift their drift causes in the average prediction. */
export function highRiskTable(report: DriftReport): HTMLFormElement {
  return dataTable(report.impact.high_risk, {
    columns: ["feature", "source", "prediction_shift", "mean_shift_pct", "mean_shift_sd", "importance", "importance_rank"],
    header: {feature: "Feature", source: "Source", prediction_shift: "Avg prediction shift", mean_shift_pct: "Mean shift", mean_shift_sd: "Shift (SDs)", importance: "Importance ($/SD)", importance_rank: "Importance rank"},
    format: {prediction_shift: signedDollars, mean_shift_pct: shift, mean_shift_sd: shiftSd, importance: (x) => usd(x)},
    rows: 14,
  });
}

/** Features the % rule does not call severe, yet shifted by many training SDs; nothing when there are none. */
export function missedByPctTable(report: DriftReport): HTMLFormElement | DocumentFragment {
  const rows = report.impact.missed_by_pct_rule;
  if (!rows.length) return nothing();
  return dataTable(rows, {
    columns: ["feature", "source", "mean_shift_pct", "mean_shift_sd", "prediction_shift", "importance_rank"],
    header: {feature: "Feature", source: "Source", mean_shift_pct: "Mean shift", mean_shift_sd: "Shift (SDs)", prediction_shift: "Avg prediction shift", importance_rank: "Importance rank"},
    format: {mean_shift_pct: shift, mean_shift_sd: shiftSd, prediction_shift: signedDollars},
  });
}

/**
 * PSI, approximate KS and Wasserstein distance of every feature the tests
 * could judge, highest PSI first; nothing when none could be. A discrete
 * feature's PSI comes with the range its training quantiles allow, and its
 * reading is the band of that whole range, or "not resolved".
 */
export function distributionTestsTable(report: DriftReport): HTMLFormElement | DocumentFragment {
  const tested = report.distribution.features.flatMap((f) =>
    f.psi === null ? [] : [{...f, psi_range: f.psi_bracketed && f.psi_min !== null && f.psi_max !== null ? `${fixed(f.psi_min, 3)} to ${fixed(f.psi_max, 3)}` : "", psi_reading: f.psi_level ?? "not resolved"}],
  );
  if (!tested.length) return nothing();
  return dataTable(tested, {
    columns: ["feature", "psi", "psi_range", "psi_reading", "floor_dependent", "ks", "ks_critical", "ks_beyond_noise", "wasserstein_sd", "point_masses"],
    header: {
      feature: "Feature",
      psi: "PSI",
      psi_range: "PSI range (discrete)",
      psi_reading: "PSI reading",
      floor_dependent: "Band depends on floor",
      ks: "KS ≈",
      ks_critical: `KS critical (${pct(report.settings.ks_alpha, 0)}, ${report.settings.multiple_testing === "bonferroni" ? "Bonferroni" : "Benjamini–Hochberg"})`,
      ks_beyond_noise: "KS beyond noise",
      wasserstein_sd: "Wasserstein (SDs)",
      point_masses: "Point masses",
    },
    format: {psi: decimals(3), ks: decimals(3), ks_critical: decimals(3), ks_beyond_noise: yesOrBlank, floor_dependent: yesOrBlank, wasserstein_sd: decimals(2), point_masses: (x) => (x ? `${x} (discrete)` : "")},
    sort: "psi",
    reverse: true,
    rows: 15,
  });
}

/** Missing rates per feature source, training against production, and how many of its features are elevated. */
export function missingBySourceTable(report: DriftReport): HTMLFormElement {
  return dataTable(report.missingness.by_source, {
    columns: ["source", "features", "train_rate", "prod_rate", "elevated"],
    header: {source: "Source", features: "Features", train_rate: "Missing (train)", prod_rate: "Missing (prod)", elevated: "Features elevated"},
    format: {train_rate: share, prod_rate: share},
  });
}

/** The outage windows: source, days, missing rate against the source's usual day, and the RMSE in and out of the window; nothing when there were none. */
export function outagesTable(report: DriftReport): HTMLFormElement | DocumentFragment {
  const rows = report.missingness.outages;
  if (!rows.length) return nothing();
  return dataTable(rows, {
    columns: ["source", "start", "end", "days", "rate", "baseline_rate", "rows", "rmse", "rmse_other_days"],
    header: {source: "Source", start: "From", end: "To", days: "Days", rate: "Missing in window", baseline_rate: "Median day", rows: "Rows", rmse: "RMSE in window", rmse_other_days: "RMSE other days"},
    format: {rate: share, baseline_rate: share, rmse: dollars, rmse_other_days: dollars},
  });
}

/** For the most important features: the RMSE of the rows where each was missing (and imputed) against the rows where it was present. */
export function missingVsPresentTable(report: DriftReport): HTMLFormElement {
  return dataTable(report.missingness.by_feature_error, {
    columns: ["importance_rank", "feature", "n_missing", "rmse_missing", "n_present", "rmse_present"],
    header: {importance_rank: "Importance rank", feature: "Feature", n_missing: "Rows missing", rmse_missing: "RMSE missing", n_present: "Rows present", rmse_present: "RMSE present"},
    format: {rmse_missing: dollars, rmse_present: dollars},
  });
}

/** Feature pairs with their correlation in training and production, the change, Fisher's z, whether it is beyond noise and whether z overstates it there (skewed features at high r). */
function pairTable(pairs: readonly CorrelationPair[], rows: number): HTMLFormElement {
  return dataTable(
    pairs.map((p) => ({...p, pair: `${p.a} – ${p.b}`})),
    {
      columns: ["pair", "train_r", "prod_r", "delta", "n", "z", "beyond_noise", "normality_doubtful"],
      header: {pair: "Feature pair", train_r: "r (train)", prod_r: "r (prod)", delta: "Δr", n: "Rows", z: "Fisher z", beyond_noise: "Beyond noise", normality_doubtful: "z overstated (skewed, high r)"},
      format: {train_r: (x) => fixed(x, 3), prod_r: (x) => fixed(x, 3), delta: (x) => signedNum(x, 3), z: (x) => fixed(x, 1), beyond_noise: yesOrBlank, normality_doubtful: yesOrBlank},
      rows,
    },
  );
}

/** The pairs whose correlation changed most; nothing when the comparison cannot be computed. */
export function topPairsTable(report: DriftReport): HTMLFormElement | DocumentFragment {
  return report.correlation.unavailable ? nothing() : pairTable(report.correlation.top_pairs, 15);
}

/** The pairs whose change is beyond noise, by |z|; nothing when there are none. */
export function beyondNoiseTable(report: DriftReport): HTMLFormElement | DocumentFragment {
  return report.correlation.top_beyond_noise.length ? pairTable(report.correlation.top_beyond_noise, 10) : nothing();
}

/** Categories and brands unseen in training: rows, share of volume and accuracy; nothing when there are none. */
export function newSegmentsTable(report: DriftReport): HTMLFormElement | DocumentFragment {
  const rows = report.new_segments.flatMap((d) => d.segments.map((x) => ({dimension: d.dimension, ...x})));
  if (!rows.length) return nothing();
  return dataTable(rows, {
    columns: ["dimension", "segment", "n", "share", "rmse", "mae", "bias"],
    header: {dimension: "Dimension", segment: "Unseen in training", n: "Rows", share: "Share of volume", rmse: "RMSE", mae: "MAE", bias: "Bias (actual − predicted)"},
    format: {share, rmse: dollars, mae: dollars, bias: orDash(signedUsd)},
  });
}
