/**
 * Pairwise-complete co-moments of k features, as sums that merge by addition
 * (placeholder scalar implementation; the WebAssembly kernel replaces it).
 * Values are centred on a fixed shift and missing ones (NaN) zero-filled:
 * c = x − shift, or 0. Then Σ cᵢcⱼ counts exactly the rows where both are
 * present, and the per-pair sums of each side come from the totals minus what
 * the rows missing the other feature hold.
 */
export interface CoMoments {
  k: number;
  n: number;
  shift: Float64Array;
  /** Σ cᵢ over present rows. */
  sum: Float64Array;
  /** Present rows per feature. */
  present: Float64Array;
  /** [i·k + j], i ≤ j: Σ cᵢ·cⱼ (zero-filled). */
  cross: Float64Array;
  /** [j·k + i]: Σ over rows missing j of cᵢ. */
  missSum: Float64Array;
  /** [j·k + i]: Σ over rows missing j of cᵢ². */
  missSq: Float64Array;
  /** [i·k + j], i ≤ j: rows missing both. */
  bothMissing: Float64Array;
  /** Smallest and largest present value per feature (to tell a constant feature). */
  min: Float64Array;
  max: Float64Array;
}

export function emptyCoMoments(shift: ArrayLike<number>): CoMoments {
  const k = shift.length;
  return {
    k,
    n: 0,
    shift: Float64Array.from(shift),
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

export function addCoMoments(m: CoMoments, columns: readonly Float64Array[], rows: number): void {
  const k = m.k;
  const c = columns.map((column, j) => {
    const out = new Float64Array(rows);
    const shift = m.shift[j];
    let sum = 0;
    let present = 0;
    let min = m.min[j];
    let max = m.max[j];
    for (let r = 0; r < rows; ++r) {
      const x = column[r];
      if (x === x) {
        const v = x - shift;
        out[r] = v;
        sum += v;
        ++present;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
    m.sum[j] += sum;
    m.present[j] += present;
    m.min[j] = min;
    m.max[j] = max;
    return out;
  });
  for (let i = 0; i < k; ++i) {
    const ci = c[i];
    for (let j = i; j < k; ++j) {
      const cj = c[j];
      let s = 0;
      for (let r = 0; r < rows; ++r) s += ci[r] * cj[r];
      m.cross[i * k + j] += s;
    }
  }
  const missing: number[] = [];
  for (let r = 0; r < rows; ++r) {
    missing.length = 0;
    for (let j = 0; j < k; ++j) if (columns[j][r] !== columns[j][r]) missing.push(j);
    for (const j of missing) {
      for (let i = 0; i < k; ++i) {
        const v = c[i][r];
        m.missSum[j * k + i] += v;
        m.missSq[j * k + i] += v * v;
      }
      for (const l of missing) if (l >= j) ++m.bothMissing[j * k + l];
    }
  }
  m.n += rows;
}

export function mergeCoMoments(a: CoMoments, b: CoMoments): CoMoments {
  const add = (x: Float64Array, y: Float64Array) => x.map((v, i) => v + y[i]);
  return {
    k: a.k,
    n: a.n + b.n,
    shift: a.shift,
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

/** Pearson's r of features i and j over the rows where both are present; null below three such rows or when either side is constant there. */
export function pairCorrelation(m: CoMoments, i: number, j: number): {r: number | null; n: number} {
  const k = m.k;
  const [a, b] = i <= j ? [i, j] : [j, i];
  const n = m.n - (m.n - m.present[a]) - (m.n - m.present[b]) + m.bothMissing[a * k + b];
  if (n < 3) return {r: null, n};
  const sx = m.sum[a] - m.missSum[b * k + a];
  const sy = m.sum[b] - m.missSum[a * k + b];
  const sxx = m.cross[a * k + a] - m.missSq[b * k + a];
  const syy = m.cross[b * k + b] - m.missSq[a * k + b];
  const sxy = m.cross[a * k + b];
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (m.min[a] === m.max[a] || m.min[b] === m.max[b] || !(vx > 1e-12 * sxx) || !(vy > 1e-12 * syy)) return {r: null, n};
  const r = (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
  return {r: Math.max(-1, Math.min(1, r)), n};
}
