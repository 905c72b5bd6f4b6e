import {parse} from "csv-parse/sync";
import {InputError} from "../errors.js";
import {idColumns, isIsoDay, optionalColumns, parseNumericCell, targetColumn} from "./columns.js";

/**
 * The production log, column by column. Features are kept in the model's order
 * so scoring is a plain loop; NaN marks a missing feature value (to be imputed),
 * and is never used for any other column.
 */
export interface ProductionData {
  file: string;
  rows: number;
  productId: string[];
  date: string[];
  category: string[];
  brand: string[];
  priceTier: string[];
  actualPrice: Float64Array;
  features: readonly string[];
  /** One column per feature, in `features` order; NaN = missing. */
  x: Float64Array[];
  unitsSold: Float64Array | null;
  latencyMs: Float64Array | null;
  /** Header names the report does not use, in file order (listed in the data notes). */
  extraColumns: string[];
}

interface ParsedRecord {
  record: string[];
  info: {lines: number};
}

/**
 * Parses and validates the production CSV. Columns are matched by name in any
 * order; `features` are the model's features, all required.
 */
export function parseProduction(text: string, features: readonly string[], file: string, modelName = "the model"): ProductionData {
  let records: ParsedRecord[];
  try {
    records = parse(text, {bom: true, info: true, relax_column_count: true, skip_empty_lines: true}) as unknown as ParsedRecord[];
  } catch (error) {
    const e = error as {lines?: number; message?: string};
    throw new InputError(`not valid CSV (${String(e.message ?? error).replace(/ on line \d+$/, "")})`, {file, line: e.lines});
  }
  if (records.length === 0) throw new InputError("empty file: expected a header row and data rows", {file});
  const header = records[0].record;
  if (records.length === 1) throw new InputError("header only: the file has no data rows", {file});

  const index = columnIndex(header, file);
  const required = [...idColumns, targetColumn, ...features];
  const absentBase = [...idColumns, targetColumn].filter((name) => !index.has(name));
  if (absentBase.length > 0) throw new InputError(`missing required ${columnList(absentBase)}`, {file, line: 1});
  const absentFeatures = features.filter((name) => !index.has(name));
  if (absentFeatures.length > 0) {
    throw new InputError(`missing ${columnList(absentFeatures)} that ${modelName} uses as feature${absentFeatures.length > 1 ? "s" : ""}`, {file, line: 1});
  }
  const used = new Set<string>([...required, ...optionalColumns]);
  const extraColumns = header.filter((name) => !used.has(name));

  const rows = records.length - 1;
  const column = (name: string) => index.get(name)!;
  const productId: string[] = new Array(rows);
  const date: string[] = new Array(rows);
  const category: string[] = new Array(rows);
  const brand: string[] = new Array(rows);
  const priceTier: string[] = new Array(rows);
  const actualPrice = new Float64Array(rows);
  const x = features.map(() => new Float64Array(rows));
  const unitsSold = index.has("units_sold") ? new Float64Array(rows) : null;
  const latencyMs = index.has("latency_ms") ? new Float64Array(rows) : null;
  const featureColumns = features.map(column);

  for (let r = 0; r < rows; ++r) {
    const {record, info} = records[r + 1];
    const line = info.lines;
    if (record.length !== header.length) {
      throw new InputError(`expected ${header.length} fields, found ${record.length}`, {file, line});
    }
    const text = (name: string): string => {
      const value = record[column(name)];
      if (value === "" || value === "NA") throw new InputError("missing value in a required column", {file, line, column: name});
      return value;
    };
    const number = (name: string, c: number, allowMissing: boolean): number => {
      const value = parseNumericCell(record[c]);
      if (value === null) throw new InputError(`"${clip(record[c])}" is not a number`, {file, line, column: name});
      if (!allowMissing && Number.isNaN(value)) throw new InputError("missing value in a required column", {file, line, column: name});
      return value;
    };
    productId[r] = text("product_id");
    date[r] = text("date");
    if (!isIsoDay(date[r])) throw new InputError(`"${clip(date[r])}" is not a date (expected YYYY-MM-DD)`, {file, line, column: "date"});
    category[r] = text("category");
    brand[r] = text("brand");
    priceTier[r] = text("price_tier");
    actualPrice[r] = number(targetColumn, column(targetColumn), false);
    for (let j = 0; j < features.length; ++j) x[j][r] = number(features[j], featureColumns[j], true);
    if (unitsSold) unitsSold[r] = number("units_sold", column("units_sold"), true);
    if (latencyMs) latencyMs[r] = number("latency_ms", column("latency_ms"), true);
  }

  return {file, rows, productId, date, category, brand, priceTier, actualPrice, features, x, unitsSold, latencyMs, extraColumns};
}

function columnIndex(header: string[], file: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") throw new InputError(`header field ${i + 1} is empty`, {file, line: 1});
    if (index.has(name)) throw new InputError(`column "${name}" appears twice in the header`, {file, line: 1});
    index.set(name, i);
  });
  return index;
}

function columnList(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((c) => `"${c}"`).join(", ");
  return `column${names.length > 1 ? "s" : ""} ${shown}${names.length > 5 ? `, … (${names.length} in all)` : ""}`;
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + "…" : s;
}
