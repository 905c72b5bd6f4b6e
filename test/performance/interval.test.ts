import {randomLcg, randomNormal} from "d3";
import {describe, expect, it} from "vitest";
import {keySeed, lcgDraws, rmseInterval, type IntervalSettings} from "../../loaders/performance/interval.js";
import {normalQuantile} from "../../loaders/stats/normal.js";
import {config} from "../../loaders/config.js";

const settings: IntervalSettings = {level: 0.95, resamples: 1000, seed: 7, maxDraws: 1e9};

function normalErrors(n: number, sigma: number, seed: number): number[] {
  const draw = randomNormal.source(randomLcg(seed))(0, sigma);
  return Array.from({length: n}, () => Math.abs(draw()));
}

describe("normalQuantile", () => {
  it("matches the standard normal quantiles", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-8);
    expect(Math.abs(normalQuantile(0.01) + 2.326347874040841)).toBeLessThan(1e-8);
    expect(Math.abs(normalQuantile(0.9995) - 3.290526731491926)).toBeLessThan(1e-8);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 12);
    expect(() => normalQuantile(1)).toThrow();
  });
});

describe("rmseInterval", () => {
  const errors = normalErrors(80, 10, 1);

  it("draws d3.randomLcg's sequence", () => {
    for (const seed of [1, 12345, keySeed("category:A", 7), 0xfffffff0]) {
      const d3 = randomLcg(seed);
      expect(lcgDraws(seed, 1000)).toEqual(Array.from({length: 1000}, () => d3()));
    }
  });

  it("is deterministic: same seed and key, same interval", () => {
    expect(rmseInterval(errors, "category:A", settings)).toEqual(rmseInterval(errors, "category:A", settings));
    expect(rmseInterval(errors, "category:A")).toEqual(rmseInterval(errors.slice(), "category:A"));
  });

  it("changes with the seed or the group's key", () => {
    const a = rmseInterval(errors, "category:A", settings)!;
    expect(rmseInterval(errors, "category:A", {...settings, seed: 8})!.low).not.toBe(a.low);
    expect(rmseInterval(errors, "category:B", settings)!.low).not.toBe(a.low);
    expect(keySeed("category:A", 7)).not.toBe(keySeed("brand:A", 7));
  });

  it("brackets the RMSE, by bootstrap", () => {
    const rmse = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    const i = rmseInterval(errors, "g", settings)!;
    expect(i.method).toBe("bootstrap");
    expect(i.low).toBeLessThan(rmse);
    expect(i.high).toBeGreaterThan(rmse);
  });

  it("is null below two rows and zero-width for identical errors", () => {
    expect(rmseInterval([], "g", settings)).toBeNull();
    expect(rmseInterval([3], "g", settings)).toBeNull();
    expect(rmseInterval([2, 2, 2], "g", settings)).toEqual({low: 2, high: 2, method: "bootstrap"});
  });

  it("covers the true RMSE about 95% of the time (normal errors, n = 60)", () => {
    // The population RMSE of N(0, σ) errors is σ.
    const trials = 300;
    let covered = 0;
    for (let t = 0; t < trials; ++t) {
      const i = rmseInterval(normalErrors(60, 10, 1000 + t), `trial:${t}`, settings)!;
      if (i.low <= 10 && 10 <= i.high) ++covered;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it("switches to the normal approximation above maxDraws, agreeing with the bootstrap on a large sample", () => {
    const big = normalErrors(5000, 10, 2);
    const capped = rmseInterval(big, "big", {...settings, resamples: 400, maxDraws: 1000})!;
    const boot = rmseInterval(big, "big", {...settings, resamples: 400})!;
    expect(capped.method).toBe("normal");
    expect(boot.method).toBe("bootstrap");
    expect(Math.abs(capped.low / boot.low - 1)).toBeLessThan(0.01);
    expect(Math.abs(capped.high / boot.high - 1)).toBeLessThan(0.01);
  });

  it("normal-approximation intervals also cover about 95% of the time", () => {
    const trials = 300;
    let covered = 0;
    for (let t = 0; t < trials; ++t) {
      const i = rmseInterval(normalErrors(400, 10, 5000 + t), "g", {...settings, maxDraws: 1})!;
      if (i.low <= 10 && 10 <= i.high) ++covered;
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it("keeps a million-row group fast with the configured settings", () => {
    const big = new Float64Array(1_000_000).fill(3);
    const start = performance.now();
    const i = rmseInterval(big, "million")!;
    expect(i.method).toBe("normal");
    expect(performance.now() - start).toBeLessThan(500);
    expect(config.performance.interval.maxDraws / config.performance.interval.resamples).toBeLessThan(1_000_000);
  });
});
