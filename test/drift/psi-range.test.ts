import {describe, expect, it} from "vitest";
import {cdfBoundaries, countsOfSorted, psiOfShares, quantileBins, type CdfBoundaries} from "../../loaders/drift/distribution.js";
import {psiRange} from "../../loaders/drift/psi-range.js";
import {distributionConclusion} from "../../loaders/drift/conclusions.js";
import {distributionOf, probs15 as probs, production, stats} from "../builders/drift-inputs.js";

const eps = 1e-4;

/** A sorted sample holding `count` copies of each value. */
const sample = (counts: [number, number][]) => Float64Array.from(counts.flatMap(([v, n]) => Array.from({length: n}, () => v)));

/** The population quantile function inf{x : F(x) ≥ p} of a discrete distribution (values ascending, masses summing to 1). */
function discreteQuantiles(values: number[], masses: number[]): number[] {
  return probs.map((p) => {
    let cdf = 0;
    for (let i = 0; i < values.length; ++i) {
      cdf += masses[i];
      if (cdf >= p - 1e-12) return values[i];
    }
    return values[values.length - 1];
  });
}

/** PSI of production against the training distribution itself on the bins the report uses (its inner CDF values given by `trainCdf`). */
function truePsi(b: CdfBoundaries, trainCdf: (v: number) => number, values: number[]): number {
  const {actual} = quantileBins(b);
  const at = values;
  const last = at.length - 1;
  const t = at.map((v, k) => (k === 0 ? 0 : k === last ? 1 : trainCdf(v)));
  return psiOfShares(
    t.slice(1).map((x, i) => x - t[i]),
    actual,
    eps,
  );
}

/** Every T in the box of brackets (random points and all vertices), priced as the report prices shares. */
function bruteForce(b: CdfBoundaries, draws: number): {min: number; max: number} {
  const at = b.atValue.flatMap((v, i) => (v ? [i] : []));
  const last = at.length - 1;
  const low = at.map((i, k) => (k === 0 ? 0 : k === last ? 1 : b.low[i]));
  const high = at.map((i, k) => (k === 0 ? 0 : k === last ? 1 : b.high[i]));
  const {actual} = quantileBins(b);
  const price = (t: number[]) => psiOfShares(t.slice(1).map((x, i) => x - t[i]), actual, eps);
  let min = Infinity;
  let max = -Infinity;
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const free = low.flatMap((l, i) => (l < high[i] ? [i] : []));
  for (let v = 0; v < 2 ** free.length; ++v) {
    const t = low.map((l, i) => l);
    free.forEach((i, k) => (t[i] = (v >> k) & 1 ? high[i] : low[i]));
    const x = price(t);
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  let best = low.map((l) => l);
  for (let d = 0; d < draws; ++d) {
    const t = low.map((l, i) => l + random() * (high[i] - l));
    const x = price(t);
    if (x < min) best = t;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  // Polish the best draw one coordinate at a time (ternary search: PSI is convex in each share away from the floor).
  for (let sweep = 0; sweep < 100; ++sweep) {
    for (const i of free) {
      let lo = low[i];
      let hi = high[i];
      const at = (x: number) => price(best.map((v, k) => (k === i ? x : v)));
      for (let k = 0; k < 100; ++k) {
        const m1 = lo + (hi - lo) / 3;
        const m2 = hi - (hi - lo) / 3;
        if (at(m1) < at(m2)) hi = m2;
        else lo = m1;
      }
      best = best.map((v, k) => (k === i ? (lo + hi) / 2 : v));
    }
  }
  min = Math.min(min, price(best));
  return {min, max};
}

describe("PSI range over the training distributions the quantiles allow", () => {
  it("a count feature: the range contains the PSI against the true training distribution, and brute force finds nothing outside it", () => {
    // Training: P(0..4) = .32, .26, .20, .14, .08, so F = .32, .58, .78, .92, 1; its quantiles tie at every value.
    const values = [0, 1, 2, 3, 4];
    const masses = [0.32, 0.26, 0.2, 0.14, 0.08];
    const q = discreteQuantiles(values, masses);
    expect(q).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
    const prod = sample([[0, 200], [1, 250], [2, 250], [3, 200], [4, 100]]);
    const b = cdfBoundaries(q, probs, countsOfSorted(prod), 0.01);
    const cdf = (v: number) => masses.slice(0, values.indexOf(v) + 1).reduce((s, m) => s + m, 0);
    const truth = truePsi(b, cdf, values);
    const r = psiRange(b, eps);
    expect(r.free).toBe(true);
    expect(r.exact_min).toBe(true);
    // (Up to rounding: the truth can sit at the minimum.)
    expect(r.min).toBeLessThanOrEqual(truth + 1e-15);
    expect(r.max).toBeGreaterThanOrEqual(truth - 1e-15);
    // The report's point PSI (each bracket nearest production) is inside the range, and is not its minimum here.
    const point = psiOfShares(quantileBins(b).expected, quantileBins(b).actual, eps);
    expect(point).toBeGreaterThan(r.min + 1e-6);
    expect(point).toBeLessThanOrEqual(r.max);
    const brute = bruteForce(b, 20_000);
    expect(brute.min).toBeGreaterThanOrEqual(r.min - 1e-12);
    expect(brute.max).toBeLessThanOrEqual(r.max + 1e-12);
    // Attained: a polished search reaches the minimum; the maximum is a vertex here.
    expect(brute.min - r.min).toBeLessThan(1e-12);
    expect(brute.max).toBeCloseTo(r.max, 12);
  });

  it("a point mass inside a continuous feature: the range contains the truth; with production inside every bracket the minimum is 0", () => {
    // Training: 30% uniform on (0, 5), 20% at 5, 50% uniform on (5, 10); F(5⁻) = .3, F(5) = .5.
    const cdf = (x: number) => (x < 5 ? (0.3 * x) / 5 : 0.5 + (0.5 * (x - 5)) / 5);
    const q = probs.map((p) => (p <= 0.3 ? (p / 0.3) * 5 : p <= 0.5 ? 5 : 5 + ((p - 0.5) / 0.5) * 5));
    const grid = (n: number, lo: number, hi: number) => Array.from({length: n}, (_, i) => lo + ((i + 0.5) / n) * (hi - lo));
    // Production: 25% below 5, 10% at 5, 65% above.
    const prod = Float64Array.from([...grid(500, 0, 5), ...Array.from({length: 200}, () => 5), ...grid(1300, 5, 10)]);
    const b = cdfBoundaries(q, probs, countsOfSorted(prod), 0.01);
    const distinct = [...new Set(q)];
    const truth = truePsi(b, cdf, distinct);
    const r = psiRange(b, eps);
    expect(r.free).toBe(true);
    // (Up to rounding: the truth can sit at the minimum.)
    expect(r.min).toBeLessThanOrEqual(truth + 1e-15);
    expect(r.max).toBeGreaterThanOrEqual(truth - 1e-15);
    const brute = bruteForce(b, 5_000);
    expect(brute.min).toBeGreaterThanOrEqual(r.min - 1e-12);
    expect(brute.max).toBeLessThanOrEqual(r.max + 1e-12);

    // Production distributed as training: F_prod(5) = .5 lies in its bracket [.5, .6], so some training distribution matches it exactly.
    const same = Float64Array.from([...grid(600, 0, 5), ...Array.from({length: 400}, () => 5), ...grid(1000, 5, 10)]);
    const r0 = psiRange(cdfBoundaries(q, probs, countsOfSorted(same), 0.01), eps);
    expect(r0.min).toBeLessThan(1e-12);
  });

  it("a continuous feature has no range: min = max = its PSI, to the bit", () => {
    const q = probs;
    const prod = Float64Array.from({length: 1000}, (_, i) => 0.2 + ((i + 0.5) / 1000) * 0.9);
    const b = cdfBoundaries(q, probs, countsOfSorted(prod), 0.01);
    const psi = psiOfShares(quantileBins(b).expected, quantileBins(b).actual, eps);
    expect(psiRange(b, eps)).toEqual({min: psi, max: psi, free: false, exact_min: true});
  });

  it("a range across a band edge reads 'not resolved by the training quantiles'; one inside a band keeps the band", () => {
    // The count feature above, against production that fits training: its PSI is near 0, but training could also have had
    // all of F(1)'s bracket at one end, which puts the largest PSI past 0.1.
    const values = [0, 1, 2, 3, 4];
    const q = discreteQuantiles(values, [0.32, 0.26, 0.2, 0.14, 0.08]);
    const x = Array.from(sample([[0, 320], [1, 260], [2, 200], [3, 140], [4, 80]]));
    const t = distributionOf(production({x}), stats([{feature: "x", sd: 1.2}], {quantileProbs: probs, quantiles: new Map([["x", q]])}));
    const f = t.features[0];
    expect(f.psi_bracketed).toBe(true);
    expect(f.psi_min).toBeLessThan(0.1);
    expect(f.psi_max).toBeGreaterThan(0.1);
    expect(f.psi_level).toBeNull();
    expect(t.unresolved).toEqual(["x"]);
    expect(t.level_counts).toEqual({stable: 0, moderate: 0, major: 0});
    expect(distributionConclusion(t, new Set())).toMatch(/for 1 discrete feature the band is not resolved by the training quantiles \(the PSI they allow spans a band edge: x 0\.\d{3} to \d\.\d\d\)/);

    // Production far from training: every training distribution the brackets allow gives a major PSI.
    const moved = Array.from(sample([[0, 50], [1, 50], [2, 100], [3, 300], [4, 500]]));
    const m = distributionOf(production({x: moved}), stats([{feature: "x", sd: 1.2}], {quantileProbs: probs, quantiles: new Map([["x", q]])})).features[0];
    expect(m.psi_min).toBeGreaterThanOrEqual(0.25);
    expect(m.psi_level).toBe("major");
  });
});

describe("the empty-share floor", () => {
  it("a feature whose empty bin decides its band is flagged as depending on the floor; one that does not is not", () => {
    // Training U(0, 1). Production: uniform, except that the 5% bin (0.9, 0.95] is empty and its rows fall in (0.8, 0.9].
    const spread = (n: number, lo: number, hi: number) => Array.from({length: n}, (_, i) => lo + ((i + 0.5) / n) * (hi - lo));
    const x = [...spread(800, 0, 0.8), ...spread(150, 0.8, 0.9), ...spread(50, 0.95, 1)];
    const t = distributionOf(production({x}), stats([{feature: "x", sd: 0.29}], {quantileProbs: probs, quantiles: new Map([["x", probs]])}));
    const f = t.features[0];
    // The empty bin's term is (0.05 − ε)·ln(0.05 / ε): 0.19 at ε = 1e-3, 0.31 at 1e-4, 0.43 at 1e-5.
    const moved = 0.05 * Math.log(1.5);
    const at = (e: number) => (0.05 - e) * Math.log(0.05 / e) + moved;
    expect(f.psi).toBeCloseTo(at(1e-4), 12);
    expect(f.floor_checks?.map((c) => [c.epsilon, c.psi_level])).toEqual([
      [1e-3, "moderate"],
      [1e-5, "major"],
    ]);
    expect(f.floor_checks?.[0].psi).toBeCloseTo(at(1e-3), 12);
    expect(f.floor_checks?.[1].psi).toBeCloseTo(at(1e-5), 12);
    expect(f.psi_level).toBe("major");
    expect(f.floor_dependent).toBe(true);
    expect(t.floor_dependent).toEqual(["x"]);

    // Production as training: no empty bin, no dependence.
    const same = distributionOf(production({x: spread(1000, 0, 1)}), stats([{feature: "x", sd: 0.29}], {quantileProbs: probs, quantiles: new Map([["x", probs]])}));
    expect(same.features[0].floor_dependent).toBe(false);
  });
});
