import {describe, expect, it} from "vitest";
import {rowsBelowTop} from "../../loaders/drift/missingness.js";
import {averageRanks} from "../../loaders/stats/rank-correlation.js";
import {sortedOrder} from "../../loaders/stats/sorted-order.js";
import {mulberry32} from "../builders/random.js";

// The definitions the fast versions replaced, kept here as the oracle: rows
// sorted by value with a comparator, ties by row order.
function ranksByComparator(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({length: n}, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) ++j;
    for (let k = i; k <= j; ++k) out[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function keptByComparator(values: Float64Array, drop: number): number[] {
  const byValue = Array.from({length: values.length}, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  return byValue.slice(Math.max(drop, 0)).sort((a, b) => a - b);
}

// Heavy ties (a count of imputed features), signed zeros, continuous values.
function samples(seed: number): Float64Array[] {
  const random = mulberry32(seed);
  return [
    Float64Array.from({length: 5000}, () => Math.floor(random() * 6)),
    Float64Array.from({length: 3000}, () => (random() < 0.5 ? -0 : 0) + (random() < 0.3 ? 1 : 0)),
    Float64Array.from({length: 4000}, () => (random() - 0.5) * 1e3),
    Float64Array.from([7]),
    new Float64Array(0),
  ];
}

describe("average ranks (R's rank, ties.method = 'average')", () => {
  it("equal the comparator-sort definition bit for bit, ties and signed zeros included", () => {
    for (const values of samples(11)) expect(Array.from(averageRanks(values))).toEqual(Array.from(ranksByComparator(values)));
  });
  it("give tied values their mean rank", () => {
    expect(Array.from(averageRanks([3, 1, 3, 2, 3]))).toEqual([4, 1, 4, 2, 4]);
  });
});

describe("the rows left once the largest values are dropped", () => {
  it("equal the comparator-sort definition (ties at the cut dropped earliest first), at every share", () => {
    for (const values of samples(12)) {
      for (const drop of [0, 1, 7, Math.floor(values.length / 100), values.length - 1, values.length]) {
        expect(Array.from(rowsBelowTop(values, drop))).toEqual(keptByComparator(values, drop));
      }
    }
  });
  it("drop the earliest of the tied rows at the cut", () => {
    expect(Array.from(rowsBelowTop(Float64Array.from([5, 9, 5, 1, 5]), 2))).toEqual([2, 3, 4]);
  });
});

describe("the radix order of rows", () => {
  it("equals a comparator sort with ties in row order, across signs, magnitudes, subnormals and infinities", () => {
    const random = mulberry32(13);
    const values = Float64Array.from({length: 20000}, (_, i) => {
      const r = random();
      if (i % 97 === 0) return [Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -0, 0][i % 7];
      return r < 0.3 ? Math.round((r - 0.15) * 40) : (r - 0.6) * 10 ** Math.floor(random() * 30 - 15);
    });
    const expected = Array.from({length: values.length}, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    expect(Array.from(sortedOrder(values))).toEqual(expected);
  });
});
