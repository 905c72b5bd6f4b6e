import {csvField} from "./csv-field.js";

/**
 * CSV for people: the files behind the pages' "Download CSV" links, opened
 * in a spreadsheet and pasted into slides. Numbers keep full precision (the
 * shortest text that reads back as the same double), the text is UTF-8 with
 * a byte-order mark (so Excel reads λ and – right), and a text cell that a
 * spreadsheet would run as a formula (one starting with =, +, -, @, a tab or
 * a carriage return) is prefixed with ', as OWASP's CSV-injection guidance
 * says: product ids and brand names come from the production log.
 *
 * The machine outputs (scores.csv, the JSON tables) are never written this
 * way: they stay exact, for tools.
 */

/** What a cell may hold: a number, text, a flag, or nothing (an empty field). */
export type SpreadsheetValue = string | number | boolean | null | undefined;

/** One column: its header and the cell's raw value (not the page's formatted text). */
export interface SpreadsheetColumn<T> {
  label: string;
  value: (row: T) => SpreadsheetValue;
}

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const utf8Bom = "\uFEFF";

/** Text a spreadsheet would take for a formula (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;

/** One field: numbers in full, text defused and quoted as RFC 4180 needs. */
export function spreadsheetField(value: SpreadsheetValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return csvField(formulaStart.test(value) ? `'${value}` : value);
}

/** The whole file: byte-order mark, header row, one row per row, CRLF line ends (RFC 4180). */
export function spreadsheetCsv<T>(rows: readonly T[], columns: readonly SpreadsheetColumn<T>[]): string {
  const lines = [columns.map((c) => spreadsheetField(c.label)), ...rows.map((r) => columns.map((c) => spreadsheetField(c.value(r))))];
  return utf8Bom + lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}
