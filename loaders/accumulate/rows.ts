import type {ProductionData} from "../inputs/index.js";
import type {Scores} from "../scoring/index.js";

/** A text column as codes into its distinct values (in order of first appearance). */
export interface CodedColumn {
  codes: Uint32Array;
  values: string[];
}

export const codedColumns = ["date", "category", "brand", "priceTier"] as const;
export type CodedColumnName = (typeof codedColumns)[number];

/**
 * What the pass keeps of every row, beyond the accumulation's sums: what the
 * row-level figures read (exact error quantiles per group, the price bins and
 * error tail, the fallback's and sanity check's row tests, daily latency
 * quantiles): about 40 bytes a row, and no feature column, so memory grows
 * with rows but not with the model's features. Typed arrays only: they cross
 * threads without copying and are stored in the cache as they are.
 */
export interface Rows {
  n: number;
  actual: Float64Array;
  prediction: Float64Array;
  /** Features missing in the row (imputed with their training mean). */
  imputed: Uint16Array;
  date: CodedColumn;
  category: CodedColumn;
  brand: CodedColumn;
  priceTier: CodedColumn;
  latency: Float64Array | null;
  /** Bit k: the row misses a feature of the plan's flag set k. */
  flags: Uint8Array;
}

/** The error of every row, actual − prediction: the same subtraction scoring does, so the same doubles. */
export function rowErrors(rows: Rows): Float64Array {
  const out = new Float64Array(rows.n);
  for (let r = 0; r < rows.n; ++r) out[r] = rows.actual[r] - rows.prediction[r];
  return out;
}

/** Collects Rows batch by batch. */
export class RowsBuilder {
  private n = 0;
  private capacity = 1 << 14;
  private actual = new Float64Array(this.capacity);
  private prediction = new Float64Array(this.capacity);
  private imputed = new Uint16Array(this.capacity);
  private latency: Float64Array | null;
  private flags = new Uint8Array(this.capacity);
  private codes: Record<CodedColumnName, Uint32Array> = {
    date: new Uint32Array(this.capacity),
    category: new Uint32Array(this.capacity),
    brand: new Uint32Array(this.capacity),
    priceTier: new Uint32Array(this.capacity),
  };
  private readonly coders: Record<CodedColumnName, Coder> = {date: new Coder(), category: new Coder(), brand: new Coder(), priceTier: new Coder()};

  constructor(hasLatency: boolean) {
    this.latency = hasLatency ? new Float64Array(this.capacity) : null;
  }

  /** Adds the batch's rows with their scores and flags. */
  add(data: ProductionData, scores: Scores, flags: Uint8Array): void {
    const n = data.rows;
    if (this.n + n > this.capacity) this.grow(this.n + n);
    const at = this.n;
    this.actual.set(data.actualPrice.subarray(0, n), at);
    this.prediction.set(scores.prediction.subarray(0, n), at);
    this.imputed.set(scores.imputed.subarray(0, n), at);
    this.flags.set(flags.subarray(0, n), at);
    if (this.latency && data.latencyMs) this.latency.set(data.latencyMs.subarray(0, n), at);
    for (const column of codedColumns) {
      const coder = this.coders[column];
      const codes = this.codes[column];
      const text = data[column];
      for (let i = 0; i < n; ++i) codes[at + i] = coder.code(text[i]);
    }
    this.n += n;
  }

  rows(): Rows {
    const n = this.n;
    const coded = (column: CodedColumnName): CodedColumn => ({codes: this.codes[column].slice(0, n), values: this.coders[column].values});
    return {
      n,
      actual: this.actual.slice(0, n),
      prediction: this.prediction.slice(0, n),
      imputed: this.imputed.slice(0, n),
      date: coded("date"),
      category: coded("category"),
      brand: coded("brand"),
      priceTier: coded("priceTier"),
      latency: this.latency && this.latency.slice(0, n),
      flags: this.flags.slice(0, n),
    };
  }

  private grow(needed: number): void {
    while (this.capacity < needed) this.capacity *= 2;
    const grow = <T extends Float64Array | Uint16Array | Uint32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(this.capacity);
      b.set(a);
      return b;
    };
    this.actual = grow(this.actual, Float64Array);
    this.prediction = grow(this.prediction, Float64Array);
    this.imputed = grow(this.imputed, Uint16Array);
    this.flags = grow(this.flags, Uint8Array);
    if (this.latency) this.latency = grow(this.latency, Float64Array);
    for (const column of codedColumns) this.codes[column] = grow(this.codes[column], Uint32Array);
  }
}

/** Numbers the distinct values of a text column in order of appearance. */
export class Coder {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | null = null;
  private lastCode = 0;

  code(value: string): number {
    // Logs come in runs of one day (and often one category): skip the lookup then.
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

/** The rows of several parts (files, byte ranges), in order, with each text column's codes renumbered into one list of values. */
export function concatRows(parts: readonly Rows[]): Rows {
  if (parts.length === 1) return parts[0];
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const concat = <T extends Float64Array | Uint16Array | Uint8Array>(pick: (p: Rows) => T, make: new (n: number) => T): T => joined(parts.map(pick), make, n);
  const coded = (column: CodedColumnName): CodedColumn => {
    const values: string[] = [];
    const index = new Map<string, number>();
    const codes = new Uint32Array(n);
    let at = 0;
    for (const p of parts) {
      const part = p[column];
      const remap = Uint32Array.from(part.values, (v) => {
        let code = index.get(v);
        if (code === undefined) {
          code = values.length;
          values.push(v);
          index.set(v, code);
        }
        return code;
      });
      for (let i = 0; i < p.n; ++i) codes[at + i] = remap[part.codes[i]];
      at += p.n;
    }
    return {codes, values};
  };
  const latencies = parts.map((p) => p.latency);
  const allLatencies = latencies.filter((l): l is Float64Array => l !== null);
  return {
    n,
    actual: concat((p) => p.actual, Float64Array),
    prediction: concat((p) => p.prediction, Float64Array),
    imputed: concat((p) => p.imputed, Uint16Array),
    date: coded("date"),
    category: coded("category"),
    brand: coded("brand"),
    priceTier: coded("priceTier"),
    // Every file of a log has the latency column or none has (loaders/inputs checks the files agree).
    latency: allLatencies.length === parts.length ? joined(allLatencies, Float64Array, n) : null,
    flags: concat((p) => p.flags, Uint8Array),
  };
}

function joined<T extends Float64Array | Uint16Array | Uint8Array>(arrays: readonly T[], make: new (n: number) => T, n: number): T {
  const out = new make(n);
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** The transferable buffers of a Rows (for postMessage). */
export function rowsBuffers(rows: Rows): ArrayBuffer[] {
  const arrays = [rows.actual, rows.prediction, rows.imputed, rows.flags, rows.latency, ...codedColumns.map((c) => rows[c].codes)];
  return arrays.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => a.buffer as ArrayBuffer);
}
