import {accumulate, emptyAccumulation, RowsBuilder, type Accumulation, type AccumulationPlan} from "../../loaders/accumulate/index.js";
import {RowErrors} from "../../loaders/performance/index.js";
import type {ProductionData} from "../../loaders/inputs/production.js";
import type {TrainingStats} from "../../loaders/inputs/training-stats.js";
import type {Scores} from "../../loaders/scoring/score.js";

/** One synthetic scored row: what the performance tables read. */
export interface Row {
  category?: string;
  brand?: string;
  tier?: string;
  date?: string;
  actual?: number;
  /** actual − predicted */
  error: number;
  imputed?: number;
}

/** A plan for logs without features. */
export const noFeatures: AccumulationPlan = {features: [], shift: new Float64Array(0), cuts: [], flagSets: [], priceFeatures: []};

/** Production data and scores for synthetic rows (no feature columns), their accumulation and kept rows' errors. */
export function synthetic(rows: readonly Row[]): {data: ProductionData; scores: Scores; acc: Accumulation; errors: RowErrors} {
  const actual = Float64Array.from(rows, (r) => r.actual ?? 100);
  const error = Float64Array.from(rows, (r) => r.error);
  const data: ProductionData = {
    file: "synthetic.csv",
    rows: rows.length,
    productId: rows.map((_, i) => `P${i}`),
    date: rows.map((r) => r.date ?? "2026-10-01"),
    category: rows.map((r) => r.category ?? "C"),
    brand: rows.map((r) => r.brand ?? "B"),
    priceTier: rows.map((r) => r.tier ?? "T"),
    actualPrice: actual,
    features: [],
    x: [],
    unitsSold: null,
    latencyMs: null,
    extraColumns: [],
  };
  const scores: Scores = {
    prediction: actual.map((a, i) => a - error[i]),
    error,
    absError: error.map(Math.abs),
    imputed: Uint16Array.from(rows, (r) => r.imputed ?? 0),
  };
  const acc = emptyAccumulation(noFeatures);
  const kept = new RowsBuilder(false);
  kept.add(data, scores, accumulate(acc, noFeatures, data, scores));
  return {data, scores, acc, errors: new RowErrors(kept.rows())};
}

export function syntheticStats(validationRmse: number, categories: string[] | null = null): TrainingStats {
  return {
    file: "synthetic-stats.json",
    nObs: 1000,
    window: {start: "2026-07-01", end: "2026-09-30", days: 92},
    features: [],
    quantileProbs: null,
    quantiles: null,
    correlation: null,
    target: null,
    categories: categories ? new Map(categories.map((c) => [c, 100])) : null,
    brands: null,
    validation: {rmse: validationRmse, mae: validationRmse * 0.8, r2: 0.95, n: 500},
    imputation: "training mean",
  };
}

/**
 * `n` errors of RMSE exactly `rmse` with some spread: magnitudes alternate
 * between 0.5 and √1.75 of it (mean square 1), signs alternate in pairs.
 */
export function errorsWithRmse(n: number, rmse: number): number[] {
  const lo = 0.5 * rmse;
  const hi = Math.sqrt(1.75) * rmse;
  return Array.from({length: n}, (_, i) => (i % 2 === 0 ? lo : hi) * (Math.floor(i / 2) % 2 === 0 ? 1 : -1));
}

/** Rows of one segment combination with errors of the given RMSE. */
export function rowsOf(n: number, rmse: number, fields: Omit<Row, "error"> = {}): Row[] {
  return errorsWithRmse(n, rmse).map((error) => ({...fields, error}));
}
