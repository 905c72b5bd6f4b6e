import {rowErrors, type CodedColumnName, type Rows} from "../accumulate/index.js";
import type {Dimension} from "../inputs/index.js";

/** The kept rows' column of a segment dimension. */
export function columnOf(dimension: Dimension): CodedColumnName {
  return dimension === "price_tier" ? "priceTier" : dimension;
}

/**
 * The kept rows' errors, and their absolute values gathered by segment or day
 * in row order: what exact error quantiles and the bootstrap intervals read
 * (the sums alone give RMSE and MAE, not order statistics). A column's rows
 * are grouped once, by a counting sort of its codes.
 */
export class RowErrors {
  readonly error: Float64Array;
  readonly abs: Float64Array;
  private readonly groups = new Map<CodedColumnName, {start: Uint32Array; order: Uint32Array; code: Map<string, number>}>();

  constructor(readonly rows: Rows) {
    this.error = rowErrors(rows);
    this.abs = new Float64Array(rows.n);
    for (let r = 0; r < rows.n; ++r) this.abs[r] = Math.abs(this.error[r]);
  }

  /** The absolute errors of the rows whose `column` is one of `values`, value by value in the order given, rows in log order within each. */
  absOf(column: CodedColumnName, values: readonly string[]): Float64Array {
    const {start, order, code} = this.grouping(column);
    const codes = values.map((v) => code.get(v)).filter((c): c is number => c !== undefined);
    const out = new Float64Array(codes.reduce((sum, c) => sum + start[c + 1] - start[c], 0));
    let at = 0;
    for (const c of codes) for (let i = start[c]; i < start[c + 1]; ++i) out[at++] = this.abs[order[i]];
    return out;
  }

  /** Row indexes grouped by the column's code, each group in log order. */
  private grouping(column: CodedColumnName) {
    let g = this.groups.get(column);
    if (g === undefined) {
      const {codes, values} = this.rows[column];
      const start = new Uint32Array(values.length + 1);
      for (let r = 0; r < codes.length; ++r) ++start[codes[r] + 1];
      for (let c = 0; c < values.length; ++c) start[c + 1] += start[c];
      const next = start.slice(0, values.length);
      const order = new Uint32Array(codes.length);
      for (let r = 0; r < codes.length; ++r) order[next[codes[r]]++] = r;
      g = {start, order, code: new Map(values.map((v, c) => [v, c]))};
      this.groups.set(column, g);
    }
    return g;
  }
}
