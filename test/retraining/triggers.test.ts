import {describe, expect, it} from "vitest";
import {criticalFeatures} from "../../loaders/scoring/critical.js";
import type {DriftTable, FeatureDrift} from "../../loaders/drift/table.js";
import type {FeatureImportance} from "../../loaders/scoring/importance.js";
import {driftValue, nearZeroMean} from "../../loaders/retraining/drift-measure.js";
import {triggerFrequency} from "../../loaders/retraining/frequency.js";
import {currentTriggers} from "../../loaders/retraining/triggers.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {expectClose, seedData, truth} from "../builders/helpers.js";
import {days, run, syntheticInputs, type DaySpec} from "../builders/monitoring-inputs.js";

const importance = (rows: [string, number][]): FeatureImportance[] =>
  rows.map(([feature, imp], i) => ({feature, index: i, beta: imp, train_sd: 1, importance: imp, rank: i + 1}));

const featureDrift = (feature: string, mean: number | null, sd: number | null, trainMean = 10, trainSd = 2): FeatureDrift => ({
  feature,
  source: "database",
  unit: "",
  train_mean: trainMean,
  prod_mean: null,
  mean_shift_pct: mean,
  mean_shift_sd: null,
  train_sd: trainSd,
  prod_sd: null,
  sd_change_pct: sd,
  train_missing_rate: 0,
  prod_missing_rate: 0,
  prod_n: 100,
  severe: false,
});

const driftTable = (features: FeatureDrift[], newShare: number | null): DriftTable => ({
  features,
  severe_count: 0,
  overall_missing_rate: 0,
  train_overall_missing_rate: 0,
  new_categories: newShare ? [{segment: "Gadgets", n: 1, share: newShare}] : [],
  new_category_share: newShare,
  new_brands: [],
  new_brand_share: null,
});

describe("critical features", async () => {
  it("are the fewest most important features reaching the share", async () => {
    const imp = importance([["a", 50], ["b", 25], ["c", 15], ["d", 10]]);
    expect(criticalFeatures(imp, 0.8).features.map((f) => f.feature)).toEqual(["a", "b", "c"]);
    expect(criticalFeatures(imp, 0.8).share).toBeCloseTo(0.9, 12);
    expect(criticalFeatures(imp, 0.75).features.map((f) => f.feature)).toEqual(["a", "b"]);
    expect(criticalFeatures(imp, 0.5).features.map((f) => f.feature)).toEqual(["a"]);
    expect(criticalFeatures(importance([["a", 0]]), 0.8).features).toEqual([]);
  });
});

describe("drift as the trigger measures it", async () => {
  it("is the larger of |mean shift| and |SD change|", async () => {
    expect(driftValue(-12, 40, false)).toEqual({drift_pct: 40, measure: "SD change"});
    expect(driftValue(35, -20, false)).toEqual({drift_pct: 35, measure: "mean shift"});
    expect(driftValue(null, -20, false)).toEqual({drift_pct: 20, measure: "SD change"});
    expect(driftValue(null, null, false)).toEqual({drift_pct: null, measure: null});
  });

  it("ignores the mean shift of a near-zero-mean feature", async () => {
    expect(nearZeroMean(0.1, 1)).toBe(true);
    expect(nearZeroMean(10, 2)).toBe(false);
    expect(nearZeroMean(0, 5)).toBe(true);
    expect(driftValue(900, 10, true)).toEqual({drift_pct: 10, measure: "SD change"});
  });
});

describe("the triggers on the whole log", async () => {
  const critical = criticalFeatures(importance([["a", 60], ["b", 30], ["c", 10]]), 0.8);

  it("fire when past their lines, strictly", async () => {
    const t = currentTriggers(15.01, driftTable([featureDrift("a", 5, 31), featureDrift("b", 2, 2), featureDrift("c", 90, 90)], 0.11), critical);
    expect(t.triggers.map((x) => [x.id, x.value_pct, x.fired])).toEqual([
      ["rmse", 15.01, true],
      ["critical_drift", 31, true],
      ["new_categories", 11, true],
    ]);
    expect(t.triggers[1].subject).toBe("a, SD change");
    expect(t.fired).toEqual(["rmse", "critical_drift", "new_categories"]);
  });

  it("stay quiet at their lines, and a non-critical feature's drift does not count", async () => {
    const t = currentTriggers(15, driftTable([featureDrift("a", 30, -30), featureDrift("b", -10, 0), featureDrift("c", 90, 90)], 0.1), critical);
    expect(t.triggers.map((x) => x.fired)).toEqual([false, false, false]);
    expect(t.triggers[1].value_pct).toBe(30);
  });

  it("cannot judge new categories without training counts", async () => {
    const t = currentTriggers(0, driftTable([featureDrift("a", 0, 0), featureDrift("b", 0, 0)], null), critical);
    expect(t.triggers[2]).toMatchObject({value_pct: null, fired: null});
  });

  it("on the seed data: the figures R computed", async () => {
    const tables = (await reportTables(seedData, {cacheDir: freshCache()}));
    const r = tables.retraining;
    const rmse = r.current.triggers.find((t) => t.id === "rmse")!;
    expectClose(rmse.value_pct, truth.overall.rmse_increase_pct);
    const fresh = r.current.triggers.find((t) => t.id === "new_categories")!;
    expectClose(fresh.value_pct, truth.new_category_share * 100);
    // Critical drift from R's per-feature shifts, over the critical features.
    const names = new Set(r.critical.features.map((f) => f.feature));
    const expected = Math.max(...truth.drift.filter((d) => names.has(d.feature)).map((d) => Math.max(Math.abs(d.mean_shift_pct), Math.abs(d.sd_change_pct))));
    expectClose(r.current.triggers.find((t) => t.id === "critical_drift")!.value_pct, expected);
    expect(r.critical.share).toBeGreaterThanOrEqual(0.8);
    // The critical set is the importance ranking's head.
    expect(r.critical.features.map((f) => f.feature)).toEqual(tables.importance.slice(0, names.size).map((f) => f.feature));
  });
});

describe("the triggers replayed day by day", async () => {
  const retraining = async (specs: Omit<DaySpec, "date">[], edit?: (i: ReturnType<typeof syntheticInputs>) => void) => {
    const inputs = syntheticInputs(run("2026-05-01", specs));
    edit?.(inputs);
    return (await engineTables(inputs)).retraining;
  };

  it("judge each day's trailing window once it holds enough predictions", async () => {
    // 20 rows a day, |error| 1 for 6 days then 2 (validation RMSE 1): the 7-day window holds 100 rows from day 5.
    const errors = [...Array(6).fill(1), ...Array(6).fill(2)];
    const r = await retraining(errors.map((error) => ({rows: 20, error})));
    r.daily.forEach((d, i) => {
      const window = errors.slice(Math.max(0, i - 6), i + 1);
      if (window.length * 20 < 100) return expect(d.fired.rmse).toBeNull();
      const rmse = Math.sqrt(window.reduce((s, e) => s + e * e, 0) / window.length);
      expectClose(d.rmse_increase_pct, (rmse - 1) * 100);
      expect(d.fired.rmse).toBe(rmse > 1.15);
    });
    expect(r.daily.filter((d) => d.fired.rmse).length).toBeGreaterThan(0);
    expect(r.frequency.episodes).toBe(1);
  });

  it("see drift in a critical feature and new categories", async () => {
    const r = await retraining([...days(7, {rows: 20, error: 1}), ...days(7, {rows: 20, error: 1, scaleA: 1.5})], (inputs) => {
      inputs.stats.categories = new Map([["Toys", 100]]);
      // Feature b is constant in the synthetic log; a zero training SD gives it no importance and no SD change.
      inputs.stats.features.find((f) => f.feature === "b")!.sd = 0;
      // Feature a's values are its mean ± 1: a training SD of 1 means no SD change until it shifts.
      inputs.stats.features.find((f) => f.feature === "a")!.sd = 1;
      // The last 30 rows are an unseen category: 30 of the last window's 140 rows.
      for (let r = inputs.production.rows - 30; r < inputs.production.rows; ++r) inputs.production.category[r] = "Gadgets";
    });
    expect(r.critical.features.map((f) => f.feature)).toEqual(["a"]);
    const last = r.daily.at(-1)!;
    expect(last.drift_feature).toBe("a");
    expect(last.drift_measure).toBe("mean shift");
    expectClose(last.drift_pct, 50);
    expect(last.fired.critical_drift).toBe(true);
    expectClose(last.new_category_pct, (30 / 140) * 100);
    expect(last.fired.new_categories).toBe(true);
    expect(r.daily[6].fired.critical_drift).toBe(false);
    expect(r.conclusions.replay).toMatch(/drift in a critical feature on \d+ days/);
  });
});

describe("how often triggered retraining would run", async () => {
  const dates = (n: number) => Array.from({length: n}, (_, i) => `d${i + 1}`);

  it("counts episodes, and retrains with a cool-down", async () => {
    const fired = [null, false, true, true, false, true, true, true, true, true, true, true, true, false];
    const f = triggerFrequency(fired, dates(fired.length), 3);
    expect(f.evaluated_days).toBe(13);
    expect(f.held_days).toBe(10);
    expect(f.episodes).toBe(2);
    expect(f.retrains_low).toEqual(["d3", "d6"]);
    expect(f.retrains_high).toEqual(["d3", "d6", "d9", "d12"]);
    expect(f.per_year_low).toBeCloseTo((2 * 365) / 13, 12);
    expect(f.per_year_high).toBeCloseTo((4 * 365) / 13, 12); // 112.3, under the cap of 365 / 3
    // Firing every day of a short window: capped at one retrain per cool-down.
    expect(triggerFrequency([true, true, true, true], dates(4), 3).per_year_high).toBeCloseTo(365 / 3, 12);
  });

  it("an unjudged day neither ends nor starts an episode; nothing judged gives no rate", async () => {
    const f = triggerFrequency([true, null, true], dates(3), 7);
    expect(f.episodes).toBe(1);
    expect(triggerFrequency([null, null], dates(2), 7).per_year_low).toBeNull();
    expect(triggerFrequency([false, false], dates(2), 7)).toMatchObject({held_days: 0, episodes: 0, per_year_low: 0, per_year_high: 0});
  });
});
