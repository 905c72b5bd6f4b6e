import {describe, expect, it} from "vitest";
import {labelledRows, type CodedColumn, type Rows} from "../../loaders/accumulate/index.js";

const coded = (values: string[], codes: number[]): CodedColumn => ({values, codes: Uint32Array.from(codes)});

// Four rows; the first (category B, day 10-01) awaits its label.
const rows: Rows = {
  n: 4,
  actual: Float64Array.from([NaN, 10, 20, 30]),
  prediction: Float64Array.from([1, 2, 3, 4]),
  imputed: Uint16Array.from([0, 1, 2, 3]),
  date: coded(["2026-10-01", "2026-10-02"], [0, 0, 1, 1]),
  category: coded(["B", "A"], [0, 1, 0, 1]),
  brand: coded(["x"], [0, 0, 0, 0]),
  priceTier: coded(["low", "high"], [0, 1, 1, 0]),
  latency: null,
  flags: Uint8Array.from([1, 0, 1, 0]),
};

describe("the labelled rows (what the accuracy tables read)", () => {
  it("are the rows with an actual price, text re-coded in order of first appearance among them, as a log of only those rows would code it", () => {
    const l = labelledRows(rows);
    expect(l.n).toBe(3);
    expect(Array.from(l.actual)).toEqual([10, 20, 30]);
    expect(Array.from(l.prediction)).toEqual([2, 3, 4]);
    expect(Array.from(l.imputed)).toEqual([1, 2, 3]);
    expect(Array.from(l.flags)).toEqual([0, 1, 0]);
    // B came first in the log, but A comes first among the labelled rows.
    expect(l.category.values).toEqual(["A", "B"]);
    expect(Array.from(l.category.codes)).toEqual([0, 1, 0]);
    expect(l.date.values).toEqual(["2026-10-01", "2026-10-02"]);
    expect(Array.from(l.date.codes)).toEqual([0, 1, 1]);
    expect(l.priceTier.values).toEqual(["high", "low"]);
  });

  it("are the rows themselves when every row is labelled (the same bytes as before late labels)", () => {
    const all = {...rows, actual: Float64Array.from([5, 10, 20, 30])};
    expect(labelledRows(all)).toBe(all);
  });
});
