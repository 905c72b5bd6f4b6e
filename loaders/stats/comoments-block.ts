/**
 * One block's partial co-moments (at most `blockRows` rows), computed either
 * by the WebAssembly kernel (comoments.wat) or by its plain-JS twin below, in
 * the same reduction order, so the two give the same bits (test/stats checks
 * it). comoments.ts folds a block into an accumulator with `foldBlock`.
 */
import {comomentsWasm} from "./comoments-wasm.js";

/** Rows per block: the kernel's columns hold 8,192 rows (comoments.wat). */
export const blockRows = 8192;
/** Rows per chunk of the cross products (the reduction order depends on it; see comoments.wat). */
const chunkRows = 512;
/** Rows per chunk of the corrections (speed only: their order does not depend on it). */
const correctionRows = 256;

/**
 * A block's sums, as views with strides: `cross[i*crossStride + j]` (i <= j)
 * = Σ c_i c_j; `listSum[j*listStride + i]`, `listSq[…]` = Σ c_i, Σ c_i² over
 * j's row list (read only where `listLength[j] > 0`); `mode[j]` says what the
 * list holds (0: the rows where j is missing; 1: the rows where j is
 * present, more than half being missing; 2: j is missing on every row, the
 * list is empty); `pairs[a*k + b]` (a <= b) counts the rows where both are
 * missing.
 */
export interface BlockSums {
  rows: number;
  sum: Float64Array;
  present: Float64Array;
  min: Float64Array;
  max: Float64Array;
  cross: Float64Array;
  crossStride: number;
  listSum: Float64Array;
  listSq: Float64Array;
  listStride: number;
  listLength: Int32Array;
  mode: Int32Array;
  pairs: Int32Array;
}

/** The kernel's exports (comoments.wat documents each). */
interface KernelExports {
  memory: WebAssembly.Memory;
  prepare(cols: number, k: number, rows: number, shift: number, stats: number, lists: number, meta: number, scratch: number, bits: number): void;
  cross(cols: number, kc: number, rows2: number, out: number, chunk: number): void;
  corrections(cols: number, p: number, k: number, kp8: number, rows: number, lists: number, meta: number, outS: number, outQ: number, cursors: number, chunk: number): void;
  missingPairs(k: number, words: number, bits: number, pairs: number, flags: number): void;
}

const columnBytes = 65600;
const listBytes = 32784;

/** Where each region of the kernel's memory starts for k features, and the views over it. */
interface Layout {
  k: number;
  kc: number;
  kp8: number;
  cols: number;
  pairBlock: number;
  lists: number;
  bits: number;
  flags: number;
  out: number;
  outS: number;
  outQ: number;
  pairs: number;
  cursors: number;
  stats: number;
  meta: number;
  shift: number;
  f64: Float64Array;
  i32: Int32Array;
  sums: BlockSums;
}

let kernel: KernelExports | null | undefined;
let layout: Layout | null = null;

/** The kernel, compiled once per thread; null where WebAssembly SIMD is missing (the JS twin runs instead). */
function loadKernel(): KernelExports | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  if (typeof WebAssembly === "object") {
    const bytes = Uint8Array.from(atob(comomentsWasm), (ch) => ch.charCodeAt(0));
    if (WebAssembly.validate(bytes)) kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as KernelExports;
  }
  return kernel;
}

/** Whether addCoMoments runs the WebAssembly kernel here (false: the plain-JS twin). */
export function kernelAvailable(): boolean {
  return loadKernel() !== null;
}

function layoutFor(ex: KernelExports, k: number): Layout {
  if (layout && layout.k === k && layout.f64.buffer === ex.memory.buffer) return layout;
  const kc = (k + 3) & ~3;
  const kp8 = (k + 7) & ~7;
  let end = 0;
  // Regions on 64-byte (cache line) boundaries.
  const region = (bytes: number): number => {
    const at = end;
    end += Math.ceil(bytes / 64) * 64;
    return at;
  };
  const cols = region(kp8 * columnBytes);
  const pairBlock = region(correctionRows * 64);
  const lists = region((k + 1) * listBytes);
  // One more bit set than features: missingPairs reads past the last one when k is odd.
  const bits = region((k + 1) * 1024);
  const flags = region(k * 4);
  const out = region(kc * kc * 8);
  const outS = region(k * kp8 * 8);
  const outQ = region(k * kp8 * 8);
  const pairs = region(k * k * 4);
  const cursors = region(k * 4);
  const stats = region(k * 32);
  const meta = region(k * 8);
  const shift = region(k * 8);
  const have = ex.memory.buffer.byteLength;
  if (end > have) ex.memory.grow(Math.ceil((end - have) / 65536));
  const f64 = new Float64Array(ex.memory.buffer);
  const i32 = new Int32Array(ex.memory.buffer);
  // Padding columns k..kp8 must be zero (the kernel never writes them); a previous, wider layout may have left values there.
  f64.fill(0, (cols + k * columnBytes) / 8, (cols + kp8 * columnBytes) / 8);
  const sums: BlockSums = {
    rows: 0,
    sum: new Float64Array(k),
    present: new Float64Array(k),
    min: new Float64Array(k),
    max: new Float64Array(k),
    cross: f64.subarray(out / 8, out / 8 + kc * kc),
    crossStride: kc,
    listSum: f64.subarray(outS / 8, outS / 8 + k * kp8),
    listSq: f64.subarray(outQ / 8, outQ / 8 + k * kp8),
    listStride: kp8,
    listLength: new Int32Array(k),
    mode: new Int32Array(k),
    pairs: i32.subarray(pairs / 4, pairs / 4 + k * k),
  };
  layout = {k, kc, kp8, cols, pairBlock, lists, bits, flags, out, outS, outQ, pairs, cursors, stats, meta, shift, f64, i32, sums};
  return layout;
}

/**
 * The block of rows [start, start + rows) (rows <= blockRows) through the
 * WebAssembly kernel. The returned views live in the kernel's memory and are
 * overwritten by the next block.
 */
export function kernelBlock(columns: readonly Float64Array[], shift: Float64Array, start: number, rows: number): BlockSums {
  const ex = loadKernel();
  if (!ex) throw new Error("the co-moment kernel needs WebAssembly SIMD");
  const k = shift.length;
  const L = layoutFor(ex, k);
  const {f64, i32, sums} = L;
  for (let j = 0; j < k; ++j) f64.set(columns[j].subarray(start, start + rows), (L.cols + j * columnBytes) / 8);
  f64.set(shift, L.shift / 8);
  const rows2 = (rows + 1) & ~1;
  ex.prepare(L.cols, k, rows, L.shift, L.stats, L.lists, L.meta, L.lists + k * listBytes, L.bits);
  sums.cross.fill(0);
  ex.cross(L.cols, L.kc, rows2, L.out, chunkRows);
  sums.listSum.fill(0);
  sums.listSq.fill(0);
  ex.corrections(L.cols, L.pairBlock, k, L.kp8, rows, L.lists, L.meta, L.outS, L.outQ, L.cursors, correctionRows);
  ex.missingPairs(k, Math.ceil(rows / 64), L.bits, L.pairs, L.flags);
  sums.rows = rows;
  for (let j = 0, s = L.stats / 8, t = L.meta / 4; j < k; ++j, s += 4, t += 2) {
    sums.sum[j] = f64[s];
    sums.present[j] = f64[s + 1];
    sums.min[j] = f64[s + 2];
    sums.max[j] = f64[s + 3];
    sums.listLength[j] = i32[t];
    sums.mode[j] = i32[t + 1];
  }
  return sums;
}

/**
 * The same block in plain JavaScript, in the kernel's reduction order: the
 * fallback where WebAssembly SIMD is missing, the reference the kernel is
 * tested against bit for bit, and the benchmark's baseline (its cross
 * products are a scalar loop blocked 2 columns x 2 columns, with the even
 * and odd rows in separate accumulators as the kernel's two lanes are).
 */
export function scalarBlock(columns: readonly Float64Array[], shift: ArrayLike<number>, start: number, rows: number): BlockSums {
  const k = shift.length;
  const c: Float64Array[] = [];
  const sum = new Float64Array(k);
  const present = new Float64Array(k);
  const min = new Float64Array(k);
  const max = new Float64Array(k);
  const listLength = new Int32Array(k);
  const mode = new Int32Array(k);
  const lists: Int32Array[] = [];
  for (let j = 0; j < k; ++j) {
    const x = columns[j];
    const K = shift[j];
    const cj = new Float64Array(rows);
    const missing = new Int32Array(rows);
    let missed = 0;
    let even = 0;
    let odd = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < rows; ++r) {
      const v = x[start + r];
      if (v === v) {
        const d = v - K;
        cj[r] = d;
        if (r & 1) odd += d;
        else even += d;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      } else missing[missed++] = r;
    }
    c.push(cj);
    sum[j] = even + odd;
    present[j] = rows - missed;
    min[j] = lo;
    max[j] = hi;
    mode[j] = present[j] === 0 ? 2 : 2 * missed > rows ? 1 : 0;
    let list = missing.subarray(0, missed);
    if (mode[j] === 1) {
      list = new Int32Array(rows - missed);
      for (let r = 0, t = 0, q = 0; r < rows; ++r) {
        if (q < missed && missing[q] === r) ++q;
        else list[t++] = r;
      }
    } else if (mode[j] === 2) list = list.subarray(0, 0);
    lists.push(list);
    listLength[j] = list.length;
  }
  const cross = new Float64Array(k * k);
  const zero = new Float64Array(rows);
  for (let r0 = 0; r0 < rows; r0 += chunkRows) {
    const r1 = Math.min(rows, r0 + chunkRows);
    for (let i = 0; i < k; i += 2) {
      const x0 = c[i];
      const x1 = i + 1 < k ? c[i + 1] : zero;
      for (let j = i; j < k; j += 2) {
        const y0 = c[j];
        const y1 = j + 1 < k ? c[j + 1] : zero;
        // e.. even rows, o.. odd rows: the kernel's lanes 0 and 1.
        let e00 = 0, e01 = 0, e10 = 0, e11 = 0, o00 = 0, o01 = 0, o10 = 0, o11 = 0;
        let r = r0;
        for (; r + 1 < r1; r += 2) {
          const a0 = x0[r], a1 = x1[r], b0 = y0[r], b1 = y1[r];
          const p0 = x0[r + 1], p1 = x1[r + 1], q0 = y0[r + 1], q1 = y1[r + 1];
          e00 += a0 * b0; e01 += a0 * b1; e10 += a1 * b0; e11 += a1 * b1;
          o00 += p0 * q0; o01 += p0 * q1; o10 += p1 * q0; o11 += p1 * q1;
        }
        if (r < r1) {
          const a0 = x0[r], a1 = x1[r], b0 = y0[r], b1 = y1[r];
          e00 += a0 * b0; e01 += a0 * b1; e10 += a1 * b0; e11 += a1 * b1;
        }
        cross[i * k + j] += e00 + o00;
        if (j + 1 < k) cross[i * k + j + 1] += e01 + o01;
        if (i + 1 < k) {
          if (j > i) cross[(i + 1) * k + j] += e10 + o10;
          if (j + 1 < k) cross[(i + 1) * k + j + 1] += e11 + o11;
        }
      }
    }
  }
  const listSum = new Float64Array(k * k);
  const listSq = new Float64Array(k * k);
  for (let j = 0; j < k; ++j) {
    const list = lists[j];
    if (list.length === 0) continue;
    for (let i = 0; i < k; ++i) {
      const ci = c[i];
      let s = 0;
      let q = 0;
      for (let t = 0; t < list.length; ++t) {
        const v = ci[list[t]];
        s += v;
        q += v * v;
      }
      listSum[j * k + i] = s;
      listSq[j * k + i] = q;
    }
  }
  const pairs = new Int32Array(k * k);
  const set = new Int32Array(k);
  for (let r = 0; r < rows; ++r) {
    let size = 0;
    for (let j = 0; j < k; ++j) if (c[j][r] === 0 && columns[j][start + r] !== columns[j][start + r]) set[size++] = j;
    for (let s = 0; s < size; ++s) for (let t = s, base = set[s] * k; t < size; ++t) ++pairs[base + set[t]];
  }
  return {rows, sum, present, min, max, cross, crossStride: k, listSum, listSq, listStride: k, listLength, mode, pairs};
}
