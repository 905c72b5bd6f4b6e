import {quantileSorted} from "d3";
import {describe, expect, it} from "vitest";
import {mulberry32} from "../builders/random.js";
import {quantile, quantiles} from "../../loaders/stats/quantile.js";

describe("quantiles: R's type 7, by selection or by sorting, exactly d3's quantileSorted", () => {
  it("on 5,000 random samples with ties, NaN and edge probabilities", () => {
    const random = mulberry32(31);
    for (let t = 0; t < 5000; ++t) {
      const n = 1 + Math.floor(random() * (t % 10 === 0 ? 2000 : 150));
      const values = Array.from({length: n}, () => (random() < 0.3 ? Math.floor(random() * 5) : random() < 0.03 ? NaN : random() * 100));
      const probs = Array.from({length: 1 + Math.floor(random() * 6)}, () => (random() < 0.2 ? [0, 1, 0.5, 0.95, -1, 2][Math.floor(random() * 6)] : random()));
      const sorted = Float64Array.from(values).sort();
      const expected = probs.map((p) => quantileSorted(sorted as unknown as number[], p));
      const actual = quantiles(values, probs);
      if (!expected.every((e, i) => Object.is(e, actual[i]))) expect.fail(`n=${n}, p=${probs}: ${actual} instead of ${expected}`);
    }
  });

  it("a known answer: the p95 of 1..101 is 96, of 1..100 is 95.05", () => {
    expect(quantile(Array.from({length: 101}, (_, i) => i + 1), 0.95)).toBe(96);
    expect(quantile(Array.from({length: 100}, (_, i) => 100 - i), 0.95)).toBeCloseTo(95.05, 12);
  });
});
