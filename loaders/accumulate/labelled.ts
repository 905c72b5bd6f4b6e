import type {Accumulation} from "./accumulation.js";
import {Coder, codedColumns, type CodedColumn, type Rows} from "./rows.js";

/**
 * The labelled part of the log: what the accuracy figures read (issue 22).
 * A row whose actual_price has not arrived (empty or NA) is scored and counts
 * for the label-free figures (volume, missing rates, feature and prediction
 * drift), but has no error yet, so every accuracy table is computed from
 * these views, which are exactly what the pass would have kept of a log
 * without those rows. When every row is labelled they are the inputs
 * themselves, so a fully labelled log gives the same bytes as before.
 */

/** How many kept rows have an actual price. */
export function labelledCount(rows: Pick<Rows, "n" | "actual">): number {
  let n = 0;
  for (let r = 0; r < rows.n; ++r) if (rows.actual[r] === rows.actual[r]) ++n;
  return n;
}

/** The kept rows with an actual price, in log order; text columns re-coded in order of first appearance among them (as a log of only these rows would code them). */
export function labelledRows(rows: Rows): Rows {
  const n = labelledCount(rows);
  if (n === rows.n) return rows;
  const keep = new Uint32Array(n);
  for (let r = 0, k = 0; r < rows.n; ++r) if (rows.actual[r] === rows.actual[r]) keep[k++] = r;
  const pick = <T extends Float64Array | Uint16Array | Uint8Array>(column: T, make: (length: number) => T): T => {
    const out = make(n);
    for (let k = 0; k < n; ++k) out[k] = column[keep[k]];
    return out;
  };
  // Coded afresh, as the pass codes a log: in order of first appearance among the kept rows.
  const recode = (column: CodedColumn): CodedColumn => {
    const coder = new Coder();
    const codes = new Uint32Array(n);
    for (let k = 0; k < n; ++k) codes[k] = coder.code(column.values[column.codes[keep[k]]]);
    return {codes, values: coder.values};
  };
  const [date, category, brand, priceTier] = codedColumns.map((c) => recode(rows[c]));
  return {
    n,
    actual: pick(rows.actual, (l) => new Float64Array(l)),
    prediction: pick(rows.prediction, (l) => new Float64Array(l)),
    imputed: pick(rows.imputed, (l) => new Uint16Array(l)),
    date,
    category,
    brand,
    priceTier,
    latency: rows.latency && pick(rows.latency, (l) => new Float64Array(l)),
    flags: pick(rows.flags, (l) => new Uint8Array(l)),
  };
}

/**
 * The accumulation as the accuracy tables read it: only the segments and
 * days with a labelled row, and `rows` the labelled count. Their sums are
 * already the labelled rows' (accumulation.ts); a segment or day whose rows
 * all await labels would otherwise be a group of no errors.
 */
export function labelledAccumulation(acc: Accumulation): Accumulation {
  const labelled = acc.overall.errors.n;
  if (labelled === acc.rows) return acc;
  const withLabels = <V extends {errors: {n: number}}>(groups: Map<string, V>): Map<string, V> => new Map([...groups].filter(([, g]) => g.errors.n > 0));
  return {
    ...acc,
    rows: labelled,
    segments: {category: withLabels(acc.segments.category), price_tier: withLabels(acc.segments.price_tier), brand: withLabels(acc.segments.brand)},
    days: withLabels(acc.days),
  };
}
