import {dimensions, segmentColumn, type Dimension, type ProductionData} from "../inputs/index.js";
import type {Scores} from "../scoring/index.js";
import {
  addCoMoments,
  addError,
  emptyCoMoments,
  emptyErrorSums,
  emptyMoments,
  mergeCoMoments,
  mergeErrorSums,
  mergeMoments,
  type CoMoments,
  type ErrorSums,
  type Moments,
} from "../stats/index.js";
import {binColumn, emptyBins, gridOf, mergeBins, type CutsGrid} from "./cells.js";
import type {AccumulationPlan} from "./plan.js";

/** What one pass keeps about a feature, overall or in one day. */
export interface FeatureSums {
  /** Moments of the values present (missing ones dropped, as R's na.rm). */
  present: Moments;
  missing: number;
}

/**
 * Accuracy sums plus what business impact needs, for one group of rows.
 * `rows` counts every row; `errors` and the impact sums only the labelled
 * ones (actual_price present): a row whose label has not arrived is scored
 * and counted, but has no error yet.
 */
export interface GroupSums {
  rows: number;
  errors: ErrorSums;
  /** Σ units × (actual − predicted) over under-priced rows with units known. */
  unitsUnderpriced: number;
  /** Σ units × (predicted − actual) over over-priced rows with units known. */
  unitsOverpriced: number;
  unitsSold: number;
}

/** One day of the log as the pass sums it. */
export interface DayAccumulation extends GroupSums {
  features: FeatureSums[];
  /** Σ units × actual price over the day's labelled rows with units known. */
  revenue: number;
}

/** The squared errors of the rows where a feature is missing, and where it is present. */
export interface FeatureErrors {
  nMissing: number;
  sseMissing: number;
  nPresent: number;
  ssePresent: number;
}

/** A feature in the target's unit read as a price on its own, over the rows where it is present: Σ (actual − x)². */
export interface PriceSignalSums {
  n: number;
  sse: number;
}

/**
 * Everything the tables need besides the kept rows, from one pass over the
 * rows, as sums that merge: a log can be read file by file, in byte ranges
 * and on several threads, and the parts' accumulations merged (in log order)
 * give the figures of one pass. No part of it grows with the rows.
 */
export interface Accumulation {
  rows: number;
  overall: GroupSums;
  /** Segments in order of first appearance in the log. */
  segments: Record<Dimension, Map<string, GroupSums>>;
  days: Map<string, DayAccumulation>;
  /** Accuracy by the number of features imputed in the row. */
  byImputed: Map<number, ErrorSums>;
  /** Per model feature, in model order. */
  features: FeatureSums[];
  featureErrors: FeatureErrors[];
  /** Counts in bins around the training quantile values (loaders/accumulate/cells.ts); null for a feature without quantiles. */
  bins: (Float64Array | null)[];
  /** One per `plan.priceFeatures`, in its order. */
  priceSignals: PriceSignalSums[];
  /** Pairwise-complete co-moments of the features (their correlation matrix). */
  comoments: CoMoments;
}

export function emptyAccumulation(plan: AccumulationPlan): Accumulation {
  const k = plan.features.length;
  return {
    rows: 0,
    overall: emptyGroup(),
    segments: {category: new Map(), price_tier: new Map(), brand: new Map()},
    days: new Map(),
    byImputed: new Map(),
    features: emptyFeatures(k),
    featureErrors: Array.from({length: k}, () => ({nMissing: 0, sseMissing: 0, nPresent: 0, ssePresent: 0})),
    bins: plan.cuts.map((cuts) => (cuts === null ? null : emptyBins(cuts))),
    priceSignals: plan.priceFeatures.map(() => ({n: 0, sse: 0})),
    comoments: emptyCoMoments(plan.shift),
  };
}

/**
 * Adds a batch of rows and their scores. Returns each row's flags (bit k: it
 * misses a feature of the plan's flag set k), which the kept rows store.
 * `binsOut`, when given, receives each value's bin (0xffff when missing) at
 * [offset, offset + rows) of its feature's array (null for a feature without
 * bins), so the spill files the value without finding its bin again.
 */
export function accumulate(acc: Accumulation, plan: AccumulationPlan, data: ProductionData, scores: Scores, binsOut?: {offset: number; bins: readonly (Uint16Array | null)[]}): Uint8Array {
  const n = data.rows;
  const k = data.x.length;
  const {category, price_tier: priceTier, brand} = acc.segments;
  const categories = segmentColumn(data, "category");
  const tiers = segmentColumn(data, "price_tier");
  const brands = segmentColumn(data, "brand");
  const newDay = (): DayAccumulation => ({...emptyGroup(), features: emptyFeatures(k), revenue: 0});
  const rowDays: DayAccumulation[] = new Array(n);
  let dayKey: string | null = null;
  let day: DayAccumulation | null = null;
  for (let i = 0; i < n; ++i) {
    const actual = data.actualPrice[i];
    const error = scores.error[i];
    const units = data.unitsSold ? data.unitsSold[i] : NaN;
    addToGroup(acc.overall, actual, error, units);
    addToGroup(getOr(category, categories[i], emptyGroup), actual, error, units);
    addToGroup(getOr(priceTier, tiers[i], emptyGroup), actual, error, units);
    addToGroup(getOr(brand, brands[i], emptyGroup), actual, error, units);
    // Logs come in date order: look the day up only when it changes.
    if (data.date[i] !== dayKey || day === null) day = getOr(acc.days, (dayKey = data.date[i]), newDay);
    addToGroup(day, actual, error, units);
    if (units === units && actual === actual) day.revenue += units * actual;
    rowDays[i] = day;
    if (actual === actual) addError(getOr(acc.byImputed, scores.imputed[i], emptyErrorSums), actual, error);
  }
  const grids = gridsOf(plan);
  // NaN for a row without its label: left out of the feature error sums below.
  const squared = new Float64Array(n);
  for (let i = 0; i < n; ++i) squared[i] = scores.error[i] * scores.error[i];
  // Feature moments column by column, overall and per day. A log's rows come
  // in runs of one day, and each run's updates are kept in locals: the same
  // Welford steps as addValue, in the same order, so the same figures, with
  // far less memory traffic than one object update per cell.
  for (let j = 0; j < k; ++j) {
    const column = data.x[j];
    const total = acc.features[j];
    const errors = acc.featureErrors[j];
    let tn = total.present.n;
    let tMean = total.present.mean;
    let tM2 = total.present.m2;
    let tMissing = total.missing;
    let sseMissing = errors.sseMissing;
    let ssePresent = errors.ssePresent;
    let nMissing = errors.nMissing;
    let nPresent = errors.nPresent;
    for (let i = 0; i < n; ) {
      const runDay = rowDays[i];
      const sums = runDay.features[j];
      let dn = sums.present.n;
      let dMean = sums.present.mean;
      let dM2 = sums.present.m2;
      let dMissing = sums.missing;
      for (; i < n && rowDays[i] === runDay; ++i) {
        const x = column[i];
        if (x === x) {
          let delta = x - tMean;
          tMean += delta / ++tn;
          tM2 += delta * (x - tMean);
          delta = x - dMean;
          dMean += delta / ++dn;
          dM2 += delta * (x - dMean);
          const sq = squared[i];
          if (sq === sq) {
            ssePresent += sq;
            ++nPresent;
          }
        } else {
          ++tMissing;
          ++dMissing;
          const sq = squared[i];
          if (sq === sq) {
            sseMissing += sq;
            ++nMissing;
          }
        }
      }
      sums.present.n = dn;
      sums.present.mean = dMean;
      sums.present.m2 = dM2;
      sums.missing = dMissing;
    }
    errors.nMissing = nMissing;
    errors.nPresent = nPresent;
    errors.sseMissing = sseMissing;
    errors.ssePresent = ssePresent;
    total.present.n = tn;
    total.present.mean = tMean;
    total.present.m2 = tM2;
    total.missing = tMissing;
    const bins = acc.bins[j];
    const grid = grids[j];
    if (bins !== null && grid !== null) binColumn(grid, column, n, bins, binsOut?.bins[j] ?? null, binsOut?.offset ?? 0);
  }
  plan.priceFeatures.forEach((j, s) => {
    const column = data.x[j];
    const signal = acc.priceSignals[s];
    let sn = signal.n;
    let sse = signal.sse;
    for (let i = 0; i < n; ++i) {
      const x = column[i];
      const error = data.actualPrice[i] - x;
      // A missing feature, or a row whose label has not arrived.
      if (error !== error) continue;
      ++sn;
      sse += error * error;
    }
    signal.n = sn;
    signal.sse = sse;
  });
  addCoMoments(acc.comoments, data.x, n);
  acc.rows += n;
  return rowFlags(plan, data);
}

/** Each feature's cut lookup, made once per plan (a plan is made once per run and shared by every batch). */
const gridCache = new WeakMap<AccumulationPlan, (CutsGrid | null)[]>();
function gridsOf(plan: AccumulationPlan): (CutsGrid | null)[] {
  let grids = gridCache.get(plan);
  if (grids === undefined) gridCache.set(plan, (grids = plan.cuts.map((c) => (c === null ? null : gridOf(c)))));
  return grids;
}

/** Bit k of row i: the row misses a feature of flag set k. */
function rowFlags(plan: AccumulationPlan, data: ProductionData): Uint8Array {
  const flags = new Uint8Array(data.rows);
  plan.flagSets.forEach((set, bit) => {
    const mask = 1 << bit;
    for (const j of set.features) {
      const column = data.x[j];
      for (let i = 0; i < data.rows; ++i) if (column[i] !== column[i]) flags[i] |= mask;
    }
  });
  return flags;
}

/** Two parts' accumulations as one, `b`'s rows after `a`'s. */
export function mergeAccumulations(a: Accumulation, b: Accumulation): Accumulation {
  const segments = {} as Accumulation["segments"];
  for (const d of dimensions) segments[d] = mergeMaps(a.segments[d], b.segments[d], mergeGroups);
  return {
    rows: a.rows + b.rows,
    overall: mergeGroups(a.overall, b.overall),
    segments,
    days: mergeMaps(a.days, b.days, (x, y) => ({...mergeGroups(x, y), features: mergeFeatures(x.features, y.features), revenue: x.revenue + y.revenue})),
    byImputed: mergeMaps(a.byImputed, b.byImputed, mergeErrorSums),
    features: mergeFeatures(a.features, b.features),
    featureErrors: a.featureErrors.map((x, j) => {
      const y = b.featureErrors[j];
      return {nMissing: x.nMissing + y.nMissing, sseMissing: x.sseMissing + y.sseMissing, nPresent: x.nPresent + y.nPresent, ssePresent: x.ssePresent + y.ssePresent};
    }),
    bins: a.bins.map((x, j) => {
      const y = b.bins[j];
      return x === null || y === null ? null : mergeBins(x, y);
    }),
    priceSignals: a.priceSignals.map((x, s) => ({n: x.n + b.priceSignals[s].n, sse: x.sse + b.priceSignals[s].sse})),
    comoments: mergeCoMoments(a.comoments, b.comoments),
  };
}

function emptyGroup(): GroupSums {
  return {rows: 0, errors: emptyErrorSums(), unitsUnderpriced: 0, unitsOverpriced: 0, unitsSold: 0};
}

function emptyFeatures(k: number): FeatureSums[] {
  return Array.from({length: k}, () => ({present: emptyMoments(), missing: 0}));
}

function addToGroup(g: GroupSums, actual: number, error: number, units: number): void {
  ++g.rows;
  if (actual !== actual) return;
  addError(g.errors, actual, error);
  if (units === units) {
    g.unitsSold += units;
    if (error > 0) g.unitsUnderpriced += units * error;
    else g.unitsOverpriced -= units * error;
  }
}

function mergeGroups(a: GroupSums, b: GroupSums): GroupSums {
  return {
    rows: a.rows + b.rows,
    errors: mergeErrorSums(a.errors, b.errors),
    unitsUnderpriced: a.unitsUnderpriced + b.unitsUnderpriced,
    unitsOverpriced: a.unitsOverpriced + b.unitsOverpriced,
    unitsSold: a.unitsSold + b.unitsSold,
  };
}

function mergeFeatures(a: FeatureSums[], b: FeatureSums[]): FeatureSums[] {
  return a.map((f, j) => ({present: mergeMoments(f.present, b[j].present), missing: f.missing + b[j].missing}));
}

function mergeMaps<K, V>(a: Map<K, V>, b: Map<K, V>, merge: (x: V, y: V) => V): Map<K, V> {
  const out = new Map(a);
  for (const [key, value] of b) {
    const mine = out.get(key);
    out.set(key, mine === undefined ? value : merge(mine, value));
  }
  return out;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
