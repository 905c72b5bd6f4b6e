import {config} from "../config.js";
import {isNearZeroMean} from "../shared/index.js";
import type {FeatureDrift} from "./table.js";
import type {FeatureImportance} from "../scoring/index.js";

export interface FeatureImpact {
  feature: string;
  source: string;
  beta: number;
  /** |β| × training SD (loaders/importance.ts). */
  importance: number;
  importance_rank: number;
  mean_shift_pct: number | null;
  /** False when the training mean is too near zero for a % change to mean anything. */
  pct_meaningful: boolean;
  mean_shift_sd: number | null;
  /**
   * β × (production mean − training mean): dollars the feature's drift alone
   * adds to the average prediction of rows where it is present (= ± importance
   * × shift in SDs). Imputed rows get the training mean and no shift.
   */
  prediction_shift: number | null;
  severe: boolean;
  /** |shift| ≥ config.driftAnalysis.largeShiftSd training SDs. */
  large_shift: boolean;
}

export interface ImpactReport {
  /** Every feature, largest |prediction shift| first. */
  features: FeatureImpact[];
  /** The brief's severe features, ranked by what their drift does to predictions. */
  high_risk: FeatureImpact[];
  /** Features whose % change is not meaningful (training mean near zero). */
  near_zero: FeatureImpact[];
  /** Not severe by the % rule, yet shifted by a large number of training SDs. */
  missed_by_pct_rule: FeatureImpact[];
  /** Σ prediction shifts: the net move of the average prediction from all mean shifts. */
  net_prediction_shift: number;
  /** The severe features' share of Σ |prediction shift|. */
  severe_share_of_shift: number | null;
}

/** Whether a % change is meaningful: not when the training mean is near zero (the one rule, loaders/shared/near-zero.ts). */
export function pctMeaningful(trainMean: number, trainSd: number): boolean {
  return !isNearZeroMean(trainMean, trainSd, config.driftAnalysis.nearZeroMeanSd);
}

/** Drift × importance for every feature: `drift` is the drift table's rows (model order), `importance` gives each row's importance by position (its index). */
export function impactReport(drift: readonly FeatureDrift[], importance: readonly FeatureImportance[]): ImpactReport {
  return rankImpacts(featureImpacts(drift, importance));
}

/** Each feature's impact, in model order (the drift table's): drift row j with the importance of position j. */
export function featureImpacts(drift: readonly FeatureDrift[], importance: readonly FeatureImportance[]): FeatureImpact[] {
  // Importance comes ranked; by its index it is in model order, as the drift rows are.
  const inModelOrder = [...importance].sort((a, b) => a.index - b.index);
  return drift.map((d, j): FeatureImpact => {
    const imp = inModelOrder[j];
    return {
      feature: d.feature,
      source: d.source,
      beta: imp.beta,
      importance: imp.importance,
      importance_rank: imp.rank,
      mean_shift_pct: d.mean_shift_pct,
      pct_meaningful: pctMeaningful(d.train_mean, d.train_sd),
      mean_shift_sd: d.mean_shift_sd,
      prediction_shift: d.prod_mean === null ? null : imp.beta * (d.prod_mean - d.train_mean),
      severe: d.severe,
      large_shift: d.mean_shift_sd !== null && Math.abs(d.mean_shift_sd) >= config.driftAnalysis.largeShiftSd,
    };
  });
}

/** The report over the features' impacts (in model order): ranked by the size of the prediction shift, with its totals. */
export function rankImpacts(rows: readonly FeatureImpact[]): ImpactReport {
  const size = (f: FeatureImpact) => (f.prediction_shift === null ? -1 : Math.abs(f.prediction_shift));
  const ranked = [...rows].sort((a, b) => size(b) - size(a) || a.importance_rank - b.importance_rank);
  const total = rows.reduce((sum, f) => sum + Math.abs(f.prediction_shift ?? 0), 0);
  const severe = rows.reduce((sum, f) => sum + (f.severe ? Math.abs(f.prediction_shift ?? 0) : 0), 0);
  return {
    features: ranked,
    high_risk: ranked.filter((f) => f.severe),
    near_zero: ranked.filter((f) => !f.pct_meaningful),
    missed_by_pct_rule: ranked.filter((f) => !f.severe && f.large_shift),
    net_prediction_shift: rows.reduce((sum, f) => sum + (f.prediction_shift ?? 0), 0),
    severe_share_of_shift: total > 0 ? severe / total : null,
  };
}
