import type {Accumulation} from "../accumulate/index.js";
import {config} from "../config.js";
import {compare} from "../shared/index.js";
import {dimensions, type Dimension} from "../inputs/index.js";

/** "none": overall RMSE already near validation; "concentrated": a few segments explain it; "uniform": spread across the catalogue. */
export type ConcentrationVerdict = "none" | "concentrated" | "uniform";

/** Leaving out one dimension's worst segments until the rest is back near validation. */
export interface DimensionRecovery {
  dimension: Dimension;
  /** Segments left out, highest RMSE first. */
  left_out: string[];
  /** Their share of the rows and of the squared error. */
  row_share: number;
  sse_share: number;
  /** RMSE of the rows kept; null when every segment had to go. */
  rmse_rest: number | null;
  /** The rows kept are back near validation. */
  recovered: boolean;
}

export interface Concentration {
  verdict: ConcentrationVerdict;
  /** validation RMSE × (1 + nearValidationPct/100). */
  near_validation_rmse: number;
  /** The smallest row share whose removal brings RMSE back near validation (1 when no dimension recovers before its last segment). */
  min_row_share: number;
  /** The dimension achieving it (null when none recovers). */
  best_dimension: Dimension | null;
  by_dimension: DimensionRecovery[];
}

/**
 * Is the degradation uniform or concentrated? For each dimension, segments are
 * left out from the highest RMSE down until the RMSE of the rows kept is within
 * nearValidationPct of validation. Highest RMSE first is the order that gets
 * there leaving out the fewest rows (a fractional knapsack: each segment's
 * excess squared error per row is its MSE minus the target). If some dimension
 * gets there leaving out at most concentratedMaxRowShare of the rows, the
 * degradation is concentrated in those segments; otherwise it is uniform.
 * Segments partition the rows within a dimension, so this needs only the
 * accumulation's sums.
 */
export function concentration(acc: Accumulation, validationRmse: number): Concentration {
  const {nearValidationPct, concentratedMaxRowShare} = config.performance;
  const target = validationRmse * (1 + nearValidationPct / 100);
  const total = acc.overall.errors;
  const byDimension = dimensions.map((dimension): DimensionRecovery => {
    const segments = [...acc.segments[dimension]]
      .map(([segment, g]) => ({segment, n: g.errors.n, sse: g.errors.sumSquaredError}))
      .sort((a, b) => b.sse / b.n - a.sse / a.n || compare(a.segment, b.segment));
    let n = total.n;
    let sse = total.sumSquaredError;
    const leftOut: string[] = [];
    for (const s of segments) {
      if (Math.sqrt(sse / n) <= target) break;
      leftOut.push(s.segment);
      n -= s.n;
      sse -= s.sse;
      if (n === 0) break;
    }
    const rest = n > 0 ? Math.sqrt(Math.max(0, sse) / n) : null;
    return {
      dimension,
      left_out: leftOut,
      row_share: 1 - n / total.n,
      sse_share: total.sumSquaredError > 0 ? 1 - Math.max(0, sse) / total.sumSquaredError : 0,
      rmse_rest: rest,
      recovered: rest !== null && rest <= target,
    };
  });
  const recovered = byDimension.filter((d) => d.recovered).sort((a, b) => a.row_share - b.row_share);
  const best = recovered[0] ?? null;
  const minRowShare = best ? best.row_share : 1;
  const overall = Math.sqrt(total.sumSquaredError / total.n);
  return {
    verdict: overall <= target ? "none" : minRowShare <= concentratedMaxRowShare ? "concentrated" : "uniform",
    near_validation_rmse: target,
    min_row_share: minRowShare,
    best_dimension: best ? best.dimension : null,
    by_dimension: byDimension,
  };
}
