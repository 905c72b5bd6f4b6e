import {parquetSchema, type FileMetaData, type SchemaElement} from "hyparquet";
import {InputError} from "../../errors.js";
import {idColumns} from "../columns.js";
import {columnLayout, type ColumnLayout} from "../production.js";

/**
 * How a Parquet column's values are turned into what the CSV reader would
 * have read from the same rows written as text: "text" (strings, or integers
 * written as their digits), "day" (a DATE or TIMESTAMP as its YYYY-MM-DD
 * day, or text to be checked as one), "number" (any numeric type as a double).
 */
export type ParquetValueKind = "text" | "day" | "number";

/** A Parquet file's columns located as the CSV header's are, with the kind of values each used one holds. */
export interface ParquetLayout {
  layout: ColumnLayout;
  /** The columns the report reads, in file order (the others are never decoded). */
  read: string[];
  kinds: Map<string, ParquetValueKind>;
  /** Rows in the file (from its metadata). */
  rows: number;
}

/**
 * Checks a Parquet file's schema as the CSV reader checks a header (every
 * required and model column present, by name), and that each used column
 * holds values of a type the report can read as the CSV reader would: a
 * column of another type (a price stored as strings, a date as a double, a
 * nested column) is named with what it holds. Problems are about the whole
 * file, so they carry no line.
 */
export function parquetLayout(metadata: FileMetaData, features: readonly string[], file: string, modelName: string): ParquetLayout {
  const top = parquetSchema(metadata).children;
  const header = top.map((c) => c.element.name);
  let layout: ColumnLayout;
  try {
    layout = columnLayout(header, features, file, modelName);
  } catch (error) {
    // The CSV header's problems say "line 1"; a Parquet file has no lines.
    if (error instanceof InputError) throw new InputError(error.problem, {file, column: error.where.column});
    throw error;
  }
  const texts = new Set<string>(idColumns.filter((c) => c !== "date"));
  const kinds = new Map<string, ParquetValueKind>();
  const used = new Set<number>([...Object.values(layout.required), ...Object.values(layout.optional).filter((c): c is number => c !== null), ...layout.featureColumns]);
  for (const index of [...used].sort((a, b) => a - b)) {
    const node = top[index];
    const name = node.element.name;
    const wanted: ParquetValueKind = name === "date" ? "day" : texts.has(name) ? "text" : "number";
    if (node.children.length > 0 || node.element.repetition_type === "REPEATED") throw new InputError(`is a nested or repeated column; the report reads one value per row (${expected(wanted)})`, {file, column: name});
    if (!accepts(wanted, node.element)) throw new InputError(`holds ${typeName(node.element)} values, where the report reads ${expected(wanted)}`, {file, column: name});
    kinds.set(name, wanted);
  }
  return {layout, read: header.filter((_, i) => used.has(i)), kinds, rows: Number(metadata.num_rows)};
}

/** Whether a column of this element's type can be read as the wanted kind. */
function accepts(wanted: ParquetValueKind, element: SchemaElement): boolean {
  const kind = typeKind(element);
  switch (wanted) {
    case "text":
      return kind === "string" || kind === "integer";
    case "day":
      return kind === "date" || kind === "timestamp" || kind === "string";
    case "number":
      return kind === "integer" || kind === "float" || kind === "decimal";
  }
}

type TypeKind = "string" | "integer" | "float" | "decimal" | "date" | "timestamp" | "other";

function typeKind(element: SchemaElement): TypeKind {
  const {type, converted_type: converted, logical_type: logical} = element;
  if (converted === "DECIMAL" || logical?.type === "DECIMAL") return "decimal";
  if (converted === "DATE" || logical?.type === "DATE") return "date";
  if (converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS" || logical?.type === "TIMESTAMP" || type === "INT96") return "timestamp";
  if (converted === "TIME_MILLIS" || converted === "TIME_MICROS" || logical?.type === "TIME") return "other";
  switch (type) {
    case "INT32":
    case "INT64":
      return "integer";
    case "FLOAT":
    case "DOUBLE":
      return "float";
    case "BYTE_ARRAY":
      // JSON, BSON, UUID or geometry bytes are not text to the report.
      return converted === undefined || converted === "UTF8" || converted === "ENUM" || logical?.type === "STRING" || logical?.type === "ENUM" ? "string" : "other";
    default:
      return "other";
  }
}

/** A column's type as the file declares it (its logical type where it has one). */
function typeName(element: SchemaElement): string {
  const kind = typeKind(element);
  const declared = element.logical_type?.type ?? element.converted_type ?? element.type ?? "group";
  const plain = {string: "text", integer: "integer", float: "floating-point", decimal: "decimal", date: "date", timestamp: "timestamp", other: ""}[kind];
  return plain === "" ? String(declared) : `${plain} (${declared})`;
}

function expected(kind: ParquetValueKind): string {
  switch (kind) {
    case "text":
      return "text or integers";
    case "day":
      return "a DATE, a TIMESTAMP or YYYY-MM-DD text";
    case "number":
      return "numbers (integer, floating-point or decimal)";
  }
}
