/**
 * Streaming, mergeable co-moments of k features for the pairwise-complete
 * Pearson correlation of every pair: the drift page's production correlation
 * matrix over millions of rows, in batches, on several threads and files.
 *
 * Each value is centred by a fixed shift K_j chosen before the pass (the
 * training mean) and missing values (NaN) are zero-filled:
 * c_rj = x_rj − K_j, or 0 where x_rj is missing. Then, over all rows,
 * - cross[i*k+j] (i <= j) = Σ c_ri c_rj: the zero fill makes this a sum over
 *   the rows where both are present; cross[i*k+i] = Σ c_ri² over i's rows;
 * - sum[i] = Σ c_ri, present[i] = rows where i is present;
 * - missSum[j*k+i] = Σ c_ri, missSq[j*k+i] = Σ c_ri², over the rows where j
 *   is missing (zero when i = j);
 * - bothMissing[i*k+j] (i <= j) = rows where both are missing (i = j: where i
 *   is missing); n = rows; min[i], max[i] = extremes of i's present values.
 * Every field is a sum (min/max: an extreme), so accumulators built from any
 * split of the rows merge by addition. A pair's sums over its complete rows
 * are the totals less what j's (or i's) missing rows contributed; see
 * pairCorrelation.
 *
 * Why a shift and not raw sums: Σx² − (Σx)²/n loses as many digits as
 * (mean/sd)² has, e.g. 4 of 16 at 7,000 ± 50. Centred by K, it loses those
 * of ((mean − K)/sd)², nothing when K is near the mean. A production mean
 * that has drifted by a few training sds costs one digit or two; a shift far
 * from the data (say 0 for values near 7,000) costs the digits of the
 * uncentred formula, and the zero-variance rule below then turns what can no
 * longer be resolved into null rather than noise.
 *
 * Speed: the Σ c_i c_j products (k(k+1)/2 per row) are the work; they run in
 * a WebAssembly SIMD kernel (comoments.wat) over blocks of 8,192 rows, with
 * the missing-row corrections and both-missing counts beside it; see
 * comoments-block.ts. bench/comoments.ts times it.
 *
 * Determinism: within a block the reduction order is fixed (comoments.wat
 * documents it); blocks are the rows [0, 8192), [8192, 16384), … of each
 * addCoMoments call, added to the accumulator in that order; mergeCoMoments
 * adds element by element. So the same batches added and merged in the same
 * order give the same bits, on any machine (WebAssembly's f64 arithmetic is
 * IEEE-exact and the kernel uses no fused multiply-add), and so does the
 * plain-JS twin where WebAssembly SIMD is missing. Other batchings agree to
 * rounding (test/stats/comoments.test.ts: within 1e-13 on r).
 */
import {blockRows, type BlockSums, kernelAvailable, kernelBlock, scalarBlock} from "./comoments-block.js";

export {kernelAvailable};

export interface CoMoments {
  k: number;
  n: number;
  shift: Float64Array;
  sum: Float64Array;
  present: Float64Array;
  cross: Float64Array;
  missSum: Float64Array;
  missSq: Float64Array;
  bothMissing: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

export function emptyCoMoments(shift: ArrayLike<number>): CoMoments {
  const k = shift.length;
  const s = Float64Array.from(shift);
  for (let j = 0; j < k; ++j) if (!Number.isFinite(s[j])) throw new Error(`co-moments: shift ${j} is ${s[j]}, not a finite number`);
  return {
    k,
    n: 0,
    shift: s,
    sum: new Float64Array(k),
    present: new Float64Array(k),
    cross: new Float64Array(k * k),
    missSum: new Float64Array(k * k),
    missSq: new Float64Array(k * k),
    bothMissing: new Float64Array(k * k),
    min: new Float64Array(k).fill(Infinity),
    max: new Float64Array(k).fill(-Infinity),
  };
}

/**
 * Adds rows [0, rows) of the columns (column j = feature j; NaN = missing;
 * other values must be finite). `engine` is for tests and the benchmark:
 * "auto" runs the WebAssembly kernel where it can, "scalar" the plain-JS twin.
 */
export function addCoMoments(m: CoMoments, columns: readonly Float64Array[], rows: number, engine: "auto" | "scalar" = "auto"): void {
  if (columns.length !== m.k) throw new Error(`co-moments: ${columns.length} columns for ${m.k} features`);
  if (!(Number.isInteger(rows) && rows >= 0)) throw new Error(`co-moments: ${rows} rows`);
  for (let j = 0; j < m.k; ++j) if (columns[j].length < rows) throw new Error(`co-moments: column ${j} has ${columns[j].length} of ${rows} rows`);
  const wasm = engine === "auto" && kernelAvailable();
  for (let start = 0; start < rows; start += blockRows) {
    const len = Math.min(blockRows, rows - start);
    foldBlock(m, wasm ? kernelBlock(columns, m.shift, start, len) : scalarBlock(columns, m.shift, start, len));
  }
}

/** Adds one block's sums (comoments-block.ts) into the accumulator. */
function foldBlock(m: CoMoments, b: BlockSums): void {
  const {k} = m;
  const cs = b.crossStride;
  const ls = b.listStride;
  m.n += b.rows;
  for (let i = 0; i < k; ++i) {
    m.sum[i] += b.sum[i];
    m.present[i] += b.present[i];
    if (b.min[i] < m.min[i]) m.min[i] = b.min[i];
    if (b.max[i] > m.max[i]) m.max[i] = b.max[i];
    for (let j = i; j < k; ++j) m.cross[i * k + j] += b.cross[i * cs + j];
  }
  for (let j = 0; j < k; ++j) {
    const mode = b.mode[j];
    const listed = b.listLength[j] > 0;
    for (let i = 0; i < k; ++i) {
      // i = j stays zero: c_j is zero on j's missing rows (mode 1's difference would leave a rounding residue).
      if (i === j) continue;
      const s = listed ? b.listSum[j * ls + i] : 0;
      const q = listed ? b.listSq[j * ls + i] : 0;
      // Mode 0 listed j's missing rows; modes 1 and 2 its present rows (none for 2): the missing rows' share is the block's total less theirs.
      m.missSum[j * k + i] += mode === 0 ? s : b.sum[i] - s;
      m.missSq[j * k + i] += mode === 0 ? q : b.cross[i * cs + i] - q;
    }
  }
  for (let a = 0; a < k; ++a) for (let c = a; c < k; ++c) m.bothMissing[a * k + c] += b.pairs[a * k + c];
}

/** The sum of two accumulators of the same features and shift, element by element (a + b and b + a are the same bits). */
export function mergeCoMoments(a: CoMoments, b: CoMoments): CoMoments {
  if (a.k !== b.k) throw new Error(`co-moments: merging ${a.k} features with ${b.k}`);
  for (let j = 0; j < a.k; ++j) if (!Object.is(a.shift[j], b.shift[j])) throw new Error(`co-moments: merging different shifts for feature ${j}`);
  const add = (x: Float64Array, y: Float64Array): Float64Array => x.map((v, i) => v + y[i]);
  return {
    k: a.k,
    n: a.n + b.n,
    shift: Float64Array.from(a.shift),
    sum: add(a.sum, b.sum),
    present: add(a.present, b.present),
    cross: add(a.cross, b.cross),
    missSum: add(a.missSum, b.missSum),
    missSq: add(a.missSq, b.missSq),
    bothMissing: add(a.bothMissing, b.bothMissing),
    min: a.min.map((v, i) => Math.min(v, b.min[i])),
    max: a.max.map((v, i) => Math.max(v, b.max[i])),
  };
}

/**
 * The zero-variance tolerance, relative. A pair's variance of x over its
 * complete rows is Sxx − Sx²/n, each term built from sums over far more rows
 * (all of x's present rows, less j's missing ones). When x is constant on
 * those complete rows the true value is 0, but the computed one is a rounding
 * residue of the order of u·m·(the magnitudes that entered), u = 2^-53 and m
 * the effective length of the summations: within a block of 8,192 rows at
 * most 4,096 list entries (a list holds at most half the rows) or 256 terms
 * per lane and chunk of the cross products, then one term per block and per
 * merge. With those magnitudes bounded by
 *   scale = Σ_i-present c_i² + Σ_j-missing c_i² + 4·|Sx|·√(present_i·Σ c_i²)/n
 * (the last term bounds the error of Sx²/n through Cauchy–Schwarz), a
 * variance at or below `zeroVariance`·scale cannot be told from zero and the
 * pair is null. At 10 million rows (1,221 blocks) the worst-case bound is
 * about u·5,300 ≈ 6e-13, 17 times below 1e-11; the largest residue measured
 * in the tests is 2e-15 (test/stats/comoments.test.ts). A real variance at
 * the threshold would have its r resolved only to a few per cent in the
 * worst case, so little is lost by calling it zero.
 */
export const zeroVariance = 1e-11;

/**
 * Pearson r of features i and j over the rows where both are present, as
 * pairwiseCorrelation computes it in two passes; null when fewer than three
 * rows pair up or either side is constant on them. Constant is decided
 * exactly when the feature takes one value on all its present rows
 * (min = max), and by the zeroVariance rule otherwise (constant on this
 * pair's complete rows only).
 */
export function pairCorrelation(m: CoMoments, i: number, j: number): {r: number | null; n: number} {
  const {k} = m;
  if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < k && j < k)) throw new Error(`co-moments: no pair (${i}, ${j}) among ${k} features`);
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  const n = i === j ? m.present[i] : m.n - (m.n - m.present[i]) - (m.n - m.present[j]) + m.bothMissing[lo * k + hi];
  if (n < 3) return {r: null, n};
  if (m.min[i] === m.max[i] || m.min[j] === m.max[j]) return {r: null, n};
  const qx = m.cross[i * k + i];
  const qy = m.cross[j * k + j];
  const sx = m.sum[i] - m.missSum[j * k + i];
  const sy = m.sum[j] - m.missSum[i * k + j];
  const sxx = qx - m.missSq[j * k + i];
  const syy = qy - m.missSq[i * k + j];
  const sxy = m.cross[lo * k + hi];
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  const scaleX = qx + m.missSq[j * k + i] + (4 * Math.abs(sx) * Math.sqrt(m.present[i] * qx)) / n;
  const scaleY = qy + m.missSq[i * k + j] + (4 * Math.abs(sy) * Math.sqrt(m.present[j] * qy)) / n;
  if (!(vx > zeroVariance * scaleX && vy > zeroVariance * scaleY)) return {r: null, n};
  const cov = sxy - (sx * sy) / n;
  return {r: Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy))), n};
}
