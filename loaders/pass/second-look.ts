import {readSpill} from "./feature-spill.js";
import type {Contribution} from "./read-log.js";

/**
 * One scan of the log's feature columns, read back from the cache (never
 * parsed again): for the figures that need each value of a feature once the
 * whole log's sums are known (which production values hold a given order
 * statistic; which price signal the fallback serves, in the order the log
 * ranked them).
 */
export interface SecondLook {
  /** Feature positions (model order) to read, among the plan's price features (the spill keeps only those in row order); the visitor gets one column for each, in this order. */
  features: readonly number[];
  /** Each chunk of rows in log order; `first` is the chunk's first row in the whole log. */
  visit(first: number, rows: number, columns: readonly Float64Array[]): void;
}

/** Runs each look over every file's spilled feature columns, in log order. Throws SpillDamaged when a file's columns were damaged. */
export function secondLook(contributions: readonly Contribution[], looks: readonly SecondLook[]): void {
  for (const look of looks) {
    if (look.features.length === 0) continue;
    let first = 0;
    for (const c of contributions) {
      for (const part of c.parts) {
        readSpill(
          part.features,
          (chunk) => {
            // Each column is a view of scratch memory until the next is read: the look gets copies.
            look.visit(first, chunk.rows, look.features.map((f) => chunk.values(f).slice()));
            first += chunk.rows;
          },
          part.rows,
        );
      }
    }
  }
}
