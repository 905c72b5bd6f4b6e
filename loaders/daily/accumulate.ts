import {type Dimension, dimensions, type ProductionData, segmentColumn} from "../inputs/index.js";
import type {Scores} from "../scoring/index.js";
import {addError, emptyErrorSums, emptyMoments, type ErrorSums, mergeErrorSums, mergeMoments, type Moments} from "../stats/index.js";

/** What one pass over production rows keeps about a feature. */
export interface FeatureSums {
  /** Moments of the values present (missing ones dropped, as R's na.rm). */
  present: Moments;
  missing: number;
}

/** Accuracy sums plus what business impact needs, for one group of rows. */
export interface GroupSums {
  errors: ErrorSums;
  /** Σ units × (actual − predicted) over under-priced rows with units known. */
  unitsUnderpriced: number;
  /** Σ units × (predicted − actual) over over-priced rows with units known. */
  unitsOverpriced: number;
  unitsSold: number;
  /**
   * Every absolute error of the group, for exact quantiles (R's type 7 needs
   * the order statistics; a sketch would only approximate them). Chunks merge
   * by concatenation; 8 bytes a row.
   */
  absErrors: number[];
}

export interface DayAccumulation extends GroupSums {
  features: FeatureSums[];
}

/**
 * Everything the core tables need, from one pass over the rows, as sums that
 * merge: a file can be read in chunks (or on several threads) and the chunks'
 * accumulations merged, giving the same figures as one pass.
 */
export interface Accumulation {
  rows: number;
  overall: GroupSums;
  segments: Record<Dimension, Map<string, GroupSums>>;
  days: Map<string, DayAccumulation>;
  /** Accuracy by the number of features imputed in the row. */
  byImputed: Map<number, ErrorSums>;
  features: FeatureSums[];
}

export function emptyAccumulation(featureCount: number): Accumulation {
  return {
    rows: 0,
    overall: emptyGroup(),
    segments: {category: new Map(), price_tier: new Map(), brand: new Map()},
    days: new Map(),
    byImputed: new Map(),
    features: emptyFeatures(featureCount),
  };
}

/** Adds rows [from, from + scores.length) of `data` and their scores. */
export function accumulate(acc: Accumulation, data: ProductionData, scores: Scores, from = 0): Accumulation {
  const n = scores.prediction.length;
  const k = data.x.length;
  const {category, price_tier: priceTier, brand} = acc.segments;
  const categories = segmentColumn(data, "category");
  const tiers = segmentColumn(data, "price_tier");
  const brands = segmentColumn(data, "brand");
  const newDay = (): DayAccumulation => ({...emptyGroup(), features: emptyFeatures(k)});
  const rowDays: DayAccumulation[] = new Array(n);
  let dayKey: string | null = null;
  let day: DayAccumulation | null = null;
  for (let i = 0; i < n; ++i) {
    const r = from + i;
    const actual = data.actualPrice[r];
    const error = scores.error[i];
    const units = data.unitsSold ? data.unitsSold[r] : NaN;
    addToGroup(acc.overall, actual, error, units);
    addToGroup(getOr(category, categories[r], emptyGroup), actual, error, units);
    addToGroup(getOr(priceTier, tiers[r], emptyGroup), actual, error, units);
    addToGroup(getOr(brand, brands[r], emptyGroup), actual, error, units);
    // Logs come in date order: look the day up only when it changes.
    if (data.date[r] !== dayKey || day === null) day = getOr(acc.days, (dayKey = data.date[r]), newDay);
    addToGroup(day, actual, error, units);
    rowDays[i] = day;
    addError(getOr(acc.byImputed, scores.imputed[i], emptyErrorSums), actual, error);
  }
  // Feature moments column by column, overall and per day. A log's rows come
  // in runs of one day, and each run's updates are kept in locals: the same
  // Welford steps as addValue, in the same order, so the same figures, with
  // far less memory traffic than one object update per cell.
  for (let j = 0; j < k; ++j) {
    const column = data.x[j];
    const total = acc.features[j];
    let tn = total.present.n;
    let tMean = total.present.mean;
    let tM2 = total.present.m2;
    let tMissing = total.missing;
    for (let i = 0; i < n; ) {
      const day = rowDays[i];
      const sums = day.features[j];
      let dn = sums.present.n;
      let dMean = sums.present.mean;
      let dM2 = sums.present.m2;
      let dMissing = sums.missing;
      for (; i < n && rowDays[i] === day; ++i) {
        const x = column[from + i];
        if (x === x) {
          let delta = x - tMean;
          tMean += delta / ++tn;
          tM2 += delta * (x - tMean);
          delta = x - dMean;
          dMean += delta / ++dn;
          dM2 += delta * (x - dMean);
        } else {
          ++tMissing;
          ++dMissing;
        }
      }
      sums.present.n = dn;
      sums.present.mean = dMean;
      sums.present.m2 = dM2;
      sums.missing = dMissing;
    }
    total.present.n = tn;
    total.present.mean = tMean;
    total.present.m2 = tM2;
    total.missing = tMissing;
  }
  acc.rows += n;
  return acc;
}

export function mergeAccumulations(a: Accumulation, b: Accumulation): Accumulation {
  const segments = {} as Accumulation["segments"];
  for (const d of dimensions) segments[d] = mergeMaps(a.segments[d], b.segments[d], mergeGroups);
  return {
    rows: a.rows + b.rows,
    overall: mergeGroups(a.overall, b.overall),
    segments,
    days: mergeMaps(a.days, b.days, (x, y) => ({...mergeGroups(x, y), features: mergeFeatures(x.features, y.features)})),
    byImputed: mergeMaps(a.byImputed, b.byImputed, mergeErrorSums),
    features: mergeFeatures(a.features, b.features),
  };
}

function emptyGroup(): GroupSums {
  return {errors: emptyErrorSums(), unitsUnderpriced: 0, unitsOverpriced: 0, unitsSold: 0, absErrors: []};
}

function emptyFeatures(k: number): FeatureSums[] {
  return Array.from({length: k}, () => ({present: emptyMoments(), missing: 0}));
}

function addToGroup(g: GroupSums, actual: number, error: number, units: number): void {
  addError(g.errors, actual, error);
  g.absErrors.push(Math.abs(error));
  if (units === units) {
    g.unitsSold += units;
    if (error > 0) g.unitsUnderpriced += units * error;
    else g.unitsOverpriced -= units * error;
  }
}

function mergeGroups(a: GroupSums, b: GroupSums): GroupSums {
  return {
    errors: mergeErrorSums(a.errors, b.errors),
    unitsUnderpriced: a.unitsUnderpriced + b.unitsUnderpriced,
    unitsOverpriced: a.unitsOverpriced + b.unitsOverpriced,
    unitsSold: a.unitsSold + b.unitsSold,
    absErrors: a.absErrors.concat(b.absErrors),
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
