import {describe, expect, it} from "vitest";
import {referenceInputs} from "../builders/csv-parse-reference.js";
import {addCoMoments, type CoMoments, emptyCoMoments, mergeCoMoments, pairCorrelation, pairwiseCorrelation, zeroVariance} from "../../loaders/stats/index.js";
import {seedData} from "../builders/helpers.js";
import {mulberry32} from "../builders/random.js";

/**
 * How close r is: |Δr| / max(|r|, 0.01). Relative where |r| >= 0.01; below
 * that, absolute against 0.01 (so a bound of 1e-12 is 1e-14 absolute), since
 * near r = 0 the rounding of the covariance (about u·√(Sxx·Syy)·(a small
 * factor)) is what is left, and a relative measure of it grows without bound.
 */
const near0 = 0.01;
const gap = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), near0);

/** A standard normal from two uniforms (Box–Muller). */
function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** k columns of `rows` rows: value(j, r, z) with z a latent factor per row shared by all columns (so that r spans -1..1); NaN where missing(j, r). */
function columns(rows: number, k: number, seed: number, value: (j: number, r: number, z: number, rnd: () => number) => number, missing: (j: number, r: number, rnd: () => number) => boolean): Float64Array[] {
  const rnd = mulberry32(seed);
  const z = Float64Array.from({length: rows}, () => normal(rnd));
  return Array.from({length: k}, (_, j) => Float64Array.from({length: rows}, (_, r) => (missing(j, r, rnd) ? NaN : value(j, r, z[r], rnd))));
}

/** The training mean stand-in: the column's mean, offset by `offset` of its sd (a drifted production mean). */
function shiftOf(cols: readonly Float64Array[], offset = 0.05): number[] {
  return cols.map((c) => {
    const v = [...c].filter((x) => x === x);
    if (v.length === 0) return 0;
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
    return mean + offset * sd;
  });
}

function accumulate(cols: readonly Float64Array[], shift: readonly number[], batches: readonly number[] = [cols[0].length], engine: "auto" | "scalar" = "auto"): CoMoments {
  const m = emptyCoMoments(shift);
  let at = 0;
  for (const size of batches) {
    addCoMoments(
      m,
      cols.map((c) => c.subarray(at, at + size)),
      size,
      engine,
    );
    at += size;
  }
  return m;
}

/** Batch sizes adding up to rows, drawn between 1 and 9,000. */
function randomBatches(rows: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const sizes: number[] = [];
  for (let left = rows; left > 0; ) {
    const s = Math.min(left, 1 + Math.floor(rnd() * 9000));
    sizes.push(s);
    left -= s;
  }
  return sizes;
}

interface Agreement {
  pairs: number;
  nulls: number;
  /** max |Δr|/max(|r|, 0.01) */
  maxGap: number;
  /** max |Δr|/|r| over |r| >= 0.01 */
  maxRelative: number;
  /** max |Δr| over |r| < 0.01 */
  maxAbsoluteNear0: number;
  problems: string[];
}

/** Every pair against the two-pass reference: same n, same nulls, r within the gap. */
function againstReference(m: CoMoments, cols: readonly Float64Array[]): Agreement {
  const out: Agreement = {pairs: 0, nulls: 0, maxGap: 0, maxRelative: 0, maxAbsoluteNear0: 0, problems: []};
  for (let i = 0; i < cols.length; ++i) {
    for (let j = i + 1; j < cols.length; ++j) {
      const ref = pairwiseCorrelation(cols[i], cols[j]);
      const got = pairCorrelation(m, i, j);
      const back = pairCorrelation(m, j, i);
      ++out.pairs;
      if (got.n !== ref.n) out.problems.push(`(${i}, ${j}): n ${got.n}, reference ${ref.n}`);
      if (!Object.is(back.r, got.r) || back.n !== got.n) out.problems.push(`(${i}, ${j}): not symmetric`);
      if (ref.r === null || got.r === null) {
        ++out.nulls;
        if (ref.r !== got.r) out.problems.push(`(${i}, ${j}): r ${got.r}, reference ${ref.r}`);
        continue;
      }
      const d = Math.abs(got.r - ref.r);
      out.maxGap = Math.max(out.maxGap, gap(got.r, ref.r));
      if (Math.abs(ref.r) >= near0) out.maxRelative = Math.max(out.maxRelative, d / Math.abs(ref.r));
      else out.maxAbsoluteNear0 = Math.max(out.maxAbsoluteNear0, d);
    }
  }
  return out;
}

/** Two accumulators' r and n on every pair: same n, same nulls, and the largest gap. */
function betweenAccumulators(a: CoMoments, b: CoMoments): {maxGap: number; problems: string[]} {
  let maxGap = 0;
  const problems: string[] = [];
  for (let i = 0; i < a.k; ++i) {
    for (let j = i + 1; j < a.k; ++j) {
      const x = pairCorrelation(a, i, j);
      const y = pairCorrelation(b, i, j);
      if (x.n !== y.n) problems.push(`(${i}, ${j}): n ${x.n} vs ${y.n}`);
      if (x.r === null || y.r === null) {
        if (x.r !== y.r) problems.push(`(${i}, ${j}): r ${x.r} vs ${y.r}`);
      } else maxGap = Math.max(maxGap, gap(x.r, y.r));
    }
  }
  return {maxGap, problems};
}

const report = (label: string, a: Agreement): void => {
  console.log(`${label}: ${a.pairs} pairs (${a.nulls} null), max |Δr|/|r| (|r| >= 0.01) ${a.maxRelative.toExponential(2)}, max |Δr| (|r| < 0.01) ${a.maxAbsoluteNear0.toExponential(2)}`);
};

// Loadings from -1 to 1, so that the pairs' r spread over the whole range (a few are near 0).
const loading = (j: number, k: number): number => -1 + (2 * j) / (k - 1);

const datasets = {
  independent: () =>
    columns(30_000, 24, 1, (j, _r, z, rnd) => loading(j, 24) * z + 0.6 * normal(rnd), (_j, _r, rnd) => rnd() < 0.12),
  clustered: () =>
    columns(
      30_000,
      16,
      2,
      (j, _r, z, rnd) => 3 + loading(j, 16) * z + 0.5 * normal(rnd),
      // 0: whole batches of 8,192 rows missing; 1: runs of 1,000; 2: missing on 70% of rows (listed by its present rows);
      // 3: present on 2 rows only; 4: missing everywhere; 5: missing on the second 15,000 rows; others: 12% at random.
      (j, r, rnd) =>
        j === 0 ? Math.floor(r / 8192) % 2 === 1 : j === 1 ? Math.floor(r / 1000) % 3 === 0 : j === 2 ? rnd() < 0.7 : j === 3 ? r !== 5 && r !== 20_000 : j === 4 ? true : j === 5 ? r >= 15_000 : rnd() < 0.12,
    ),
  largeMeans: () =>
    columns(20_000, 12, 3, (j, _r, z, rnd) => 7000 + j + 50 * (0.8 * loading(j, 12) * z + 0.6 * normal(rnd)), (_j, _r, rnd) => rnd() < 0.12),
  skewed: () =>
    columns(
      20_000,
      12,
      4,
      // log-normal (sd 1.5 on the log scale), exponential and squared normals
      (j, _r, z, rnd) => (j % 3 === 0 ? Math.exp(1.5 * (loading(j, 12) * z + 0.5 * normal(rnd))) : j % 3 === 1 ? -Math.log(1 - rnd()) * (1 + Math.abs(z)) : (z + normal(rnd)) ** 2),
      (_j, _r, rnd) => rnd() < 0.12,
    ),
};

describe("pairCorrelation against the two-pass pairwiseCorrelation", () => {
  for (const [name, make] of Object.entries(datasets)) {
    it(`agrees on ${name} data with missing values, to 1e-12 of max(|r|, 0.01)`, () => {
      const cols = make();
      const m = accumulate(cols, shiftOf(cols), randomBatches(cols[0].length, 10));
      const a = againstReference(m, cols);
      report(name, a);
      expect(a.problems).toEqual([]);
      expect(a.maxGap).toBeLessThan(1e-12);
    });
  }

  it("covers the nulls of the clustered set: fewer than three rows, missing everywhere", () => {
    const cols = datasets.clustered();
    const m = accumulate(cols, shiftOf(cols));
    expect(pairCorrelation(m, 3, 6)).toEqual({r: null, n: 2});
    expect(pairCorrelation(m, 4, 6)).toEqual({r: null, n: 0});
    // 0 is present on rows [0, 8192) and [16384, 24576), 5 on [0, 15000): they pair up on the first block only.
    expect(pairCorrelation(m, 0, 5).n).toBe(8192);
  });

  it("agrees on the seed data, all 2,775 pairs of its 75 features", async () => {
    const inputs = await referenceInputs(seedData);
    const {x, features} = inputs.production;
    const mean = new Map(inputs.stats.features.map((f) => [f.feature, f.mean]));
    const m = emptyCoMoments(features.map((f) => mean.get(f) ?? 0));
    addCoMoments(m, x, inputs.production.rows);
    const a = againstReference(m, x);
    report("seed data", a);
    expect(a.pairs).toBe(2775);
    expect(a.problems).toEqual([]);
    expect(a.maxGap).toBeLessThan(1e-12);
  });
});

describe("batching and merging", () => {
  for (const name of ["independent", "clustered"] as const) {
    it(`give the same n and r within 1e-13 of max(|r|, 0.01) on ${name} data: one call, many batches, merged halves`, () => {
      const cols = datasets[name]();
      const rows = cols[0].length;
      const shift = shiftOf(cols);
      const one = accumulate(cols, shift);
      const many = accumulate(cols, shift, randomBatches(rows, 11));
      const half = 13_001;
      const merged = mergeCoMoments(
        accumulate(
          cols.map((c) => c.subarray(0, half)),
          shift,
        ),
        accumulate(
          cols.map((c) => c.subarray(half)),
          shift,
          randomBatches(rows - half, 12),
        ),
      );
      for (const other of [many, merged]) {
        const b = betweenAccumulators(one, other);
        console.log(`${name}: batching/merging max gap ${b.maxGap.toExponential(2)}`);
        expect(b.problems).toEqual([]);
        expect(b.maxGap).toBeLessThan(1e-13);
        // The counts and extremes are exact.
        for (const f of ["present", "bothMissing", "min", "max"] as const) expect(other[f]).toEqual(one[f]);
        expect(other.n).toBe(one.n);
      }
    });
  }

  it("merges accumulators of row subsets (not contiguous) into the whole, in any order", () => {
    const cols = datasets.independent();
    const rows = cols[0].length;
    const shift = shiftOf(cols);
    // Rows split by r mod 3, each part built from its own rows.
    const parts = [0, 1, 2].map((p) => {
      const idx = Array.from({length: rows}, (_, r) => r).filter((r) => r % 3 === p);
      return accumulate(
        cols.map((c) => Float64Array.from(idx, (r) => c[r])),
        shift,
        randomBatches(idx.length, 20 + p),
      );
    });
    const whole = accumulate(cols, shift);
    const left = mergeCoMoments(mergeCoMoments(parts[0], parts[1]), parts[2]);
    const right = mergeCoMoments(parts[2], mergeCoMoments(parts[1], parts[0]));
    for (const m of [left, right]) {
      const b = betweenAccumulators(whole, m);
      expect(b.problems).toEqual([]);
      expect(b.maxGap).toBeLessThan(1e-13);
      expect(m.n).toBe(rows);
      expect(m.bothMissing).toEqual(whole.bothMissing);
    }
    // a + b is b + a, bit for bit
    expect(mergeCoMoments(parts[0], parts[1])).toEqual(mergeCoMoments(parts[1], parts[0]));
  });

  it("is deterministic: the same batches give the same bits", () => {
    const cols = datasets.clustered();
    const shift = shiftOf(cols);
    const batches = randomBatches(cols[0].length, 13);
    expect(accumulate(cols, shift, batches)).toEqual(accumulate(cols, shift, batches));
  });
});

describe("the WebAssembly kernel and its plain-JS twin", () => {
  // Row counts around the block (8,192), chunk (512) and lane (2) edges; feature counts around the 2x4 blocks, the 8-column pair blocks and the 64-bit masks.
  const shapes: [number, number][] = [[1, 1], [2, 3], [3, 2], [7, 5], [513, 8], [8191, 9], [8192, 4], [8193, 65], [20_001, 13], [9000, 75]];
  for (const [rows, k] of shapes) {
    it(`give the same bits, ${rows} rows x ${k} features`, () => {
      const cols = columns(
        rows,
        k,
        rows + k,
        (j, _r, z, rnd) => 100 * j + loading(j, Math.max(k, 2)) * z + normal(rnd),
        // feature 1: missing on most rows (mode 1); 2: missing on the second block only; others 12%
        (j, r, rnd) => (j === 1 ? rnd() < 0.8 : j === 2 ? r >= 8192 && r < 16384 : rnd() < 0.12),
      );
      const shift = shiftOf(cols);
      const batches = randomBatches(rows, rows);
      expect(accumulate(cols, shift, batches, "auto")).toEqual(accumulate(cols, shift, batches, "scalar"));
    });
  }
});

/** r over the complete rows with compensated (Neumaier) sums around a mean refined once: a reference more accurate than the two-pass code. */
function compensatedCorrelation(x: Float64Array, y: Float64Array): number {
  const sum = (f: (r: number) => number, rows: readonly number[]): number => {
    let s = 0;
    let c = 0;
    for (const r of rows) {
      const v = f(r);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
    return s + c;
  };
  const rows = [...x.keys()].filter((r) => x[r] === x[r] && y[r] === y[r]);
  const mean = (v: Float64Array): number => {
    const m = sum((r) => v[r], rows) / rows.length;
    return m + sum((r) => v[r] - m, rows) / rows.length;
  };
  const mx = mean(x);
  const my = mean(y);
  return sum((r) => (x[r] - mx) * (y[r] - my), rows) / Math.sqrt(sum((r) => (x[r] - mx) ** 2, rows) * sum((r) => (y[r] - my) ** 2, rows));
}

/** vx / scale of the zeroVariance rule for the pair (i, j), as pairCorrelation computes it. */
function varianceRatio(m: CoMoments, i: number, j: number): number {
  const {k} = m;
  const n = m.n - (m.n - m.present[i]) - (m.n - m.present[j]) + m.bothMissing[Math.min(i, j) * k + Math.max(i, j)];
  const q = m.cross[i * k + i];
  const sx = m.sum[i] - m.missSum[j * k + i];
  const v = q - m.missSq[j * k + i] - (sx * sx) / n;
  return v / (q + m.missSq[j * k + i] + (4 * Math.abs(sx) * Math.sqrt(m.present[i] * q)) / n);
}

describe("constant features", () => {
  it("are null when one value repeats on every present row, whatever the shift (min = max)", () => {
    const rows = 20_000;
    for (const value of [0.1, 1 / 3, 7000.7, -2.5e5]) {
      const cols = columns(rows, 3, 5, (j, _r, z, rnd) => (j === 0 ? value : z + normal(rnd)), (_j, _r, rnd) => rnd() < 0.12);
      for (const shift of [[value, 0, 0], [value + 0.37, 0, 0], [0, 0, 0]]) {
        const m = accumulate(cols, shift, randomBatches(rows, 7));
        expect(pairCorrelation(m, 0, 1).r).toBeNull();
        expect(pairCorrelation(m, 2, 0).r).toBeNull();
        expect(pairCorrelation(m, 1, 2).r).not.toBeNull();
      }
      // The two-pass reference is not always null here: its mean of 0.1 repeated is not exactly 0.1, so it divides rounding noise by rounding noise.
      const ref = pairwiseCorrelation(cols[0], cols[1]).r;
      expect(ref === null || Math.abs(ref) < 1e-14).toBe(true);
    }
  });

  it("are null when constant only on the pair's complete rows, with their residue far below the tolerance", () => {
    let worst = 0;
    for (const [s, value] of [0.1, 1 / 3, 7000.7, -2.5e5].entries()) {
      for (const rows of [5000, 100_000]) {
        // x is `value` wherever y is present, and spread out (by 1 or by 1,000) where y is missing (30% of rows).
        const rnd = mulberry32(40 + s);
        const yMissing = Array.from({length: rows}, () => rnd() < 0.3);
        for (const spread of [1, 1000]) {
          const x = Float64Array.from(yMissing, (miss) => (miss ? value + spread * normal(rnd) : value));
          const y = Float64Array.from(yMissing, (miss) => (miss ? NaN : normal(rnd)));
          const z = Float64Array.from({length: rows}, () => (rnd() < 0.1 ? NaN : normal(rnd)));
          const cols = [x, y, z];
          const m = accumulate(cols, shiftOf(cols), randomBatches(rows, 8));
          expect(pairCorrelation(m, 0, 1).r).toBeNull();
          expect(pairCorrelation(m, 1, 0).r).toBeNull();
          expect(pairCorrelation(m, 0, 2).r).not.toBeNull();
          worst = Math.max(worst, Math.abs(varianceRatio(m, 0, 1)));
        }
      }
    }
    console.log(`constant on complete rows: largest |residue| / scale ${worst.toExponential(2)} (tolerance ${zeroVariance})`);
    expect(worst).toBeLessThan(zeroVariance / 100);
  });

  it("keep a near-constant feature whose spread the shift resolves, and agree on it with a compensated reference", () => {
    const rows = 20_000;
    // 0.1 plus a spread of 1e-9; and 0.1 on 99% of rows with 1% at 0.1 + 1e-6
    const cols = columns(
      rows,
      4,
      6,
      (j, r, z, rnd) => (j === 0 ? 0.1 + 1e-9 * (z + normal(rnd)) : j === 1 ? (r % 100 === 0 ? 0.1 + 1e-6 : 0.1) : z + normal(rnd)),
      (_j, _r, rnd) => rnd() < 0.12,
    );
    const m = accumulate(cols, shiftOf(cols, 0), randomBatches(rows, 9));
    let ours = 0;
    let twoPass = 0;
    for (let i = 0; i < 4; ++i) {
      for (let j = i + 1; j < 4; ++j) {
        const exact = compensatedCorrelation(cols[i], cols[j]);
        ours = Math.max(ours, gap(pairCorrelation(m, i, j).r!, exact));
        twoPass = Math.max(twoPass, gap(pairwiseCorrelation(cols[i], cols[j]).r!, exact));
      }
    }
    // Here the two-pass code is the less accurate (about 4e-12: its mean of values near 0.1 is off by an ulp or so, a large error next to a spread of 1e-9).
    console.log(`near-constant: max gap to a compensated reference ${ours.toExponential(2)}; the two-pass code's ${twoPass.toExponential(2)}`);
    expect(ours).toBeLessThan(1e-13);
    expect(twoPass).toBeLessThan(1e-10);
  });

  it("turn into null what a shift far from the data cannot resolve (values 0.1 + 1e-9·noise centred at 0)", () => {
    const cols = columns(5000, 2, 7, (j, _r, z, rnd) => (j === 0 ? 0.1 + 1e-9 * (z + normal(rnd)) : z + normal(rnd)), (_j, _r, rnd) => rnd() < 0.12);
    expect(pairCorrelation(accumulate(cols, [0, 0]), 0, 1).r).toBeNull();
    expect(pairCorrelation(accumulate(cols, shiftOf(cols)), 0, 1).r).not.toBeNull();
  });
});

describe("edge cases", () => {
  it("give null below three complete rows, and r = 1 with the present count on the diagonal", () => {
    const m = emptyCoMoments([0, 0]);
    expect(pairCorrelation(m, 0, 1)).toEqual({r: null, n: 0});
    addCoMoments(m, [Float64Array.of(1, 2, NaN, 4), Float64Array.of(2, 4, 7, NaN)], 4);
    expect(pairCorrelation(m, 0, 1)).toEqual({r: null, n: 2});
    addCoMoments(m, [Float64Array.of(5), Float64Array.of(9)], 1);
    expect(pairCorrelation(m, 0, 1).n).toBe(3);
    expect(pairCorrelation(m, 0, 1).r).toBeCloseTo(pairwiseCorrelation([1, 2, NaN, 4, 5], [2, 4, 7, NaN, 9]).r!, 14);
    expect(pairCorrelation(m, 0, 0)).toEqual({r: 1, n: 4});
    expect(pairCorrelation(m, 1, 1)).toEqual({r: 1, n: 4});
  });

  it("take zero rows, and rows past `rows` are ignored", () => {
    const m = emptyCoMoments([0]);
    addCoMoments(m, [Float64Array.of(1, 2, 3)], 0);
    expect(m).toEqual(emptyCoMoments([0]));
    addCoMoments(m, [Float64Array.of(1, 2, 3, 99)], 3);
    expect(m.n).toBe(3);
    expect(m.max[0]).toBe(3);
  });

  it("refuse mismatched inputs", () => {
    const m = emptyCoMoments([0, 0]);
    expect(() => addCoMoments(m, [new Float64Array(3)], 3)).toThrow(/1 columns for 2 features/);
    expect(() => addCoMoments(m, [new Float64Array(3), new Float64Array(2)], 3)).toThrow(/column 1 has 2 of 3 rows/);
    expect(() => mergeCoMoments(m, emptyCoMoments([0, 1]))).toThrow(/different shifts/);
    expect(() => mergeCoMoments(m, emptyCoMoments([0]))).toThrow(/merging 2 features with 1/);
    expect(() => pairCorrelation(m, 0, 2)).toThrow(/no pair/);
    expect(() => emptyCoMoments([NaN])).toThrow(/not a finite number/);
  });
});
