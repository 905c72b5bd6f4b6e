import type {MemoryInputs} from "./engine.js";
import type {ProductionData} from "../../loaders/inputs/production.js";
import type {TrainingStats} from "../../loaders/inputs/training-stats.js";
import type {LinearModel} from "../../loaders/model/index.js";

/** One synthetic production day: its rows' error size and what else to plant in them. */
export interface DaySpec {
  date: string;
  rows: number;
  /** Every row's |actual − predicted|: the day's RMSE and MAE both equal it. */
  error: number;
  /** "both": errors alternate + and −; "under"/"over": all under- or over-priced. */
  sign?: "both" | "under" | "over";
  latencyMs?: number;
  /** How many of the day's rows miss feature `a`. */
  missingA?: number;
  /** Feature `a`'s present values are its training mean × this. */
  scaleA?: number;
  /** How many of the day's last rows have no actual price yet (late labels, issue 22). */
  unlabelled?: number;
}

export const trainMean = {a: 10, b: 5, z: 0.1};

/**
 * A tiny report input built in memory: three features (`a` and `b` with
 * means well away from zero, `z` with a near-zero mean), prediction =
 * 2a + b + 0.5z, and rows whose errors, latencies and missing values are
 * planted day by day, so each figure's expected value is known.
 */
export function syntheticInputs(days: DaySpec[], options: {latency?: boolean; units?: boolean} = {}): MemoryInputs {
  const {latency = true, units = true} = options;
  const model: LinearModel = {kind: "elnet", intercept: 0, features: ["a", "b", "z"], coefficients: [2, 1, 0.5], lambda: 0.05};
  const n = days.reduce((s, d) => s + d.rows, 0);
  const x = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const actualPrice = new Float64Array(n);
  const date: string[] = [];
  const latencyMs = new Float64Array(n);
  const unitsSold = new Float64Array(n);
  let r = 0;
  for (const d of days) {
    for (let i = 0; i < d.rows; ++i, ++r) {
      const missing = i < (d.missingA ?? 0);
      // ±1 around the (scaled) mean, in pairs, so the day's mean is exact when rows are even.
      const a = trainMean.a * (d.scaleA ?? 1) + (i % 2 ? 1 : -1);
      x[0][r] = missing ? NaN : a;
      x[1][r] = trainMean.b;
      x[2][r] = trainMean.z;
      const prediction = 2 * (missing ? trainMean.a : a) + trainMean.b + 0.5 * trainMean.z;
      const sign = d.sign === "under" ? 1 : d.sign === "over" ? -1 : i % 2 ? 1 : -1;
      actualPrice[r] = i >= d.rows - (d.unlabelled ?? 0) ? NaN : prediction + sign * d.error;
      date.push(d.date);
      latencyMs[r] = d.latencyMs ?? 50;
      unitsSold[r] = 2;
    }
  }
  const production: ProductionData = {
    file: "synthetic.csv",
    rows: n,
    productId: date.map((_, i) => `P${i}`),
    date,
    category: date.map(() => "Toys"),
    brand: date.map(() => "Acme"),
    priceTier: date.map(() => "Value"),
    actualPrice,
    features: model.features,
    x,
    unitsSold: units ? unitsSold : null,
    latencyMs: latency ? latencyMs : null,
    extraColumns: [],
  };
  const feature = (name: "a" | "b" | "z", sd: number) => ({feature: name, source: "database", unit: "", mean: trainMean[name], sd, missingRate: 0.02, min: null, max: null});
  const stats: TrainingStats = {
    file: "training_stats.json",
    nObs: 1000,
    window: {start: "2026-01-01", end: "2026-03-31", days: 90},
    features: [feature("a", 2), feature("b", 1), feature("z", 1)],
    quantileProbs: null,
    quantiles: null,
    correlation: null,
    target: {name: "actual_price", mean: 25, sd: 5, quantiles: null},
    categories: null,
    brands: null,
    validation: {rmse: 1, mae: 1, r2: 0.9, n: 200},
    imputation: "training mean",
  };
  return {production, model, stats};
}

/** Consecutive calendar days from `first`, one spec each. */
export function run(first: string, specs: Omit<DaySpec, "date">[]): DaySpec[] {
  const t0 = Date.parse(`${first}T00:00:00Z`);
  return specs.map((s, i) => ({...s, date: new Date(t0 + i * 86_400_000).toISOString().slice(0, 10)}));
}

export const days = (count: number, spec: Omit<DaySpec, "date">): Omit<DaySpec, "date">[] => Array.from({length: count}, () => ({...spec}));
