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

/** Where each column the report reads sits in the file's header. */
export interface ColumnLayout {
  file: string;
  header: readonly string[];
  features: readonly string[];
  /** Header name → field position. */
  index: Map<string, number>;
  /** Field position of each feature, in `features` order. */
  featureColumns: number[];
  hasUnitsSold: boolean;
  hasLatency: boolean;
  extraColumns: string[];
}

/** Checks the header (names unique and non-empty, every required column present) and locates the columns. */
export function columnLayout(header: readonly string[], features: readonly string[], file: string, modelName = "the model"): ColumnLayout {
  const index = columnIndex(header, file);
  const required = [...idColumns, targetColumn, ...features];
  const absentBase = [...idColumns, targetColumn].filter((name) => !index.has(name));
  if (absentBase.length > 0) throw new InputError(`missing required ${columnList(absentBase)}`, {file, line: 1});
  const absentFeatures = features.filter((name) => !index.has(name));
  if (absentFeatures.length > 0) {
    throw new InputError(`missing ${columnList(absentFeatures)} that ${modelName} uses as feature${absentFeatures.length > 1 ? "s" : ""}`, {file, line: 1});
  }
  const used = new Set<string>([...required, ...optionalColumns]);
  return {
    file,
    header,
    features,
    index,
    featureColumns: features.map((name) => index.get(name)!),
    hasUnitsSold: index.has("units_sold"),
    hasLatency: index.has("latency_ms"),
    extraColumns: header.filter((name) => !used.has(name)),
  };
}

/** The per-row columns of ProductionData, filled row by row. */
export type ProductionColumns = Pick<ProductionData, "productId" | "date" | "category" | "brand" | "priceTier" | "actualPrice" | "x" | "unitsSold" | "latencyMs">;

export function allocateColumns(layout: ColumnLayout, rows: number): ProductionColumns {
  return {
    productId: new Array<string>(rows),
    date: new Array<string>(rows),
    category: new Array<string>(rows),
    brand: new Array<string>(rows),
    priceTier: new Array<string>(rows),
    actualPrice: new Float64Array(rows),
    x: layout.features.map(() => new Float64Array(rows)),
    unitsSold: layout.hasUnitsSold ? new Float64Array(rows) : null,
    latencyMs: layout.hasLatency ? new Float64Array(rows) : null,
  };
}

/**
 * Validates one data record (its fields as text) and stores it as row `r` of
 * `out`. `line` is the physical line the record ends on, for the message. The
 * checks run in a fixed order (field count, then the id columns, the target,
 * the features in model order, the optional columns), so every reader of the
 * file reports the same first problem.
 */
export function readRecord(record: readonly string[], line: number, layout: ColumnLayout, out: ProductionColumns, r: number): void {
  const {file, header, index, features, featureColumns} = layout;
  if (record.length !== header.length) {
    throw new InputError(`expected ${header.length} fields, found ${record.length}`, {file, line});
  }
  const text = (name: string): string => {
    const value = record[index.get(name)!];
    if (value === "" || value === "NA") throw new InputError("missing value in a required column", {file, line, column: name});
    return value;
  };
  const number = (name: string, c: number, allowMissing: boolean): number => {
    const value = parseNumericCell(record[c]);
    if (value === null) throw new InputError(`"${clip(record[c])}" is not a number`, {file, line, column: name});
    if (!allowMissing && Number.isNaN(value)) throw new InputError("missing value in a required column", {file, line, column: name});
    return value;
  };
  out.productId[r] = text("product_id");
  const date = text("date");
  if (!isIsoDay(date)) throw new InputError(`"${clip(date)}" is not a date (expected YYYY-MM-DD)`, {file, line, column: "date"});
  out.date[r] = date;
  out.category[r] = text("category");
  out.brand[r] = text("brand");
  out.priceTier[r] = text("price_tier");
  out.actualPrice[r] = number(targetColumn, index.get(targetColumn)!, false);
  for (let j = 0; j < features.length; ++j) out.x[j][r] = number(features[j], featureColumns[j], true);
  if (out.unitsSold) out.unitsSold[r] = number("units_sold", index.get("units_sold")!, true);
  if (out.latencyMs) out.latencyMs[r] = number("latency_ms", index.get("latency_ms")!, true);
}

function columnIndex(header: readonly string[], file: string): Map<string, number> {
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
