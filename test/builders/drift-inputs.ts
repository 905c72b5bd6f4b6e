import {accumulate, cutsOf, emptyAccumulation, type AccumulationPlan} from "../../loaders/accumulate/index.js";
import {distributionTable, validQuantiles, type DistributionTable} from "../../loaders/drift/index.js";
import type {ProductionData} from "../../loaders/inputs/production.js";
import {addCoMoments, emptyCoMoments, type CoMoments} from "../../loaders/stats/index.js";
import type {FeatureStats, TrainingStats} from "../../loaders/inputs/training-stats.js";

/** A small production log: feature columns given by name (NaN = missing), other columns filled in. */
export function production(columns: Record<string, number[]>, other: Partial<ProductionData> = {}): ProductionData {
  const features = Object.keys(columns);
  const rows = columns[features[0]].length;
  const fill = (s: string) => Array.from({length: rows}, () => s);
  return {
    file: "synthetic.csv",
    rows,
    productId: Array.from({length: rows}, (_, i) => `P${i}`),
    date: fill("2026-10-01"),
    category: fill("A"),
    brand: fill("B"),
    priceTier: fill("Mid"),
    actualPrice: new Float64Array(rows).fill(10),
    features,
    x: features.map((f) => Float64Array.from(columns[f])),
    unitsSold: null,
    latencyMs: null,
    extraColumns: [],
    ...other,
  };
}

/** Training statistics for the given features (mean 0, SD 1, 2% missing unless given). */
export function stats(features: (Partial<FeatureStats> & {feature: string})[], other: Partial<TrainingStats> = {}): TrainingStats {
  return {
    file: "synthetic_stats.json",
    nObs: 3600,
    window: {start: "2026-07-01", end: "2026-09-30", days: 92},
    features: features.map((f) => ({source: "database", unit: "", mean: 0, sd: 1, missingRate: 0.02, min: null, max: null, ...f})),
    quantileProbs: null,
    quantiles: null,
    correlation: null,
    target: null,
    categories: null,
    brands: null,
    validation: {rmse: 8, mae: 6, r2: 0.98, n: 500},
    imputation: "training mean",
    ...other,
  };
}

/** The 15 probabilities of training_stats.rds. */
export const probs15 = [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

/** The pass's co-moments of a log's feature columns, centred on the training means. */
export function comomentsOf(data: ProductionData, training: TrainingStats): CoMoments {
  const mean = new Map(training.features.map((f) => [f.feature, f.mean]));
  const m = emptyCoMoments(data.features.map((f) => mean.get(f) ?? 0));
  addCoMoments(m, data.x, data.rows);
  return m;
}

/**
 * The distribution table of a log's features as the engine computes it: the
 * pass's bin counts (accumulated here) and the order statistics of the
 * present values (sorted in memory: what the engine's look selects from its
 * spills, checked by the engine's own tests).
 */
export function distributionOf(data: ProductionData, training: TrainingStats): DistributionTable {
  const probs = training.quantileProbs;
  const plan: AccumulationPlan = {
    features: data.features,
    shift: new Float64Array(data.features.length),
    cuts: data.features.map((f) => {
      const q = training.quantiles?.get(f);
      return probs && q && validQuantiles(q, probs) ? cutsOf(q) : null;
    }),
    flagSets: [],
    priceFeatures: [],
  };
  const acc = emptyAccumulation(plan);
  const scores = {prediction: new Float64Array(data.rows), error: new Float64Array(data.rows), absError: new Float64Array(data.rows), imputed: new Uint16Array(data.rows)};
  accumulate(acc, plan, data, scores);
  const sorted = data.x.map((column) => column.filter((x) => x === x).sort());
  return distributionTable(acc, plan, training, (j) => (k) => sorted[j][k]);
}
