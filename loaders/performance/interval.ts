import {config} from "../config.js";
import {addValue, emptyMoments, normalQuantile, sortedQuantile} from "../stats/index.js";

export type IntervalMethod = "bootstrap" | "normal";

/** A confidence interval for a group's RMSE, and how it was computed. */
export interface RmseInterval {
  low: number;
  high: number;
  method: IntervalMethod;
}

export interface IntervalSettings {
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** Bootstrap resamples. */
  resamples: number;
  seed: number;
  /** Above rows × resamples, the normal approximation replaces the bootstrap. */
  maxDraws: number;
}

/**
 * A confidence interval for the RMSE of a group, from its absolute errors (the
 * RMSE depends on them only through their squares). Percentile bootstrap: the
 * squared errors are resampled with replacement `resamples` times with a
 * generator seeded from the settings' seed and the group's `key`, so the same
 * inputs always give the same interval and one group's interval does not
 * depend on which other groups exist. For groups too large to resample cheaply,
 * a normal interval for the MSE (mean of squared errors ± z·SD/√n), square-rooted.
 * Null below two rows: one error says nothing about its spread.
 */
export function rmseInterval(absErrors: ArrayLike<number>, key: string, settings: IntervalSettings = config.performance.interval): RmseInterval | null {
  const n = absErrors.length;
  if (n < 2) return null;
  const squared = new Float64Array(n);
  for (let i = 0; i < n; ++i) squared[i] = absErrors[i] * absErrors[i];
  return n * settings.resamples > settings.maxDraws ? normalInterval(squared, settings.level) : bootstrapInterval(squared, settings, key);
}

function bootstrapInterval(squared: Float64Array, {level, resamples, seed}: IntervalSettings, key: string): RmseInterval {
  const n = squared.length;
  // d3.randomLcg's generator (same constants, same sequence: see the tests),
  // inlined because a closure call per draw makes resampling three times slower.
  let state = keySeed(key, seed) | 0;
  const rmse = new Float64Array(resamples);
  for (let b = 0; b < resamples; ++b) {
    let sum = 0;
    for (let i = 0; i < n; ++i) {
      state = (Math.imul(lcgMultiplier, state) + lcgIncrement) | 0;
      sum += squared[Math.floor((state >>> 0) * lcgScale * n)];
    }
    rmse[b] = Math.sqrt(sum / n);
  }
  rmse.sort();
  const alpha = (1 - level) / 2;
  return {low: sortedQuantile(rmse, alpha), high: sortedQuantile(rmse, 1 - alpha), method: "bootstrap"};
}

function normalInterval(squared: Float64Array, level: number): RmseInterval {
  const m = emptyMoments();
  for (const s of squared) addValue(m, s);
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(m.m2 / (m.n - 1) / m.n);
  return {low: Math.sqrt(Math.max(0, m.mean - half)), high: Math.sqrt(m.mean + half), method: "normal"};
}

const lcgMultiplier = 0x19660d;
const lcgIncrement = 0x3c6ef35f;
const lcgScale = 1 / 0x100000000;

/** The uniform [0, 1) draws the bootstrap makes from `seed` (d3.randomLcg's sequence). */
export function lcgDraws(seed: number, count: number): number[] {
  let state = seed | 0;
  return Array.from({length: count}, () => (state = (Math.imul(lcgMultiplier, state) + lcgIncrement) | 0, (state >>> 0) * lcgScale));
}

/** FNV-1a of the key mixed with the seed: a 32-bit integer seed per group. */
export function keySeed(key: string, seed: number): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < key.length; ++i) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // d3.randomLcg reads a seed in [0, 1) as a fraction: keep it an integer ≥ 1.
  return (h >>> 0) || 1;
}
