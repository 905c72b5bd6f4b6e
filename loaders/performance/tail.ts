import {config} from "../config.js";
import {type Dimension, dimensions} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import {quantile} from "../stats/index.js";
import type {PriceBinning} from "./price-bins.js";
import type {SegmentPerformance} from "./segment-table.js";
import type {CodedColumn} from "../accumulate/index.js";
import {columnOf, type RowErrors} from "./row-errors.js";

/** How many of one side's tail rows fall in a segment or price bin, against its share of all rows. */
export interface TailShare {
  n: number;
  /** Share of this side's tail rows. */
  share_of_side: number;
  /** Share of all production rows. */
  row_share: number;
  /** share_of_side / row_share: above 1, the group holds more than its share of these errors. */
  lift: number;
}

export interface TailSegment extends TailShare {
  dimension: Dimension;
  segment: string;
}

export interface TailPriceBin extends TailShare {
  bin: number;
  label: string;
}

/** The tail rows of one direction. */
export interface TailSide {
  n: number;
  mean_abs_error: number | null;
  /** Segments holding any of these rows, per dimension, most rows first. */
  segments: TailSegment[];
  /** Every price bin, cheapest first. */
  price_bins: TailPriceBin[];
}

/** The rows in the top (1 − tailQuantile) of absolute errors, split by direction. */
export interface ErrorTail {
  quantile: number;
  /** Absolute errors above this (the tailQuantile quantile, R type 7) are in the tail. */
  threshold: number;
  n: number;
  /** actual > predicted: the model priced too low. */
  under: TailSide;
  /** actual < predicted: the model priced too high. */
  over: TailSide;
}

/** `segments`: every segment's row count (the performance table's), the base of each lift. */
export function errorTail(errors: RowErrors, binning: PriceBinning, segments: readonly Pick<SegmentPerformance, "dimension" | "segment" | "n">[]): ErrorTail {
  const q = config.performance.tailQuantile;
  const total = errors.rows.n;
  const threshold = quantile(errors.abs, q);
  const under: number[] = [];
  const over: number[] = [];
  for (let r = 0; r < total; ++r) {
    if (errors.abs[r] > threshold) (errors.error[r] > 0 ? under : over).push(r);
  }
  const side = (rows: number[]): TailSide => {
    const share = (n: number, all: number): TailShare => {
      const shareOfSide = rows.length ? n / rows.length : 0;
      const rowShare = all / total;
      return {n, share_of_side: shareOfSide, row_share: rowShare, lift: shareOfSide / rowShare};
    };
    // The segments with tail rows, each against its row count: every segment of the data is one of the table's.
    const tailSegments = dimensions.flatMap((dimension) => {
      const inTail = countBy(errors.rows[columnOf(dimension)], (i) => rows[i], rows.length);
      return segments
        .filter((s) => s.dimension === dimension)
        .flatMap((s): TailSegment[] => {
          const n = inTail.get(s.segment);
          return n === undefined ? [] : [{dimension, segment: s.segment, ...share(n, s.n)}];
        })
        .sort((a, b) => b.n - a.n || b.lift - a.lift || compare(a.segment, b.segment));
    });
    const binRows = new Map<number, number>();
    for (const r of rows) binRows.set(binning.rowBin[r], (binRows.get(binning.rowBin[r]) ?? 0) + 1);
    const priceBins = binning.bins.map((b): TailPriceBin => ({bin: b.bin, label: b.label, ...share(binRows.get(b.bin) ?? 0, b.n)}));
    const sum = rows.reduce((s, r) => s + errors.abs[r], 0);
    return {n: rows.length, mean_abs_error: rows.length ? sum / rows.length : null, segments: tailSegments, price_bins: priceBins};
  };
  return {quantile: q, threshold, n: under.length + over.length, under: side(under), over: side(over)};
}

/** Rows per value of a coded column, over the rows `row(0 … length − 1)`, in order of first appearance among them. */
function countBy(column: CodedColumn, row: (i: number) => number, length: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < length; ++i) {
    const key = column.values[column.codes[row(i)]];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
