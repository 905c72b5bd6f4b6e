import type {Accumulation, AccumulationPlan, Rows} from "../accumulate/index.js";
import {config} from "../config.js";
import type {DriftTable, FeatureDrift} from "./table.js";
import type {FeatureImportance} from "../scoring/index.js";
import type {TrainingStats} from "../inputs/index.js";
import type {PerformanceTable, RowErrors} from "../performance/index.js";
import {correlationConclusion, distributionConclusion, impactConclusion, missingConclusion, missingErrorConclusion, newSegmentsConclusion, outageConclusion, shiftConclusion} from "./conclusions.js";
import {correlationReport, type CorrelationReport} from "./correlation.js";
import {distributionTable, type DistributionTable, type PsiLevel} from "./distribution-table.js";
import {featureImpacts, rankImpacts, type ImpactReport} from "./impact.js";
import {missingnessReport, type MissingnessReport} from "./missingness.js";
import {newSegmentsReport, type NewSegmentsByDimension} from "./new-segments.js";
import {labelDrift, type LabelDrift} from "./label-drift.js";

/** One row of the page's 75-feature table: the drift.json contract plus the page's analyses. */
export interface DriftFeatureRow extends Omit<FeatureDrift, "prod_n"> {
  pct_meaningful: boolean;
  missing_elevated: boolean;
  importance: number;
  importance_rank: number;
  prediction_shift: number | null;
  psi: number | null;
  psi_level: PsiLevel | null;
  ks: number | null;
  wasserstein_sd: number | null;
}

export interface DriftReport {
  rows: number;
  /** For context beside error figures. */
  validation_rmse: number;
  overall_rmse: number;
  feature_count: number;
  severe_count: number;
  features: DriftFeatureRow[];
  impact: ImpactReport;
  distribution: DistributionTable;
  missingness: MissingnessReport;
  correlation: CorrelationReport;
  new_segments: NewSegmentsByDimension[];
  /** The segment mix, target and prediction drift, with their conclusions (label-drift.ts). */
  label_drift: LabelDrift;
  /** The thresholds behind the figures (config.drift, config.driftAnalysis), for the page to state. */
  settings: DriftSettings;
  /** One generated sentence per section. */
  conclusions: {
    shift: string;
    impact: string;
    distribution: string;
    missing: string;
    outage: string;
    missing_error: string;
    correlation: string;
    new_segments: string;
  };
}

export interface DriftSettings {
  severe_mean_shift_pct: number;
  severe_sd_change_pct: number;
  near_zero_mean_sd: number;
  large_shift_sd: number;
  psi_moderate: number;
  psi_major: number;
  psi_epsilon: number;
  psi_epsilon_checks: number[];
  min_point_share: number;
  /** The family-wise level of every drift test (config.driftAnalysis.multipleTesting). */
  ks_alpha: number;
  /** The correction applied within each family of tests. */
  multiple_testing: "bonferroni" | "benjamini-hochberg";
  missing_elevated_ratio: number;
  missing_elevated_points: number;
  outage_multiple: number;
  outage_min_points: number;
  min_rows: number;
  correlation_alpha: number;
  correlation_evidence_min_r: number;
}

export function driftSettings(): DriftSettings {
  const a = config.driftAnalysis;
  return {
    severe_mean_shift_pct: config.drift.severeMeanShiftPct,
    severe_sd_change_pct: config.drift.severeSdChangePct,
    near_zero_mean_sd: a.nearZeroMeanSd,
    large_shift_sd: a.largeShiftSd,
    psi_moderate: a.psiModerate,
    psi_major: a.psiMajor,
    psi_epsilon: a.psiEpsilon,
    psi_epsilon_checks: [...a.psiEpsilonChecks],
    min_point_share: a.minPointShare,
    ks_alpha: a.multipleTesting.familyAlpha,
    multiple_testing: a.multipleTesting.correction,
    missing_elevated_ratio: a.missing.elevatedRatio,
    missing_elevated_points: a.missing.elevatedPoints,
    outage_multiple: a.missing.outageMultiple,
    outage_min_points: a.missing.outageMinPoints,
    min_rows: config.performance.minSegmentRows,
    correlation_alpha: a.multipleTesting.familyAlpha,
    correlation_evidence_min_r: a.correlation.evidenceMinR,
  };
}

export interface DriftReportInputs {
  stats: TrainingStats;
  plan: AccumulationPlan;
  accumulation: Accumulation;
  /** The labelled kept rows' errors (their imputed counts against their squared errors). */
  errors: RowErrors;
  /** Every kept row, labelled or not: the target's and the predictions' drift read them (the predictions need no label). */
  rows: Rows;
  /** Each feature's exact order statistics among its present values (quantile-look.ts), or null without quantiles. */
  orderStatistics: (feature: number) => ((k: number) => number) | null;
  importance: FeatureImportance[];
  performance: PerformanceTable;
  drift: DriftTable;
}

/** Everything the drift page shows beyond drift.json, from the tables already built. */
export function driftReport({stats, plan, accumulation, errors, rows, orderStatistics, importance, performance, drift}: DriftReportInputs): DriftReport {
  const impacts = featureImpacts(drift.features, importance);
  const impact = rankImpacts(impacts);
  const distribution = distributionTable(accumulation, plan, stats, orderStatistics);
  const missingness = missingnessReport(accumulation, plan.features, stats, errors, importance, performance.by_imputed);
  const features = drift.features.map((d, j): DriftFeatureRow => {
    const i = impacts[j];
    const dist = distribution.features[j];
    const {prod_n: _, ...contract} = d;
    return {
      ...contract,
      pct_meaningful: i.pct_meaningful,
      missing_elevated: missingness.features[j].elevated,
      importance: i.importance,
      importance_rank: i.importance_rank,
      prediction_shift: i.prediction_shift,
      psi: dist.psi,
      psi_level: dist.psi_level,
      ks: dist.ks,
      wasserstein_sd: dist.wasserstein_sd,
    };
  });
  const correlation = correlationReport(accumulation.comoments, plan.features, stats, importance);
  const newSegments = newSegmentsReport(accumulation, drift.new_categories, drift.new_brands, {categories: stats.categories !== null, brands: stats.brands !== null});
  const severe = new Set(features.filter((f) => f.severe).map((f) => f.feature));
  return {
    rows: accumulation.rows,
    validation_rmse: performance.validation.rmse,
    overall_rmse: performance.overall.rmse,
    feature_count: features.length,
    severe_count: drift.severe_count,
    features,
    impact,
    distribution,
    missingness,
    correlation,
    new_segments: newSegments,
    label_drift: labelDrift(accumulation, rows, stats, performance.validation.rmse),
    settings: driftSettings(),
    conclusions: {
      shift: shiftConclusion({feature_count: features.length, severe_count: drift.severe_count, features}),
      impact: impactConclusion(impact),
      distribution: distributionConclusion(distribution, severe),
      missing: missingConclusion(missingness),
      outage: outageConclusion(missingness),
      missing_error: missingErrorConclusion(missingness),
      correlation: correlationConclusion(correlation),
      new_segments: newSegmentsConclusion(newSegments),
    },
  };
}
