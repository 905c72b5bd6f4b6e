import {spreadsheetCsv, type SpreadsheetColumn, type SpreadsheetValue} from "../shared/spreadsheet-csv.js";
import {el} from "./dom.js";

/**
 * "Download CSV" under a table: the table's rows with their raw figures (full
 * precision, not the page's rounding), for spreadsheets and slides. The file
 * is made in the browser from the page's own data (a blob: URL), so it needs
 * no extra file in the build. See loaders/shared/spreadsheet-csv.ts for the
 * format (UTF-8, formula-like text prefixed with ').
 */
export function csvDownload<T>(fileName: string, rows: readonly T[], columns: readonly SpreadsheetColumn<T>[]): HTMLParagraphElement {
  const blob = new Blob([spreadsheetCsv(rows, columns)], {type: "text/csv;charset=utf-8"});
  const a = el("a", {attributes: {download: fileName}}, "Download CSV");
  a.href = URL.createObjectURL(blob);
  const n = rows.length;
  return el("p", {className: "csv-download"}, a, ` ${fileName}, ${n} ${n === 1 ? "row" : "rows"}`);
}

/** A table (or chart) with its download link below, as one block. */
export function withCsv(content: Node, link: HTMLParagraphElement): HTMLDivElement {
  return el("div", {className: "downloadable"}, content, link);
}

/** A cell of the JSON tables as a spreadsheet value: numbers, text and flags as they are, anything else as text. */
export function spreadsheetValue(value: unknown): SpreadsheetValue {
  if (value === null || value === undefined || typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return Array.isArray(value) ? value.join("; ") : JSON.stringify(value);
}

/** Columns named by the rows' own keys (the JSON tables' field names, which README.md documents), each cell its raw value. */
export function keyColumns<T extends object>(keys: readonly (keyof T & string)[]): SpreadsheetColumn<T>[] {
  return keys.map((key) => ({label: key, value: (row: T) => spreadsheetValue(row[key])}));
}
