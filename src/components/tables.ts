import * as Inputs from "@observablehq/inputs";
import type {TableOptions} from "@observablehq/inputs";

/**
 * The report's two kinds of table. `simpleTable` for short tables read whole
 * (it wraps long text, which Inputs.table truncates); `dataTable` for long
 * ones a reader sorts and scrolls (Inputs.table with the house defaults).
 */

/** One column of a simple table. */
export interface Column<T> {
  /** The header. */
  label: string;
  /** What the cell shows: text, or an element (a status cell). */
  value: (row: T) => string | Node;
  /** Numbers read best right-aligned. */
  align?: "left" | "right";
  /** Keep on one line (dates, ranges). */
  nowrap?: boolean;
}

/**
 * A plain static table (class `simple-table`, styled in style.css) that wraps
 * long text, for short tables read whole.
 *
 * @param className more classes: `compact` (smaller type), or the page's own
 */
export function simpleTable<T>(rows: readonly T[], columns: readonly Column<T>[], className = ""): HTMLTableElement {
  const table = document.createElement("table");
  table.className = `simple-table ${className}`;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.textContent = c.label;
    if (c.align === "right") th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      const v = c.value(row);
      if (typeof v === "string") td.textContent = v;
      else td.append(v);
      if (c.align === "right") td.style.textAlign = "right";
      if (c.nowrap) td.style.whiteSpace = "nowrap";
    }
  }
  return table;
}

/** Rows a data table shows before it scrolls: all of them up to 20, and half a row more as a hint that it scrolls. */
export const rowsShown = (n: number): number => Math.min(n, 20) + 0.5;

/**
 * Inputs.table with the house defaults: no selection checkboxes (nothing on
 * the pages reads a selection), columns sized to their content (`layout:
 * "auto"`, the table scrolls sideways when wider than the page), and
 * {@link rowsShown} rows. Any option given wins; formats and headers are typed
 * by the row, so a column's format gets that column's value.
 */
export function dataTable<T extends object>(rows: readonly T[], options: TableOptions<T> = {}): HTMLFormElement {
  return Inputs.table(rows, {select: false, layout: "auto", rows: rowsShown(rows.length), ...options});
}
