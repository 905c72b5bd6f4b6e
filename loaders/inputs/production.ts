import {InputError} from "../errors.js";
import {allPresent} from "../shared/index.js";
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

/** The columns every log has besides the model features (the id columns and the target), and the optional ones. */
export type RequiredColumn = (typeof idColumns)[number] | typeof targetColumn;
export type OptionalColumn = (typeof optionalColumns)[number];

/** Where each column the report reads sits in the file's header. */
export interface ColumnLayout {
  file: string;
  header: readonly string[];
  features: readonly string[];
  /** Field position of each required column besides the features. */
  required: Record<RequiredColumn, number>;
  /** Field position of each optional column; null when the file has none. */
  optional: Record<OptionalColumn, number | null>;
  /** Field position of each feature, in `features` order. */
  featureColumns: readonly number[];
  hasUnitsSold: boolean;
  hasLatency: boolean;
  extraColumns: string[];
}

/** Checks the header (names unique and non-empty, every required column present) and locates the columns. */
export function columnLayout(header: readonly string[], features: readonly string[], file: string, modelName = "the model"): ColumnLayout {
  const index = columnIndex(header, file);
  const required = {
    product_id: index.get("product_id"),
    date: index.get("date"),
    category: index.get("category"),
    brand: index.get("brand"),
    price_tier: index.get("price_tier"),
    actual_price: index.get(targetColumn),
  } satisfies Record<RequiredColumn, number | undefined>;
  if (!isComplete(required)) throw new InputError(`missing required ${columnList([...idColumns, targetColumn].filter((name) => !index.has(name)))}`, {file, line: 1});
  const featureColumns = features.map((name) => index.get(name));
  if (!allPresent(featureColumns)) {
    const absentFeatures = features.filter((name) => !index.has(name));
    throw new InputError(`missing ${columnList(absentFeatures)} that ${modelName} uses as feature${absentFeatures.length > 1 ? "s" : ""}`, {file, line: 1});
  }
  const optional = {units_sold: index.get("units_sold") ?? null, latency_ms: index.get("latency_ms") ?? null} satisfies Record<OptionalColumn, number | null>;
  const used = new Set<string>([...idColumns, targetColumn, ...features, ...optionalColumns]);
  return {
    file,
    header,
    features,
    required,
    optional,
    featureColumns,
    hasUnitsSold: optional.units_sold !== null,
    hasLatency: optional.latency_ms !== null,
    extraColumns: header.filter((name) => !used.has(name)),
  };
}

/**
 * The layout of a file whose header failed the checks, for a scan of its
 * structure only (syntax and record count, see `checkedLayout`): such a scan
 * reads no field, so no column has a position (-1).
 */
export function unreadLayout(file: string, header: readonly string[]): ColumnLayout {
  const none = -1;
  return {
    file,
    header,
    features: [],
    required: {product_id: none, date: none, category: none, brand: none, price_tier: none, actual_price: none},
    optional: {units_sold: null, latency_ms: null},
    featureColumns: [],
    hasUnitsSold: false,
    hasLatency: false,
    extraColumns: [],
  };
}

/** Whether every column of a record of positions was found: narrows it to numbers. */
function isComplete<K extends string>(positions: Record<K, number | undefined>): positions is Record<K, number> {
  return Object.values<number | undefined>(positions).every((p) => p !== undefined);
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

/** A problem with one field of a record (or, without a column, with the whole record). */
export interface FieldProblem {
  problem: string;
  column?: string;
}

/**
 * Validates one data record (its fields as text) and stores it as row `r` of
 * `out`; returns the record's problems, or null when it is valid. Every field
 * is checked, so one run lists all of a record's problems, in a fixed order
 * (field count, then the id columns, the target, the features in model order,
 * the optional columns) that every reader of the file shares. A record with
 * the wrong field count has no other problem reported: its fields cannot be
 * told apart.
 */
export function readRecord(record: readonly string[], layout: ColumnLayout, out: ProductionColumns, r: number): FieldProblem[] | null {
  const {header, required, optional, features, featureColumns} = layout;
  if (record.length !== header.length) return [{problem: `expected ${header.length} fields, found ${record.length}`}];
  let problems: FieldProblem[] | null = null;
  const report = (problem: string, column: string) => (problems ??= []).push({problem, column});
  const text = (name: RequiredColumn): string => {
    const value = record[required[name]];
    if (value === "" || value === "NA") report("missing value in a required column", name);
    return value;
  };
  const number = (name: string, c: number, allowMissing: boolean): number => {
    const value = parseNumericCell(record[c]);
    if (value === null) {
      report(`"${clip(record[c])}" is not a number`, name);
      return NaN;
    }
    if (!allowMissing && Number.isNaN(value)) report("missing value in a required column", name);
    return value;
  };
  out.productId[r] = text("product_id");
  const date = record[required.date];
  if (date === "" || date === "NA") report("missing value in a required column", "date");
  else if (!isIsoDay(date)) report(`"${clip(date)}" is not a date (expected YYYY-MM-DD)`, "date");
  out.date[r] = date;
  out.category[r] = text("category");
  out.brand[r] = text("brand");
  out.priceTier[r] = text("price_tier");
  // An empty or NA actual_price is a label that has not arrived yet (issue 22): the row is scored and
  // counts for the label-free figures; a value that is there must still be a number.
  out.actualPrice[r] = number(targetColumn, required[targetColumn], true);
  for (let j = 0; j < features.length; ++j) out.x[j][r] = number(features[j], featureColumns[j], true);
  // The optional columns are allocated exactly when the file has them (allocateColumns).
  if (out.unitsSold && optional.units_sold !== null) out.unitsSold[r] = number("units_sold", optional.units_sold, true);
  if (out.latencyMs && optional.latency_ms !== null) out.latencyMs[r] = number("latency_ms", optional.latency_ms, true);
  return problems;
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
