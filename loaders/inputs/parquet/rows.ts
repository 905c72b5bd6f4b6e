import {parquetRead, type AsyncBuffer, type ColumnData, type DecodedArray, type FileMetaData, type ParquetParsers} from "hyparquet";
import {compressors} from "hyparquet-compressors";
import {InputError, shownProblems} from "../../errors.js";
import {isIsoDay, optionalColumns, targetColumn} from "../columns.js";
import {allocateColumns, type ProductionData, type RequiredColumn} from "../production.js";
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
 * Slices of at most this many rows are decoded at a time (inside a row
 * group: hyparquet skips the pages before a slice and stops after it), so
 * memory stays bounded by the slice, not the row group (pyarrow writes row
 * groups of a million rows), and the columns the report does not use are
 * never decoded.
 */
const sliceBatches = 4;

/**
 * Reads rows of a Parquet production file into ProductionData batches, with
 * the values the CSV reader would read from the same rows written as CSV:
 * text as is, integers as their digits, dates and timestamps as YYYY-MM-DD,
 * every number as a double (INT64 through Number, exact below 2^53), nulls
 * as missing values (as the CSV's empty or NA fields), and the same problems
 * (a missing required value, a day that is not a date, a value that is not a
 * finite number), each naming its row and column. After the first problem,
 * rows are still checked and counted but no batch is handed over.
 */
export async function readParquetRows(options: ParquetRowsOptions): Promise<ParquetResult> {
  const {layout, batchRows} = options;
  const fields = fieldList(options.layout);
  const data: ProductionData = {
    file: options.file,
    rows: 0,
    ...allocateColumns(layout.layout, batchRows),
    features: layout.layout.features,
    extraColumns: layout.layout.extraColumns,
  };
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
  const file = fileBuffer(options.fd, options.size);
  // Batches run on across slices and row groups (a batch is the CSV reader's: batchRows rows, the last one shorter).
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
  for (const [from, to] of slices(options.metadata, options.rowStart, options.rowEnd, batchRows * sliceBatches)) {
    const read = await readSlice(options, file, parsers, from, to);
    // readSlice has every column of the layout, and the fields are among them.
    const values = fields.map((f): ArrayLike<unknown> => read.get(f.name) ?? []);
    for (let p = from; p < to; ) {
      const n = Math.min(batchRows - at, to - p);
      let ok = true;
      fields.forEach((f, k) => (ok = fill(f, values[k], p - from, n, data, at, dayChecks) && ok));
      if (!ok) {
        // The careful path: these rows' problems, row by row, in the CSV reader's order.
        for (let i = 0; i < n; ++i) {
          fields.forEach((f, k) => {
            const problem = check(f, values[k][p - from + i], dayChecks);
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
  }
  flush();
  return {rows, problems, problemCount};
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

/** Stores n of a field's values, from `offset` of the slice, into rows [at, at + n) of `data`; false when any of them has a problem (the careful path then finds it). */
function fill(f: Field, values: ArrayLike<unknown>, offset: number, n: number, data: ProductionData, at: number, dayChecks: Map<string, boolean>): boolean {
  switch (f.role) {
    case "product_id":
      return fillText(values, offset, n, at, data.productId);
    case "category":
      return fillText(values, offset, n, at, data.category);
    case "brand":
      return fillText(values, offset, n, at, data.brand);
    case "price_tier":
      return fillText(values, offset, n, at, data.priceTier);
    case "date":
      return fillDays(values, offset, n, at, data.date, dayChecks);
    case "actual_price":
      return fillNumbers(values, offset, n, at, data.actualPrice, false);
    case "feature":
      return fillNumbers(values, offset, n, at, data.x[f.feature], true);
    case "units_sold":
      return data.unitsSold === null || fillNumbers(values, offset, n, at, data.unitsSold, true);
    case "latency_ms":
      return data.latencyMs === null || fillNumbers(values, offset, n, at, data.latencyMs, true);
  }
}

function fillText(values: ArrayLike<unknown>, offset: number, n: number, at: number, out: string[]): boolean {
  let ok = true;
  for (let i = 0; i < n; ++i) {
    const v = values[offset + i];
    if (typeof v === "string") {
      out[at + i] = v;
      if (v === "" || v === "NA") ok = false;
    } else if (typeof v === "bigint" || typeof v === "number") out[at + i] = String(v);
    else ok = false;
  }
  return ok;
}

function fillDays(values: ArrayLike<unknown>, offset: number, n: number, at: number, out: string[], dayChecks: Map<string, boolean>): boolean {
  let ok = true;
  let last: unknown = null;
  for (let i = 0; i < n; ++i) {
    const v = values[offset + i];
    // A log comes in runs of one day: the run's value was checked already.
    if (v !== last || typeof v !== "string") {
      if (typeof v !== "string" || !isDay(v, dayChecks)) {
        ok = false;
        continue;
      }
      last = v;
    }
    out[at + i] = v;
  }
  return ok;
}

function fillNumbers(values: ArrayLike<unknown>, offset: number, n: number, at: number, out: Float64Array, allowMissing: boolean): boolean {
  let ok = true;
  for (let i = 0; i < n; ++i) {
    const v = values[offset + i];
    if (typeof v === "number") {
      out[at + i] = v;
      // NaN or ±Infinity: a CSV field reading so is not a number either.
      if (v - v !== 0) ok = false;
    } else if (typeof v === "bigint") out[at + i] = Number(v);
    else {
      out[at + i] = NaN;
      if (!allowMissing || v !== null) ok = false;
    }
  }
  return ok;
}

/** The problem with one value, worded as the CSV reader words it, or null. */
function check(f: Field, v: unknown, dayChecks: Map<string, boolean>): string | null {
  const missing = "missing value in a required column";
  switch (f.role) {
    case "product_id":
    case "category":
    case "brand":
    case "price_tier":
      return v === null || v === undefined || v === "" || v === "NA" ? missing : null;
    case "date":
      if (v === null || v === undefined || v === "" || v === "NA") return missing;
      return typeof v === "string" && isDay(v, dayChecks) ? null : `"${clip(String(v))}" is not a date (expected YYYY-MM-DD)`;
    default:
      if (v === null || v === undefined) return f.role === "actual_price" ? missing : null;
      if (typeof v === "number" && v - v !== 0) return `"${String(v)}" is not a number`;
      return null;
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

/** The row slices of [rowStart, rowEnd): at most `sliceRows` rows each, never across a row group's end. */
function slices(metadata: FileMetaData, rowStart: number, rowEnd: number, sliceRows: number): [number, number][] {
  const out: [number, number][] = [];
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    for (let from = Math.max(groupStart, rowStart), end = Math.min(groupEnd, rowEnd); from < end; from += sliceRows) out.push([from, Math.min(from + sliceRows, end)]);
    groupStart = groupEnd;
  }
  return out;
}

/** Each used column's values for rows [from, to), indexed from `from`. */
async function readSlice(options: ParquetRowsOptions, file: AsyncBuffer, parsers: Partial<ParquetParsers>, from: number, to: number): Promise<Map<string, ArrayLike<unknown>>> {
  const chunks = new Map<string, ColumnData[]>();
  try {
    await parquetRead({
      file,
      metadata: options.metadata,
      columns: options.layout.read,
      rowStart: from,
      rowEnd: to,
      compressors,
      parsers,
      onChunk: (chunk) => {
        const list = chunks.get(chunk.columnName);
        if (list === undefined) chunks.set(chunk.columnName, [chunk]);
        else list.push(chunk);
      },
    });
  } catch (error) {
    throw new InputError(`damaged Parquet file (rows ${from + 1} to ${to} cannot be read: ${reason(error)})`, {file: options.file});
  }
  const out = new Map<string, ArrayLike<unknown>>();
  for (const name of options.layout.read) {
    const values = joined(chunks.get(name) ?? [], from, to);
    if (values === null) throw new InputError(`damaged Parquet file (column "${name}" has fewer values than rows ${from + 1} to ${to})`, {file: options.file});
    out.set(name, values);
  }
  return out;
}

/** A column's chunks as one array of rows [from, to) (the chunk itself when it starts there and holds them all); null when some row is in no chunk. */
function joined(chunks: readonly ColumnData[], from: number, to: number): ArrayLike<unknown> | null {
  const whole = chunks.find((c) => c.rowStart <= from && c.rowEnd >= to);
  if (whole !== undefined) return whole.rowStart === from ? whole.columnData : window(whole.columnData, from - whole.rowStart, to - from);
  const out = new Array<unknown>(to - from);
  let filled = 0;
  for (const c of chunks) {
    for (let r = Math.max(c.rowStart, from); r < Math.min(c.rowEnd, to); ++r) {
      out[r - from] = c.columnData[r - c.rowStart];
      ++filled;
    }
  }
  return filled === to - from ? out : null;
}

function window(values: DecodedArray, start: number, length: number): ArrayLike<unknown> {
  if (Array.isArray(values)) return values.slice(start, start + length);
  return (values as Exclude<DecodedArray, unknown[]>).subarray(start, start + length);
}

/** The open file as hyparquet's AsyncBuffer, read synchronously (a local file needs no promise per slice). */
function fileBuffer(fd: number, size: number): AsyncBuffer {
  return {
    byteLength: size,
    slice(start: number, end = size): ArrayBuffer {
      const bytes = bytesAt(fd, start, Math.max(0, end - start));
      // A short read (the file shrank) leaves a shorter view: hyparquet then reports the slice as damaged.
      return bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.buffer.slice(0, bytes.byteLength);
    },
  };
}
