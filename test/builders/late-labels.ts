import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {csvFormatRows, csvParseRows} from "d3";
import {dataCopy, seedData} from "./helpers.js";

/**
 * The embedded log with its last three days' actual prices not yet arrived
 * (issue 22), as data folders: blanked (alternately empty and NA, both
 * spellings of missing), those rows removed, and blanked with a feature
 * shifted on those days.
 */
export const lateCsvName = "production_simulation.csv";
const [header, ...records] = csvParseRows(readFileSync(join(seedData, lateCsvName), "utf8"));

export function lateColumn(name: string): number {
  const c = header.indexOf(name);
  if (c < 0) throw new Error(`no column ${name}`);
  return c;
}

const dateCol = lateColumn("date");
const priceCol = lateColumn("actual_price");
/** The log's last three days: the ones whose labels are blanked. */
export const lateDays = [...new Set(records.map((r) => r[dateCol]))].sort().slice(-3);
const late = (r: string[]) => lateDays.includes(r[dateCol]);
/** How many rows the blanked folder's log holds without a label. */
export const awaitingRows = records.filter(late).length;
export const logRows = records.length;

/** The embedded data with the log's records replaced. */
function withRecords(rows: string[][]): string {
  return dataCopy((dir) => writeFileSync(join(dir, lateCsvName), csvFormatRows([header, ...rows]) + "\n"));
}

/** The last three days' prices blanked; `shift` adds to a feature's present values on those days. */
export function blankedFolder(shift?: {column: number; add: number}): string {
  return withRecords(
    records.map((r, i) => {
      if (!late(r)) return r;
      const out = [...r];
      out[priceCol] = i % 2 ? "" : "NA";
      if (shift && out[shift.column] !== "" && out[shift.column] !== "NA") out[shift.column] = String(Number(out[shift.column]) + shift.add);
      return out;
    }),
  );
}

/** The log without the last three days' rows. */
export function removedFolder(): string {
  return withRecords(records.filter((r) => !late(r)));
}
