import type {ColumnChunk, FileMetaData, ParquetParsers, RowGroup} from "hyparquet";
import {InputError, shownProblems} from "../../errors.js";
import {isIsoDay, optionalColumns, targetColumn} from "../columns.js";
import {allocateColumns, type ProductionData, type RequiredColumn} from "../production.js";
import {chunkRange, ColumnCursor, isNull, notFinite} from "./column-cursor.js";
import {DayNames, microsPerDay, millisPerDay, nanosPerDay} from "./days.js";
import {bytesAt, reason} from "./footer.js";
import type {ParquetLayout} from "./layout.js";

/** A problem with one value of a row (1-based, counting the file's rows). */
export interface ParquetRowProblem {
  problem: string;
  row: number;
  column: string;
}

export interface ParquetResult {
  /** Rows read. */
  rows: number;
  /** The first `shownProblems` problems in row order (within a row, in the CSV reader's column order). */
  problems: ParquetRowProblem[];
  problemCount: number;
}

export interface ParquetRowsOptions {
  file: string;
  fd: number;
  size: number;
  metadata: FileMetaData;
  layout: ParquetLayout;
  /** The rows to read, [rowStart, rowEnd) of the file. */
  rowStart: number;
  rowEnd: number;
  /** Rows per batch handed over (the CSV reader's batch size, so a small file is added to the sums in the same batches). */
  batchRows: number;
  /** Where each batch's feature columns go (see RangeOptions.columns); without it, one set is reused. */
  columns?: () => Float64Array[];
  /** A batch of rows; `done` is the rows read so far (for progress). */
  onBatch?: (data: ProductionData, done: number) => void;
}

/**
 * Reads rows of a Parquet production file into ProductionData batches, with
 * the values the CSV reader would read from the same rows written as CSV:
 * text as is, integers as their digits, dates and timestamps as YYYY-MM-DD,
 * every number as a double (INT64 through Number, exact below 2^53), nulls
 * as missing values (as the CSV's empty or NA fields), and the same problems
 * (a missing required value, a day that is not a date, a value that is not a
 * finite number), each naming its row and column. After the first problem,
 * rows are still checked and counted but no batch is handed over. A local
 * file is read synchronously, as the CSV reader reads it (a worker does one
 * part at a time; a promise per page would only add waiting).
 */
export function readParquetRows(options: ParquetRowsOptions): ParquetResult {
  const {layout, batchRows, metadata} = options;
  const fields = fieldList(options.layout);
  const data: ProductionData = {
    file: options.file,
    rows: 0,
    ...allocateColumns(layout.layout, batchRows),
    features: layout.layout.features,
    extraColumns: layout.layout.extraColumns,
  };
  // Each field's marks (present, null, not finite) and, for text, its values as decoded, row by row of the batch.
  const marks = fields.map(() => new Uint8Array(batchRows));
  const decoded = fields.map((f) => (isNumeric(f) ? [] : new Array<unknown>(batchRows)));
  const problems: ParquetRowProblem[] = [];
  let problemCount = 0;
  let rows = 0;
  const dayChecks = new Map<string, boolean>();
  const days = new DayNames();
  const parsers: Partial<ParquetParsers> = {
    dateFromDays: (d: number) => days.fromDays(d),
    timestampFromMilliseconds: (v: bigint) => days.fromTimestamp(v, millisPerDay),
    timestampFromMicroseconds: (v: bigint) => days.fromTimestamp(v, microsPerDay),
    timestampFromNanoseconds: (v: bigint) => days.fromTimestamp(v, nanosPerDay),
  };
  // Batches run on across row groups (a batch is the CSV reader's: batchRows rows, the last one shorter).
  let at = 0;
  const target = () => {
    if (options.columns !== undefined) data.x = options.columns();
  };
  const flush = () => {
    if (at > 0 && problemCount === 0) {
      data.rows = at;
      options.onBatch?.(data, rows);
    }
    at = 0;
    target();
  };
  target();
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    const from = Math.max(groupStart, options.rowStart);
    const to = Math.min(groupEnd, options.rowEnd);
    const damaged = (error: unknown) => new InputError(`damaged Parquet file (rows ${groupStart + 1} to ${groupEnd} cannot be read: ${reason(error)})`, {file: options.file});
    if (from >= to) {
      groupStart = groupEnd;
      continue;
    }
    let cursors: ColumnCursor[];
    try {
      const chunks = chunksByName(group);
      cursors = fields.map((f) => {
        const chunk = chunks.get(f.name);
        if (chunk === undefined) throw new Error(`no data for column "${f.name}"`);
        const {start, end} = chunkRange(chunk);
        return new ColumnCursor(metadata, chunk, bytesAt(options.fd, start, end - start), parsers);
      });
      // Rows of the group before the part's first (a part starts at a row group, so none as planned).
      for (let skip = from - groupStart; skip > 0; skip -= Math.min(skip, batchRows)) cursors.forEach((c, k) => c.takeValues(Math.min(skip, batchRows), decoded[k].length > 0 ? decoded[k] : new Array<unknown>(batchRows), marks[k], 0));
    } catch (error) {
      throw damaged(error);
    }
    for (let p = from; p < to; ) {
      const n = Math.min(batchRows - at, to - p);
      let ok = true;
      try {
        fields.forEach((f, k) => (ok = fill(f, cursors[k], n, data, at, marks[k], decoded[k], dayChecks) && ok));
      } catch (error) {
        throw damaged(error);
      }
      if (!ok) {
        // The careful path: these rows' problems, row by row, in the CSV reader's order.
        for (let i = 0; i < n; ++i) {
          fields.forEach((f, k) => {
            const problem = check(f, marks[k][at + i], isNumeric(f) ? numbersOf(f, data)?.[at + i] : decoded[k][at + i], dayChecks);
            if (problem === null) return;
            if (problems.length < shownProblems) problems.push({problem, row: p + i + 1, column: f.name});
            ++problemCount;
          });
        }
      }
      rows += n;
      p += n;
      at += n;
      if (at === batchRows) flush();
    }
    groupStart = groupEnd;
  }
  flush();
  return {rows, problems, problemCount};
}

/** A row group's column chunks by their (top-level) column name. */
function chunksByName(group: RowGroup): Map<string, ColumnChunk> {
  const out = new Map<string, ColumnChunk>();
  for (const c of group.columns) {
    const name = c.meta_data?.path_in_schema[0];
    if (name !== undefined) out.set(name, c);
  }
  return out;
}

/** What a field is for, in the CSV reader's order of checks: id columns, the target, the features in model order, the optional columns. */
interface Field {
  name: string;
  role: RequiredColumn | "feature" | "units_sold" | "latency_ms";
  /** For a feature: its position in the model's order. */
  feature: number;
}

function fieldList({layout}: ParquetLayout): Field[] {
  const fields: Field[] = (["product_id", "date", "category", "brand", "price_tier", targetColumn] as const).map((role) => ({name: role, role, feature: -1}));
  layout.features.forEach((name, j) => fields.push({name, role: "feature", feature: j}));
  for (const name of optionalColumns) if (layout.optional[name] !== null) fields.push({name, role: name, feature: -1});
  return fields;
}

function isNumeric(f: Field): boolean {
  return f.role === "actual_price" || f.role === "feature" || f.role === "units_sold" || f.role === "latency_ms";
}

/** Where a numeric field's values go in the batch (null for a text field). */
function numbersOf(f: Field, data: ProductionData): Float64Array | null {
  switch (f.role) {
    case "actual_price":
      return data.actualPrice;
    case "feature":
      return data.x[f.feature];
    case "units_sold":
      return data.unitsSold;
    case "latency_ms":
      return data.latencyMs;
    default:
      return null;
  }
}

/** Takes a field's next n values into rows [at, at + n) of `data`; false when any of them has a problem (the careful path then finds it). */
function fill(f: Field, cursor: ColumnCursor, n: number, data: ProductionData, at: number, mark: Uint8Array, decoded: unknown[], dayChecks: Map<string, boolean>): boolean {
  const numbers = numbersOf(f, data);
  if (numbers !== null) {
    // A null is a missing value in every numeric column: a feature is imputed, an actual_price awaits its label.
    return !cursor.takeNumbers(n, numbers, mark, at);
  }
  cursor.takeValues(n, decoded, mark, at);
  switch (f.role) {
    case "product_id":
      return textsInto(decoded, at, n, data.productId);
    case "category":
      return textsInto(decoded, at, n, data.category);
    case "brand":
      return textsInto(decoded, at, n, data.brand);
    case "price_tier":
      return textsInto(decoded, at, n, data.priceTier);
    default:
      return daysInto(decoded, at, n, data.date, dayChecks);
  }
}

/** Text as is, integers as their digits (what a CSV of them holds); false at a null, an empty or an NA value. */
function textsInto(values: readonly unknown[], at: number, n: number, out: string[]): boolean {
  let ok = true;
  for (let r = at; r < at + n; ++r) {
    const v = values[r];
    if (typeof v === "string") {
      out[r] = v;
      if (v === "" || v === "NA") ok = false;
    } else if (typeof v === "bigint" || typeof v === "number") out[r] = String(v);
    else ok = false;
  }
  return ok;
}

/** Day strings (a DATE or TIMESTAMP already is one; text is checked); false at a null or a text that is not a day. */
function daysInto(values: readonly unknown[], at: number, n: number, out: string[], dayChecks: Map<string, boolean>): boolean {
  let ok = true;
  let last: unknown = null;
  for (let r = at; r < at + n; ++r) {
    const v = values[r];
    // A log comes in runs of one day: the run's value was checked already.
    if (v !== last || typeof v !== "string") {
      if (typeof v !== "string" || !isDay(v, dayChecks)) {
        ok = false;
        continue;
      }
      last = v;
    }
    out[r] = v;
  }
  return ok;
}

/** The problem with one value (its mark, and its decoded text or number), worded as the CSV reader words it, or null. */
function check(f: Field, mark: number, v: unknown, dayChecks: Map<string, boolean>): string | null {
  const missing = "missing value in a required column";
  switch (f.role) {
    case "product_id":
    case "category":
    case "brand":
    case "price_tier":
      return mark === isNull || v === "" || v === "NA" ? missing : null;
    case "date":
      if (mark === isNull || v === "" || v === "NA") return missing;
      return typeof v === "string" && isDay(v, dayChecks) ? null : `"${clip(String(v))}" is not a date (expected YYYY-MM-DD)`;
    default:
      if (mark === isNull) return null;
      return mark === notFinite ? `"${String(v)}" is not a number` : null;
  }
}

function isDay(s: string, checks: Map<string, boolean>): boolean {
  let known = checks.get(s);
  if (known === undefined) {
    known = isIsoDay(s);
    checks.set(s, known);
  }
  return known;
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + "…" : s;
}
