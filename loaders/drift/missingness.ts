import type {Accumulation, FeatureErrors} from "../accumulate/index.js";
import type {RowErrors} from "../performance/index.js";
import {config} from "../config.js";
import type {FeatureImportance} from "../scoring/index.js";
import {modelFeatureStats, type TrainingStats} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import type {PerformanceTable} from "../performance/index.js";
import {accuracy, emptyErrorSums, type ErrorSums, mergeErrorSums, pairwiseCorrelation, spearmanCorrelation, type Strength, strengthOf} from "../stats/index.js";

export interface FeatureMissingness {
  feature: string;
  source: string;
  train_rate: number;
  prod_rate: number;
  /** Production rate / training rate; null when training had none missing. */
  ratio: number | null;
  elevated: boolean;
}

export interface SourceMissingness {
  source: string;
  features: number;
  /** Missing cells / all cells of the source's features. */
  train_rate: number;
  prod_rate: number;
  elevated: number;
}

export interface DailySourceRate {
  date: string;
  source: string;
  rate: number;
  rows: number;
}

export interface OutageWindow {
  source: string;
  start: string;
  end: string;
  days: number;
  /** The source's missing rate over the window's rows. */
  rate: number;
  /** The source's median daily missing rate. */
  baseline_rate: number;
  rows: number;
  /** Null when none of the window's rows has its actual price yet. */
  rmse: number | null;
  rows_other_days: number;
  rmse_other_days: number | null;
}

export interface MissingVsPresent {
  feature: string;
  importance_rank: number;
  n_missing: number;
  n_present: number;
  rmse_missing: number | null;
  rmse_present: number | null;
}

export interface MissingnessReport {
  train_rate: number;
  prod_rate: number;
  features: FeatureMissingness[];
  /** Features with elevated rates, highest production rate first. */
  elevated: string[];
  by_source: SourceMissingness[];
  daily: DailySourceRate[];
  outages: OutageWindow[];
  /** RMSE with vs without each of the most important features missing. */
  by_feature_error: MissingVsPresent[];
  by_imputed: PerformanceTable["by_imputed"];
  /** Pearson r between a row's number of imputed features and its squared error. */
  imputed_error: {r: number; strength: Strength; n: number} | null;
  /** The same question asked so that a few large errors cannot answer it, and without the outage days. */
  imputed_error_robust: ImputedErrorRobust;
}

export interface ImputedErrorRobust {
  /** Spearman's rank correlation between the imputed count and |error|. */
  spearman: number | null;
  spearman_strength: Strength | null;
  /** Pearson's r (imputed count, squared error) without the `trimmed_rows` largest squared errors (config.driftAnalysis.missing.trimTopShare). */
  r_trimmed: number | null;
  trimmed_rows: number;
  /** Rows on the days of an outage window (below), which have more missing values and, often, larger errors for other reasons. */
  outage_rows: number;
  /** Spearman's rank correlation over the other days' rows. */
  spearman_outside_outages: number | null;
  rows_outside_outages: number;
}

/**
 * Spearman's ρ of imputed count and |error|, Pearson's r without the largest
 * squared errors, and ρ without the rows of the days in `outageDays`.
 */
export function imputedErrorRobust(imputed: ArrayLike<number>, error: ArrayLike<number>, dayOfRow: (row: number) => string, outageDays: ReadonlySet<string>, trimShare: number, strength: {weak: number; moderate: number; strong: number}): ImputedErrorRobust {
  const n = error.length;
  // Plain loops: Float64Array.from over {length: n} walks a generic object, slowly at a million rows.
  const abs = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    abs[i] = Math.abs(error[i]);
    count[i] = imputed[i];
  }
  const rho = spearmanCorrelation(count, abs).r;
  // The largest squared errors are the largest absolute ones; ties at the cut broken by row order.
  const trimmed = Math.floor(n * trimShare);
  const kept = rowsBelowTop(abs, trimmed);
  const keptAbs = pick(abs, kept);
  const rTrimmed = pairwiseCorrelation(pick(count, kept), keptAbs.map((a) => a * a)).r;
  const outside: number[] = [];
  if (outageDays.size) for (let i = 0; i < n; ++i) if (!outageDays.has(dayOfRow(i))) outside.push(i);
  const rhoOutside = outageDays.size ? spearmanCorrelation(pick(count, outside), pick(abs, outside)).r : rho;
  return {
    spearman: rho,
    spearman_strength: rho === null ? null : strengthOf(rho, strength),
    r_trimmed: rTrimmed,
    trimmed_rows: trimmed,
    outage_rows: outageDays.size ? n - outside.length : 0,
    spearman_outside_outages: rhoOutside,
    rows_outside_outages: outageDays.size ? outside.length : n,
  };
}

/** values[rows[k]] for each k. */
function pick(values: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; ++k) out[k] = values[rows[k]];
  return out;
}

/**
 * The rows, in row order, left once the `drop` largest values are dropped,
 * ties at the cut dropped in row order (the earliest first). Found from the
 * cut value of a natively sorted copy, not by sorting row numbers with a
 * comparator, which at a million rows took seconds.
 */
export function rowsBelowTop(values: Float64Array, drop: number): Uint32Array {
  const n = values.length;
  if (drop <= 0) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; ++i) all[i] = i;
    return all;
  }
  if (drop >= n) return new Uint32Array(0);
  const sorted = Float64Array.from(values).sort();
  const cut = sorted[n - drop];
  let above = 0;
  for (let i = n - 1; i >= 0 && sorted[i] > cut; --i) ++above;
  let tiesToDrop = drop - above;
  const kept = new Uint32Array(n - drop);
  let k = 0;
  for (let i = 0; i < n; ++i) {
    const v = values[i];
    if (v > cut) continue;
    if (v === cut && tiesToDrop > 0) {
      --tiesToDrop;
      continue;
    }
    kept[k++] = i;
  }
  return kept;
}

/** The brief's comparison of missing rates, with the stated rule (config.driftAnalysis.missing). */
export function isElevated(trainRate: number, prodRate: number): boolean {
  const {elevatedRatio, elevatedPoints} = config.driftAnalysis.missing;
  // Rates are counts / rows: 0.066 − 0.016 must count as the 5 points it is, not 4.9999….
  return prodRate > elevatedRatio * trainRate && prodRate - trainRate >= elevatedPoints - 1e-12;
}

/**
 * Runs of consecutive days (in the order given, which skips days without
 * rows) whose rate is above `multiple` × the median daily rate and at least
 * `minPoints` above it.
 */
export function outageRuns(daily: readonly {date: string; rate: number}[], multiple: number, minPoints: number): {start: number; end: number; median: number}[] {
  if (daily.length === 0) return [];
  const median = medianOf(daily.map((d) => d.rate));
  const out = daily.map((d) => d.rate > multiple * median && d.rate - median >= minPoints);
  const runs: {start: number; end: number; median: number}[] = [];
  for (let i = 0; i < out.length; ++i) {
    if (!out[i]) continue;
    let j = i;
    while (j + 1 < out.length && out[j + 1]) ++j;
    runs.push({start: i, end: j, median});
    i = j;
  }
  return runs;
}

/** RMSE of the rows where a feature is missing and where it is present, from the pass's sums. */
export function missingVsPresent(e: FeatureErrors): Omit<MissingVsPresent, "feature" | "importance_rank"> {
  return {
    n_missing: e.nMissing,
    n_present: e.nPresent,
    rmse_missing: e.nMissing ? Math.sqrt(e.sseMissing / e.nMissing) : null,
    rmse_present: e.nPresent ? Math.sqrt(e.ssePresent / e.nPresent) : null,
  };
}

/** RMSE of the rows where `column` is missing and where it is present (rows in memory: the definition the pass's sums follow). */
export function errorByMissing(column: ArrayLike<number>, error: ArrayLike<number>): Omit<MissingVsPresent, "feature" | "importance_rank"> {
  let nMissing = 0;
  let nPresent = 0;
  let sseMissing = 0;
  let ssePresent = 0;
  for (let i = 0; i < error.length; ++i) {
    const e2 = error[i] * error[i];
    if (column[i] === column[i]) {
      ++nPresent;
      ssePresent += e2;
    } else {
      ++nMissing;
      sseMissing += e2;
    }
  }
  return {
    n_missing: nMissing,
    n_present: nPresent,
    rmse_missing: nMissing ? Math.sqrt(sseMissing / nMissing) : null,
    rmse_present: nPresent ? Math.sqrt(ssePresent / nPresent) : null,
  };
}

export function missingnessReport(
  acc: Accumulation,
  modelFeatures: readonly string[],
  stats: TrainingStats,
  errors: RowErrors,
  importance: readonly FeatureImportance[],
  byImputed: PerformanceTable["by_imputed"],
): MissingnessReport {
  const c = config.driftAnalysis;
  const trainRows = modelFeatureStats(modelFeatures, stats);
  const features = modelFeatures.map((feature, j): FeatureMissingness => {
    const train = trainRows[j];
    const prodRate = acc.features[j].missing / acc.rows;
    return {
      feature,
      source: train.source,
      train_rate: train.missingRate,
      prod_rate: prodRate,
      ratio: train.missingRate > 0 ? prodRate / train.missingRate : null,
      elevated: isElevated(train.missingRate, prodRate),
    };
  });

  // Each source with the positions of its features.
  const sources = [...new Set(features.map((f) => f.source))].sort(compare).map((source) => ({source, js: features.flatMap((f, j) => (f.source === source ? [j] : []))}));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const by_source = sources.map(({source, js}): SourceMissingness => {
    return {
      source,
      features: js.length,
      // Every training feature has the same row count, so the cell rate is the mean of the rates.
      train_rate: mean(js.map((j) => features[j].train_rate)),
      prod_rate: mean(js.map((j) => features[j].prod_rate)),
      elevated: js.filter((j) => features[j].elevated).length,
    };
  });

  const days = [...acc.days].sort(([a], [b]) => compare(a, b));
  const daily: DailySourceRate[] = [];
  const outages: OutageWindow[] = [];
  for (const {source, js} of sources) {
    const rates = days.map(([date, day]) => ({
      date,
      rate: js.reduce((sum, j) => sum + day.features[j].missing, 0) / (day.rows * js.length),
      rows: day.rows,
      missing: js.reduce((sum, j) => sum + day.features[j].missing, 0),
    }));
    daily.push(...rates.map(({date, rate, rows}) => ({date, source, rate, rows})));
    for (const run of outageRuns(rates, c.missing.outageMultiple, c.missing.outageMinPoints)) {
      const inside = days.slice(run.start, run.end + 1);
      const outside = [...days.slice(0, run.start), ...days.slice(run.end + 1)];
      const window = rates.slice(run.start, run.end + 1);
      const rows = window.reduce((sum, d) => sum + d.rows, 0);
      const other = mergeAll(outside.map(([, d]) => d.errors));
      // The outage's labelled rows: none while its days await their actual prices.
      const within = mergeAll(inside.map(([, d]) => d.errors));
      outages.push({
        source,
        start: inside[0][0],
        end: inside[inside.length - 1][0],
        days: inside.length,
        rate: window.reduce((sum, d) => sum + d.missing, 0) / (rows * js.length),
        baseline_rate: run.median,
        rows,
        rmse: within.n ? accuracy(within).rmse : null,
        rows_other_days: other.n,
        rmse_other_days: other.n ? accuracy(other).rmse : null,
      });
    }
  }

  const by_feature_error = importance.slice(0, c.missing.errorFeatures).map((f) => ({
    feature: f.feature,
    importance_rank: f.rank,
    ...missingVsPresent(acc.featureErrors[f.index]),
  }));

  const squared = errors.error.map((e) => e * e);
  const {r, n} = pairwiseCorrelation(Float64Array.from(errors.rows.imputed), squared);

  // The days of every outage window (they are runs of consecutive days present, so a date in [start, end] is one of them).
  const dates = errors.rows.date;
  const outageDays = new Set(days.map(([date]) => date).filter((date) => outages.some((o) => o.start <= date && date <= o.end)));
  const robust = imputedErrorRobust(errors.rows.imputed, errors.error, (row) => dates.values[dates.codes[row]], outageDays, c.missing.trimTopShare, c.strength);

  const cells = acc.rows * modelFeatures.length;
  return {
    train_rate: mean(features.map((f) => f.train_rate)),
    prod_rate: acc.features.reduce((sum, f) => sum + f.missing, 0) / cells,
    features,
    elevated: features
      .filter((f) => f.elevated)
      .sort((a, b) => b.prod_rate - a.prod_rate || compare(a.feature, b.feature))
      .map((f) => f.feature),
    by_source,
    daily,
    outages,
    by_feature_error,
    by_imputed: byImputed,
    imputed_error: r === null ? null : {r, strength: strengthOf(r, c.strength), n},
    imputed_error_robust: robust,
  };
}

function mergeAll(sums: ErrorSums[]): ErrorSums {
  return sums.reduce(mergeErrorSums, emptyErrorSums());
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
