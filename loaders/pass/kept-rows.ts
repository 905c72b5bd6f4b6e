import type {ProductionData} from "../inputs/index.js";
import {allPresent} from "../shared/index.js";
import type {Scores} from "../scoring/index.js";

/**
 * What the streaming path keeps of every row: what the row-level tables
 * (performance detail, monitoring, risk) read besides the accumulation, about
 * 50 bytes a row plus 8 for each feature column kept (the few the risk table
 * reads; see passRowFeatures) instead of the 600 of all 75 features. Text
 * columns are codes into small tables of their distinct values. Typed arrays
 * only, so a worker hands them over without copying.
 */
export interface KeptRows {
  rows: number;
  /** The kept feature columns (NaN = missing), one for each position of the keeper's `features`. */
  x: Float64Array[];
  actualPrice: Float64Array;
  prediction: Float64Array;
  error: Float64Array;
  imputed: Uint16Array;
  unitsSold: Float64Array | null;
  latencyMs: Float64Array | null;
  codes: Record<TextColumn, Uint32Array>;
  values: Record<TextColumn, string[]>;
}

export const textColumns = ["date", "category", "brand", "priceTier"] as const;
type TextColumn = (typeof textColumns)[number];

/** Collects KeptRows batch by batch. */
export class RowKeeper {
  private rows = 0;
  private capacity = 1 << 14;
  private actualPrice = new Float64Array(this.capacity);
  private prediction = new Float64Array(this.capacity);
  private error = new Float64Array(this.capacity);
  private x: Float64Array[];
  private imputed = new Uint16Array(this.capacity);
  private unitsSold: Float64Array | null;
  private latencyMs: Float64Array | null;
  private codes = {date: new Uint32Array(this.capacity), category: new Uint32Array(this.capacity), brand: new Uint32Array(this.capacity), priceTier: new Uint32Array(this.capacity)};
  private readonly coders = {date: new Coder(), category: new Coder(), brand: new Coder(), priceTier: new Coder()};

  /** `features`: positions (in model order) of the feature columns to keep. */
  constructor(
    hasUnits: boolean,
    hasLatency: boolean,
    private readonly features: readonly number[],
  ) {
    this.x = features.map(() => new Float64Array(this.capacity));
    this.unitsSold = hasUnits ? new Float64Array(this.capacity) : null;
    this.latencyMs = hasLatency ? new Float64Array(this.capacity) : null;
  }

  add(data: ProductionData, scores: Scores): void {
    const n = scores.prediction.length;
    if (this.rows + n > this.capacity) this.grow(this.rows + n);
    const at = this.rows;
    this.actualPrice.set(data.actualPrice.subarray(0, n), at);
    this.prediction.set(scores.prediction, at);
    this.error.set(scores.error, at);
    this.imputed.set(scores.imputed, at);
    this.features.forEach((j, k) => this.x[k].set(data.x[j].subarray(0, n), at));
    if (this.unitsSold && data.unitsSold) this.unitsSold.set(data.unitsSold.subarray(0, n), at);
    if (this.latencyMs && data.latencyMs) this.latencyMs.set(data.latencyMs.subarray(0, n), at);
    for (const column of textColumns) {
      const coder = this.coders[column];
      const codes = this.codes[column];
      const text = data[column];
      for (let i = 0; i < n; ++i) codes[at + i] = coder.code(text[i]);
    }
    this.rows += n;
  }

  result(): {kept: KeptRows; transfer: ArrayBuffer[]} {
    const n = this.rows;
    const cut = <T extends Float64Array | Uint16Array | Uint32Array>(a: T): T => a.slice(0, n) as T;
    const kept: KeptRows = {
      rows: n,
      x: this.x.map(cut),
      actualPrice: cut(this.actualPrice),
      prediction: cut(this.prediction),
      error: cut(this.error),
      imputed: cut(this.imputed),
      unitsSold: this.unitsSold && cut(this.unitsSold),
      latencyMs: this.latencyMs && cut(this.latencyMs),
      codes: {date: cut(this.codes.date), category: cut(this.codes.category), brand: cut(this.codes.brand), priceTier: cut(this.codes.priceTier)},
      values: {date: this.coders.date.values, category: this.coders.category.values, brand: this.coders.brand.values, priceTier: this.coders.priceTier.values},
    };
    const arrays = [...kept.x, kept.actualPrice, kept.prediction, kept.error, kept.imputed, kept.unitsSold, kept.latencyMs, ...Object.values(kept.codes)];
    return {kept, transfer: arrays.filter((a) => a !== null).map((a) => a.buffer as ArrayBuffer)};
  }

  private grow(needed: number): void {
    while (this.capacity < needed) this.capacity *= 2;
    const grow = <T extends Float64Array | Uint16Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.actualPrice = grow(this.actualPrice);
    this.prediction = grow(this.prediction);
    this.error = grow(this.error);
    this.imputed = grow(this.imputed);
    this.x = this.x.map(grow);
    if (this.unitsSold) this.unitsSold = grow(this.unitsSold);
    if (this.latencyMs) this.latencyMs = grow(this.latencyMs);
    for (const column of textColumns) this.codes[column] = grow(this.codes[column]);
  }
}

/** Numbers the distinct values of a text column in order of appearance. */
class Coder {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | null = null;
  private lastCode = 0;

  code(value: string): number {
    if (value === this.last) return this.lastCode;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.last = value;
    this.lastCode = code;
    return code;
  }
}

/**
 * The kept rows of all ranges, in order, as the ProductionData and Scores the
 * row-level tables take. `kept`: the positions of the feature columns the
 * keepers kept, in their order. The other feature columns and the product ids
 * are not kept: reading them is a bug, and fails at once instead of giving
 * wrong figures.
 */
export function keptProduction(parts: KeptRows[], base: Pick<ProductionData, "file" | "features" | "extraColumns">, kept: readonly number[]): {production: ProductionData; scores: Scores} {
  const rows = parts.reduce((sum, p) => sum + p.rows, 0);
  const concat = <T extends Float64Array | Uint16Array>(pick: (p: KeptRows, i: number) => T, make: new (n: number) => T): T => {
    const out = new make(rows);
    let at = 0;
    parts.forEach((p, i) => {
      out.set(pick(p, i), at);
      at += p.rows;
    });
    return out;
  };
  const text = (column: TextColumn): string[] => {
    const out = new Array<string>(rows);
    let at = 0;
    for (const p of parts) {
      const codes = p.codes[column];
      const values = p.values[column];
      for (let i = 0; i < p.rows; ++i) out[at + i] = values[codes[i]];
      at += p.rows;
    }
    return out;
  };
  // An optional column is kept when every range has it.
  const units = parts.map((p) => p.unitsSold);
  const latency = parts.map((p) => p.latencyMs);
  const error = concat((p) => p.error, Float64Array);
  const production: ProductionData = {
    ...base,
    rows,
    productId: unavailable<string[]>("product ids"),
    date: text("date"),
    category: text("category"),
    brand: text("brand"),
    priceTier: text("priceTier"),
    actualPrice: concat((p) => p.actualPrice, Float64Array),
    x: someColumns(base.features, new Map(kept.map((j, k) => [j, concat((p) => p.x[k], Float64Array)]))),
    unitsSold: allPresent(units) ? concat((_, i) => units[i], Float64Array) : null,
    latencyMs: allPresent(latency) ? concat((_, i) => latency[i], Float64Array) : null,
  };
  const scores: Scores = {
    prediction: concat((p) => p.prediction, Float64Array),
    error,
    absError: absolute(error),
    imputed: concat((p) => p.imputed, Uint16Array),
  };
  return {production, scores};
}

function absolute(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; ++i) out[i] = Math.abs(values[i]);
  return out;
}

/**
 * An array of every feature's column in which only the kept ones can be read:
 * reading any other throws. Plain properties for the kept columns, so reading
 * them costs nothing more than in the in-memory path.
 */
function someColumns(features: readonly string[], kept: ReadonlyMap<number, Float64Array>): Float64Array[] {
  const x = new Array<Float64Array>(features.length);
  features.forEach((feature, j) => {
    const column = kept.get(j);
    if (column) x[j] = column;
    else
      Object.defineProperty(x, j, {
        enumerable: true,
        get() {
          throw new Error(`the streaming path does not keep the feature column ${feature} of every row (only those passRowFeatures names)`);
        },
      });
  });
  return x;
}

function unavailable<T extends object>(what: string): T {
  return new Proxy([] as unknown as T, {
    get() {
      throw new Error(`the streaming path does not keep the ${what} of every row`);
    },
  });
}
