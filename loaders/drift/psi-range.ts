import {psiOfShares, quantileBins, type CdfBoundaries} from "./distribution.js";

/**
 * The range of PSI over every training distribution the quantiles allow.
 *
 * PSI's bins end at the distinct training quantile values v_1 … v_{L−1} (the
 * first bin also holds everything below, the last everything above), so the
 * training shares are e_i = T_i − T_{i−1} with T_0 = 0, T_L = 1 and T_i the
 * training CDF at v_i. At a continuous quantile T_i = p_k is known; at a point
 * mass the quantiles say only T_i ∈ [low_i, high_i] (distribution.ts), and the
 * brackets follow one another (high_{i−1} ≤ low_i), so every T in the box of
 * brackets is the CDF of a distribution with these quantiles and every such
 * distribution gives one: the feasible set is exactly that box. The
 * production shares are known. Setting each T_i nearest the production ECDF
 * (what `psi` reports) minimises the KS gap but not PSI, which weighs bins by
 * ratio: it is one point of the range, not a bound.
 *
 * PSI as computed, Σ (a − e)·ln(a / e) with both shares floored at ε, is a
 * function h(T) of the box. Its range is found exactly:
 *
 * - Maximum. Each term is constant for e ≤ ε and convex above, so along one
 *   coordinate h is convex between the breakpoints T_{i±1} ± ε and the
 *   bracket ends, and a maximum over the box sits where every T_i is a
 *   bracket end or ε from a neighbour: T_i = b_j + (i − j)·ε for some bracket
 *   end b_j. A dynamic programme over the chain of boundaries, on those
 *   candidates, finds the largest h exactly (the usual vertex of a convex
 *   function's maximum, with the floor's kinks added).
 * - Minimum. h is convex except where a floor acts on a non-empty production
 *   bin; its convex envelope Ȟ (each term's envelope: the tangent from the
 *   floor's constant to the curve) is below h. The smooth, strictly convex
 *   F = Σ (a − e)·ln(a / e) (a floored, e not) is minimised over the box by
 *   projected Newton steps; where its minimiser T* lies where each term of Ȟ
 *   equals h's (it does unless the box forces a share below the tangent
 *   point), T* is also a minimiser of Ȟ with Ȟ(T*) = h(T*), and as Ȟ ≤ h
 *   everywhere, h(T*) is the exact minimum. Otherwise the Frank–Wolfe bound
 *   Ȟ(T*) + min over the box of ∇Ȟ(T*)·(T − T*) ≤ min h is reported, a proven
 *   lower bound (`exact_min` false).
 */
export interface PsiRange {
  min: number;
  max: number;
  /** Whether the bracketed quantiles leave PSI any freedom (false for a continuous feature: min = max = its PSI). */
  free: boolean;
  /** Whether `min` is the attained minimum (true) or a proven lower bound of it. */
  exact_min: boolean;
}

export function psiRange(b: CdfBoundaries, epsilon: number): PsiRange {
  const {expected, actual} = quantileBins(b);
  const at = b.atValue.flatMap((v, i) => (v ? [i] : []));
  const last = at.length - 1;
  // Brackets of T_0 … T_L (the outer ones fixed at 0 and 1).
  const low = at.map((i, k) => (k === 0 ? 0 : k === last ? 1 : b.low[i]));
  const high = at.map((i, k) => (k === 0 ? 0 : k === last ? 1 : b.high[i]));
  const free = low.some((l, k) => l < high[k]);
  if (!free) {
    const value = psiOfShares(expected, actual, epsilon);
    return {min: value, max: value, free: false, exact_min: true};
  }
  const max = maximum(low, high, actual, epsilon);
  const {value: min, exact} = minimum(low, high, actual, epsilon);
  return {min, max, free: true, exact_min: exact};
}

/** Training shares of the bins from the CDF at their ends. */
function shares(t: readonly number[]): number[] {
  return t.slice(1).map((x, i) => x - t[i]);
}

/** One bin's PSI term as psiOfShares computes it. */
function term(e0: number, a0: number, epsilon: number): number {
  const e = Math.max(e0, epsilon);
  const a = Math.max(a0, epsilon);
  return (a - e) * Math.log(a / e);
}

function maximum(low: readonly number[], high: readonly number[], actual: readonly number[], epsilon: number): number {
  const n = low.length;
  const ends = low.flatMap((l, j) => [
    {b: l, j},
    {b: high[j], j},
  ]);
  const candidates = low.map((l, i) => {
    if (l === high[i]) return [l];
    const c = new Set<number>([l, high[i]]);
    for (const {b, j} of ends) {
      const x = b + (i - j) * epsilon;
      if (x > l && x < high[i]) c.add(x);
    }
    return [...c].sort((x, y) => x - y);
  });
  // best[i][c]: the largest sum of the first i terms with T_i at candidate c; from[i][c] the T_{i−1} behind it.
  let best = [0];
  const from: number[][] = [[]];
  for (let i = 1; i < n; ++i) {
    const prev = candidates[i - 1];
    const here = candidates[i];
    const next: number[] = [];
    const back: number[] = [];
    for (const c of here) {
      let top = -Infinity;
      let arg = 0;
      prev.forEach((p, k) => {
        if (p > c) return;
        const v = best[k] + term(c - p, actual[i - 1], epsilon);
        if (v > top) {
          top = v;
          arg = k;
        }
      });
      next.push(top);
      back.push(arg);
    }
    best = next;
    from.push(back);
  }
  // T_L = 1 has one candidate; walk back to the maximising CDF and price it as psiOfShares does.
  const t = new Array<number>(n);
  let k = 0;
  for (let i = n - 1; i >= 0; --i) {
    t[i] = candidates[i][k];
    if (i > 0) k = from[i][k];
  }
  return psiOfShares(shares(t), actual, epsilon);
}

/** f(e) = (a − e)·ln(a / e) and its first two derivatives, for a > 0 and e > 0. */
const f = (e: number, a: number) => (a - e) * Math.log(a / e);
const df = (e: number, a: number) => Math.log(e / a) - a / e + 1;
const d2f = (e: number, a: number) => 1 / e + a / (e * e);

/**
 * Where the convex envelope of a floored term leaves the curve: the e0 in
 * (ε, a) at which the tangent to f passes through (0, f(ε)), i.e.
 * f(e0) − e0·f′(e0) = f(ε); below e0 the envelope is that tangent. That
 * difference falls strictly on (ε, a) (its derivative is −e·f″ < 0), from
 * −ε·f′(ε) > 0 to −f(ε) < 0, so bisection finds the one root.
 */
function tangentPoint(a: number, epsilon: number): number {
  const target = f(epsilon, a);
  let lo = epsilon;
  let hi = a;
  for (let k = 0; k < 200; ++k) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid, a) - mid * df(mid, a) - target > 0) lo = mid;
    else hi = mid;
  }
  return hi;
}

function minimum(low: readonly number[], high: readonly number[], actual: readonly number[], epsilon: number): {value: number; exact: boolean} {
  const n = low.length;
  const a = actual.map((x) => Math.max(x, epsilon));
  const objective = (t: readonly number[]) => {
    let sum = 0;
    for (let i = 1; i < n; ++i) {
      const e = t[i] - t[i - 1];
      if (!(e > 0)) return Infinity;
      sum += f(e, a[i - 1]);
    }
    return sum;
  };
  const gradient = (t: readonly number[]) => {
    const d = shares(t).map((e, i) => df(e, a[i]));
    return t.map((_, i) => (i === 0 || i === n - 1 ? 0 : d[i - 1] - d[i]));
  };
  const isFree = low.map((l, i) => l < high[i]);
  // Start inside: bracket midpoints keep every share positive (brackets follow one another and p_k increase strictly).
  let t = low.map((l, i) => (l + high[i]) / 2);
  let value = objective(t);
  for (let iter = 0; iter < 200; ++iter) {
    const g = gradient(t);
    const bound = (i: number) => (t[i] <= low[i] && g[i] > 0) || (t[i] >= high[i] && g[i] < 0);
    const moving = t.map((_, i) => isFree[i] && !bound(i));
    if (moving.every((m, i) => !m || Math.abs(g[i]) < 1e-15)) break;
    const step = newtonStep(t, g, moving, a);
    let alpha = 1;
    let improved = false;
    for (let k = 0; k < 60; ++k, alpha /= 2) {
      const trial = t.map((x, i) => (moving[i] ? Math.min(high[i], Math.max(low[i], x + alpha * step[i])) : x));
      const v = objective(trial);
      if (v < value) {
        t = trial;
        value = v;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  const e = shares(t);
  // The envelope of each term, its value and slope at the minimiser, and whether it equals h's term there.
  let envelope = 0;
  let exact = true;
  const slope = e.map((x, i) => {
    if (a[i] <= epsilon) {
      // An empty production bin: the floored term is already convex (zero up to ε, f after, f′(ε) = 0).
      envelope += x <= epsilon ? 0 : f(x, a[i]);
      return x <= epsilon ? 0 : df(x, a[i]);
    }
    const e0 = tangentPoint(a[i], epsilon);
    if (x >= e0) {
      envelope += f(x, a[i]);
      return df(x, a[i]);
    }
    exact = false;
    const s = df(e0, a[i]);
    envelope += f(epsilon, a[i]) + s * x;
    return s;
  });
  if (exact) return {value: psiOfShares(e, actual, epsilon), exact};
  // ∇Ȟ with respect to T_i is slope_i − slope_{i+1}; the linear bound's minimum over the box is at bracket ends.
  let gap = 0;
  for (let i = 1; i < n - 1; ++i) {
    const g = slope[i - 1] - slope[i];
    gap += Math.min(g * (low[i] - t[i]), g * (high[i] - t[i]));
  }
  return {value: Math.max(0, envelope + gap), exact};
}

/** The Newton direction for the moving boundaries (the others held): H d = −g over them, H tridiagonal. */
function newtonStep(t: readonly number[], g: readonly number[], moving: readonly boolean[], a: readonly number[]): number[] {
  const n = t.length;
  const curv = shares(t).map((e, i) => d2f(e, a[i]));
  const idx = t.flatMap((_, i) => (moving[i] ? [i] : []));
  const m = idx.length;
  // Tridiagonal in the moving boundaries' order: coupled only where two moving boundaries are neighbours.
  const diag = idx.map((i) => curv[i - 1] + curv[i]);
  const off = idx.map((i, k) => (k + 1 < m && idx[k + 1] === i + 1 ? -curv[i] : 0));
  const rhs = idx.map((i) => -g[i]);
  // Thomas algorithm (H is positive definite: diagonally dominant with positive curvatures).
  for (let k = 1; k < m; ++k) {
    const w = off[k - 1] / diag[k - 1];
    diag[k] -= w * off[k - 1];
    rhs[k] -= w * rhs[k - 1];
  }
  const d = new Array<number>(m);
  for (let k = m - 1; k >= 0; --k) d[k] = (rhs[k] - (k + 1 < m ? off[k] * d[k + 1] : 0)) / diag[k];
  const out = new Array<number>(n).fill(0);
  idx.forEach((i, k) => (out[i] = d[k]));
  return out;
}
