import * as Inputs from "@observablehq/inputs";
import type {TableOptions} from "@observablehq/inputs";
import {csvDownload, keyColumns, withCsv} from "./downloads.js";

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
 * long text, for short tables read whole. It comes in its own box
 * ({@link scrollBox}): a table wider than the column scrolls there, and the
 * page itself never scrolls sideways.
 *
 * @param className more classes: `compact` (smaller type), or the page's own
 */
export function simpleTable<T>(rows: readonly T[], columns: readonly Column<T>[], className = ""): HTMLDivElement {
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
  return scrollBox(table);
}

/**
 * A box (class `table-box`) that scrolls sideways when its content is wider
 * than the column. While it scrolls it is a keyboard stop (tabindex 0), so a
 * reader without a mouse can scroll it too; when all fits it is not, so the
 * tab order holds no empty stops.
 */
export function scrollBox(content: Node): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "table-box";
  box.append(content);
  const update = () => {
    if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
    else box.removeAttribute("tabindex");
  };
  new ResizeObserver(update).observe(box);
  return box;
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
  const table = Inputs.table(rows, {select: false, layout: "auto", rows: rowsShown(rows.length), ...options});
  // The table scrolls inside its box (down past rowsShown, sideways when wide): a keyboard stop, so it scrolls without a mouse.
  table.tabIndex = 0;
  return table;
}

/**
 * A {@link dataTable} with its "Download CSV" link below: the file holds the
 * rows given, their fields `keys` (default: the table's columns) with their
 * raw values, in full precision.
 */
export function downloadableTable<T extends object>(rows: readonly T[], options: TableOptions<T>, file: {name: string; keys?: readonly (keyof T & string)[]}): HTMLDivElement {
  const keys = file.keys ?? options.columns ?? [];
  return withCsv(dataTable(rows, options), csvDownload(file.name, rows, keyColumns(keys)));
}
