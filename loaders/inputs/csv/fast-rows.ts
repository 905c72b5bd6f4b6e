import {isUtf8} from "node:buffer";
import type {ColumnLayout, ProductionColumns} from "../production.js";
import {decimalEnd, readDecimal} from "./decimal.js";
import {Interner} from "./interner.js";
import {crBreak, crlfBreak} from "./record-scanner.js";

/** What each field of a record is for; model features are their index (≥ 0). */
const ignored = -1;
const productId = -2;
const date = -3;
const category = -4;
const brand = -5;
const priceTier = -6;
const actualPrice = -7;
const unitsSold = -8;
const latencyMs = -9;

/**
 * Fields whose raw bytes scores.csv may repeat, in its order: product_id,
 * date, category, brand, price_tier, actual_price.
 */
export const spanColumns = 6;
const actualSpan = 5;

const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;
const letterN = 78;
const letterA = 65;

const decoder = new TextDecoder("utf-8", {ignoreBOM: true});

export function fieldRoles(layout: ColumnLayout): Int32Array {
  const roles = new Int32Array(layout.header.length).fill(ignored);
  const {required, optional} = layout;
  roles[required.product_id] = productId;
  roles[required.date] = date;
  roles[required.category] = category;
  roles[required.brand] = brand;
  roles[required.price_tier] = priceTier;
  roles[required.actual_price] = actualPrice;
  if (optional.units_sold !== null) roles[optional.units_sold] = unitsSold;
  if (optional.latency_ms !== null) roles[optional.latency_ms] = latencyMs;
  layout.featureColumns.forEach((column, j) => (roles[column] = j));
  return roles;
}

/**
 * The fast path for plain records: one pass over the bytes, numbers parsed in
 * place (see decimal.ts), low-cardinality text interned. It accepts only what
 * it can read exactly as the careful path would (unquoted numbers or empty /
 * NA, text quoted without escapes or unquoted, no line breaks inside fields,
 * the header's field count, no missing required value, a valid date, valid
 * UTF-8) and
 * declines anything else by returning -1, so the caller hands that record to
 * the careful path, which reads it like csv-parse or reports the problem with
 * the same message.
 */
export class FastRowReader {
  private readonly roles: Int32Array;
  private readonly dates = new Interner();
  private readonly categories = new Interner();
  private readonly brands = new Interner();
  private readonly tiers = new Interner();
  private readonly breakByte: number;
  private readonly breakLength: number;
  /** Each field's numeric column (null for text); any numeric field may be missing (empty or NA). */
  private numeric: (Float64Array | null)[];
  /** 1 at the actual_price field: its bytes are recorded for scores.csv. */
  private readonly isActual: Uint8Array;
  /** When set, [start, end) of each row's id fields in the buffer, `spanColumns` pairs a row. */
  spans: Int32Array | null = null;

  constructor(
    layout: ColumnLayout,
    mode: number,
    /** Product ids are only needed as strings when the caller keeps every row. */
    private readonly keepProductId: boolean,
    /** Where rows go. */
    private readonly columns: ProductionColumns,
  ) {
    this.roles = fieldRoles(layout);
    this.breakByte = mode === crBreak || mode === crlfBreak ? cr : lf;
    this.breakLength = mode === crlfBreak ? 2 : 1;
    this.isActual = Uint8Array.from(this.roles, (role) => (role === actualPrice ? 1 : 0));
    this.numeric = this.numericColumns();
  }

  /** The columns' arrays were replaced (the next batch goes elsewhere). */
  retarget(): void {
    this.numeric = this.numericColumns();
  }

  private numericColumns(): (Float64Array | null)[] {
    const columns = this.columns;
    return Array.from(this.roles, (role) =>
      role >= 0 ? columns.x[role] : role === actualPrice ? columns.actualPrice : role === unitsSold ? columns.unitsSold : role === latencyMs ? columns.latencyMs : null,
    );
  }

  /** Reads the record at `p` into row `r`; returns where the next record starts, or -1 to decline. */
  read(buf: Buffer, p: number, r: number): number {
    const roles = this.roles;
    const numeric = this.numeric;
    const isActual = this.isActual;
    const fieldCount = roles.length;
    const breakByte = this.breakByte;
    const breakLength = this.breakLength;
    const columns = this.columns;
    const spans = this.spans;
    for (let k = 0; k < fieldCount; ++k) {
      const last = k === fieldCount - 1;
      const column = numeric[k];
      if (column !== null) {
        let value: number;
        let q: number;
        const start = p;
        const c = buf[p];
        // Every numeric field may be missing: a feature is imputed, and a missing actual_price is a label not yet arrived.
        if (c === comma || c === lf || c === cr) {
          value = NaN;
          q = p;
        } else if (c === letterN && buf[p + 1] === letterA) {
          value = NaN;
          q = p + 2;
        } else {
          value = readDecimal(buf, p);
          if (value !== value) return -1;
          q = decimalEnd.at;
        }
        if (last) {
          if (buf[q] !== breakByte || (breakLength === 2 && buf[q + 1] !== lf)) return -1;
          p = q + breakLength;
        } else {
          if (buf[q] !== comma) return -1;
          p = q + 1;
        }
        column[r] = value;
        if (spans !== null && isActual[k] === 1) {
          const s = (r * spanColumns + actualSpan) * 2;
          spans[s] = start;
          spans[s + 1] = q;
        }
        continue;
      }
      const role = roles[k];
      // Text: quoted without escapes, or unquoted.
      let start: number;
      let end: number;
      let hash = 0;
      let high = 0;
      let c = buf[p];
      if (c === quote) {
        start = end = p + 1;
        c = buf[end];
        while (c !== quote) {
          if (c === lf || c === cr) return -1;
          hash = (Math.imul(hash, 31) + c) | 0;
          high |= c;
          c = buf[++end];
        }
        p = end + 1;
        if (buf[p] === quote) return -1;
      } else {
        start = end = p;
        while (c !== comma && c !== lf && c !== cr) {
          if (c === quote) return -1;
          hash = (Math.imul(hash, 31) + c) | 0;
          high |= c;
          c = buf[++end];
        }
        p = end;
      }
      // Invalid UTF-8 (a Latin-1 export) is the careful path's to report: decoding would hide it as U+FFFD.
      if (high >= 0x80 && !isUtf8(buf.subarray(start, end))) return -1;
      if (last) {
        if (buf[p] !== breakByte || (breakLength === 2 && buf[p + 1] !== lf)) return -1;
        p += breakLength;
      } else {
        if (buf[p] !== comma) return -1;
        ++p;
      }
      if (role === ignored) continue;
      const length = end - start;
      if (length === 0 || (length === 2 && buf[start] === letterN && buf[start + 1] === letterA)) return -1;
      if (spans !== null) {
        const s = (r * spanColumns + productId - role) * 2;
        spans[s] = start;
        spans[s + 1] = end;
      }
      switch (role) {
        case productId:
          if (this.keepProductId) columns.productId[r] = high < 128 ? buf.toString("latin1", start, end) : decoder.decode(buf.subarray(start, end));
          break;
        case date: {
          const day = this.dates.entry(buf, start, end, hash);
          columns.date[r] = day.text;
          if (!day.isDay) return -1;
          break;
        }
        case category:
          columns.category[r] = this.categories.get(buf, start, end, hash);
          break;
        case brand:
          columns.brand[r] = this.brands.get(buf, start, end, hash);
          break;
        case priceTier:
          columns.priceTier[r] = this.tiers.get(buf, start, end, hash);
          break;
      }
    }
    return p;
  }
}
