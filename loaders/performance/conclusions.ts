import {config} from "../config.js";
import {int, list, pct, signedPct, usd} from "../shared/index.js";
import {dimensions, type Dimension} from "../inputs/index.js";
import {normalQuantile} from "../stats/index.js";
import type {Concentration} from "./concentration.js";
import type {WindowComparison, DayPerformance} from "./daily.js";
import type {EstablishedVsNew} from "./established.js";
import type {GroupFigures} from "./group.js";
import type {ImputedSplit} from "./imputed.js";
import type {SegmentPerformance} from "./segment-table.js";

// Each section's closing sentence, generated from its figures: new data, new sentence.

export const dimensionNames: Record<Dimension, {one: string; many: string}> = {
  category: {one: "category", many: "categories"},
  price_tier: {one: "price tier", many: "price tiers"},
  brand: {one: "brand", many: "brands"},
};

/** "95% interval $12.10–$16.02", or nothing when there is no interval. */
export function intervalText(g: {rmse_ci_low: number | null; rmse_ci_high: number | null}): string {
  return g.rmse_ci_low === null || g.rmse_ci_high === null ? "no interval" : `${pct(config.performance.interval.level, 0)} interval ${usd(g.rmse_ci_low)}–${usd(g.rmse_ci_high)}`;
}

/** Production vs validation overall: size of the change and whether the interval clears validation. */
export function overallConclusion(overall: GroupFigures, validation: {rmse: number; mae: number; r2: number}): string {
  const direction = overall.rmse >= validation.rmse ? "above" : "below";
  const r2 = overall.r2 === null ? "" : ` and R² ${overall.r2 < validation.r2 ? "falls" : "rises"} from ${validation.r2.toFixed(3)} to ${overall.r2.toFixed(3)}`;
  const head =
    `Production RMSE is ${usd(overall.rmse)} (${intervalText(overall)}), ${pct(Math.abs(overall.rmse_increase_pct) / 100)} ${direction} the validation RMSE of ${usd(validation.rmse)}; ` +
    `MAE is ${usd(overall.mae)} vs ${usd(validation.mae)} (${signedPct((overall.mae / validation.mae - 1) * 100)})${r2}.`;
  if (overall.rmse_ci_low === null || overall.rmse_ci_high === null) return `${head} Too few rows for an interval.`;
  if (overall.rmse_ci_low > validation.rmse) return `${head} The whole interval lies above validation: the degradation is real, not noise.`;
  if (overall.rmse_ci_high < validation.rmse) return `${head} The whole interval lies below validation: production accuracy is significantly better.`;
  return `${head} The interval includes the validation RMSE: the difference could be noise.`;
}

/** How many judgeable segments of each dimension are significantly worse, which are not, and how many are too small. */
export function segmentsConclusion(segments: readonly SegmentPerformance[]): string {
  const {minSegmentRows} = config.performance;
  const parts: string[] = [];
  const spared: string[] = [];
  for (const d of dimensions) {
    const judged = segments.filter((s) => s.dimension === d && !s.small);
    if (judged.length === 0) continue;
    const worse = judged.filter((s) => s.status === "significantly worse");
    parts.push(`${int(worse.length)} of ${int(judged.length)} ${dimensionNames[d].many}`);
    spared.push(...judged.filter((s) => s.status !== "significantly worse").map((s) => (s.status === "significantly better" ? `${s.segment} (significantly better)` : s.segment)));
  }
  const small = segments.filter((s) => s.small);
  const smallText = small.length
    ? ` ${int(small.length)} segment${small.length > 1 ? "s have" : " has"} fewer than ${int(minSegmentRows)} rows and ${small.length > 1 ? "are" : "is"} marked "small sample", not judged.`
    : "";
  if (parts.length === 0) return `No segment has ${int(minSegmentRows)} rows or more: none can be judged.${smallText}`;
  const sparedText =
    spared.length === 0
      ? " Every judged segment is worse: the degradation reaches all of them."
      : spared.length <= 12
        ? ` Not significantly worse: ${list(spared)}.`
        : ` ${int(spared.length)} judged segments are not significantly worse.`;
  return `Significantly worse than validation (the whole ${pct(config.performance.interval.level, 0)} interval above it), among segments with at least ${int(minSegmentRows)} rows: ${list(parts)}.${sparedText}${smallText}`;
}

/** The worst segments, named with RMSE, interval and size. */
export function worstConclusion(worst: readonly SegmentPerformance[]): string {
  const {worstCount, minSegmentRows} = config.performance;
  if (worst.length === 0) return `No segment has ${int(minSegmentRows)} rows or more, so none is ranked.`;
  const named = worst.map((s) => `${s.segment} (${dimensionNames[s.dimension].one}: RMSE ${usd(s.rmse)}, ${intervalText(s)}, n = ${int(s.n)})`);
  const head = worst.length < worstCount ? `Only ${int(worst.length)} segment${worst.length > 1 ? "s have" : " has"} enough rows to rank: ` : `The ${int(worst.length)} worst segments are `;
  const significant = worst.filter((s) => s.significant).length;
  const tail =
    significant === worst.length
      ? " Each is significantly worse than validation."
      : ` ${int(significant)} of them ${significant === 1 ? "is" : "are"} significantly worse than validation.`;
  return `${head}${list(named)}.${tail}`;
}

/**
 * The error quantiles in words, with how heavy the tail is: for normal errors
 * the 99th percentile of |error| is z(0.995)/z(0.75) ≈ 3.8 times the median.
 */
export function quantilesConclusion(overall: GroupFigures, segments: readonly SegmentPerformance[]): string {
  const ratio = overall.p50_abs_error > 0 ? overall.p99_abs_error / overall.p50_abs_error : null;
  const normalRatio = normalQuantile(0.995) / normalQuantile(0.75);
  const tail =
    ratio === null
      ? ""
      : ` The 99th percentile is ${ratio.toFixed(1)} times the median${ratio > normalRatio ? `, more than the ${normalRatio.toFixed(1)} of normally distributed errors: a heavy tail of large misses` : `, no more than the ${normalRatio.toFixed(1)} of normally distributed errors: no unusually heavy tail`}.`;
  const judged = segments.filter((s) => !s.small).sort((a, b) => b.p95_abs_error - a.p95_abs_error);
  const top = judged.slice(0, 3).map((s) => `${s.segment} (${usd(s.p95_abs_error)})`);
  const where = top.length ? ` Among segments with at least ${int(config.performance.minSegmentRows)} rows, the largest 95th-percentile errors are in ${list(top)}.` : "";
  return (
    `Half the predictions are within ${usd(overall.p50_abs_error)} of the actual price, 90% within ${usd(overall.p90_abs_error)}, ` +
    `95% within ${usd(overall.p95_abs_error)} and 99% within ${usd(overall.p99_abs_error)}.${tail}${where}`
  );
}

/** Uniform or concentrated, from the verdict's figures. */
export function concentrationConclusion(c: Concentration, validationRmse: number, overallRmse: number): string {
  const {nearValidationPct, concentratedMaxRowShare} = config.performance;
  const near = `within ${nearValidationPct}% of validation (${usd(c.near_validation_rmse)})`;
  if (c.verdict === "none") return `No material degradation: overall RMSE ${usd(overallRmse)} is already ${near}.`;
  const best = c.by_dimension.find((d) => d.dimension === c.best_dimension) ?? null;
  // Concentrated: the best dimension recovered, so the rows it keeps have an RMSE.
  if (c.verdict === "concentrated" && best && best.rmse_rest !== null) {
    return (
      `Concentrated: leaving out ${list(best.left_out)} (${pct(best.row_share)} of rows, ${pct(best.sse_share)} of the squared error) ` +
      `brings RMSE back to ${usd(best.rmse_rest)}, ${near}; the other ${pct(1 - best.row_share)} of rows are served about as well as in validation.`
    );
  }
  const how = best
    ? `getting RMSE back ${near} would mean leaving out ${pct(best.row_share)} of rows (the ${int(best.left_out.length)} worst ${dimensionNames[best.dimension].many}), more than the ${pct(concentratedMaxRowShare, 0)} a targeted fix could cover`
    : `no dimension gets RMSE back ${near} even leaving out all but its best segment`;
  return `Uniform, not concentrated: the degradation is spread across the catalogue. Overall RMSE is ${usd(overallRmse)} against ${usd(validationRmse)} in validation, and ${how}.`;
}

/** Categories seen in training vs new ones. */
export function establishedConclusion(e: EstablishedVsNew | null): string {
  if (e === null) return "The training statistics carry no category counts, so established and new categories cannot be told apart.";
  const {established, new: fresh} = e;
  const describe = (g: NonNullable<EstablishedVsNew["established"]>) => `RMSE ${usd(g.rmse)} (${signedPct(g.rmse_increase_pct)} vs validation, ${intervalText(g)}, ${pct(g.row_share)} of rows)`;
  if (!established) return fresh ? `No production category occurred in training: ${describe(fresh)}.` : "The log has no category to compare.";
  if (!fresh) return `Every production category occurred in training: ${describe(established)}.`;
  const worse = established.significant ? "significantly worse than validation too, so new categories are not the whole story" : "not significantly worse than validation, so the new categories carry the degradation";
  return `Categories seen in training: ${describe(established)}, ${worse}. New categories (${list(fresh.categories)}): ${describe(fresh)}, ${pct(fresh.sse_share)} of the squared error.`;
}

/** Accuracy of rows with many vs few imputed features. */
export function imputedConclusion(split: ImputedSplit | null, rows: number): string {
  if (split === null) return "Every row has the same number of imputed features: their effect cannot be separated.";
  const head = `Rows with ${int(split.at)} or more imputed features (${pct(split.more.n / rows)} of rows) have RMSE ${usd(split.more.rmse)}, against ${usd(split.fewer.rmse)} for rows with fewer`;
  const d = split.difference_pct;
  if (d === null) return `${head}.`;
  if (d >= config.performance.materialDifferencePct) return `${head}: ${pct(d / 100)} higher. Missing inputs, filled with training means, go with larger errors.`;
  if (d <= -config.performance.materialDifferencePct) return `${head}: ${pct(-d / 100)} lower. More missing inputs do not go with larger errors.`;
  return `${head}: about the same (within ${config.performance.materialDifferencePct}%). Missing inputs do not explain the degradation.`;
}

/** Daily noise, and whether the last window differs from the first. */
export function dailyConclusion(daily: readonly DayPerformance[], windows: WindowComparison | null): string {
  if (daily.length === 0) return "No production days.";
  const rmse = daily.map((d) => d.rmse);
  const n = daily.map((d) => d.n);
  const head = `Daily RMSE ranges from ${usd(Math.min(...rmse))} to ${usd(Math.max(...rmse))} on ${int(Math.min(...n))}–${int(Math.max(...n))} rows a day, too few for one day's figure to mean much.`;
  if (!windows) return `${head} The period is shorter than two ${config.performance.rollingDays}-day windows, so no trend can be judged.`;
  const w = `${windows.days}-day`;
  const compare = `The ${w} RMSE pooled from squared errors is ${usd(windows.first.rmse)} in the first ${w} window (${intervalText(windows.first)}) and ${usd(windows.last.rmse)} in the last (${intervalText(windows.last)})`;
  const verdict =
    windows.change === "worse"
      ? "accuracy got significantly worse over the period."
      : windows.change === "better"
        ? "accuracy got significantly better over the period."
        : "the intervals overlap, so no trend is detectable within the period.";
  return `${head} ${compare}: ${verdict}`;
}
