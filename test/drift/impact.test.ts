import {describe, expect, it} from "vitest";
import type {FeatureDrift} from "../../loaders/drift/table.js";
import {impactReport, pctMeaningful} from "../../loaders/drift/impact.js";
import type {FeatureImportance} from "../../loaders/scoring/importance.js";
import {loadModelInputs} from "../../loaders/inputs/load.js";
import {seedData} from "../builders/helpers.js";

function drift(feature: string, train_mean: number, train_sd: number, prod_mean: number, severe = false): FeatureDrift {
  return {
    feature,
    source: "api",
    unit: "",
    train_mean,
    prod_mean,
    mean_shift_pct: train_mean === 0 ? null : ((prod_mean - train_mean) / train_mean) * 100,
    mean_shift_sd: (prod_mean - train_mean) / train_sd,
    train_sd,
    prod_sd: train_sd,
    sd_change_pct: 0,
    train_missing_rate: 0.02,
    prod_missing_rate: 0.1,
    prod_n: 100,
    severe,
  };
}
const importance = (rows: [string, number, number][]): FeatureImportance[] =>
  rows
    .map(([feature, beta, sd], index) => ({feature, index, beta, train_sd: sd, importance: Math.abs(beta) * sd, rank: 0}))
    .sort((a, b) => b.importance - a.importance)
    .map((f, i) => ({...f, rank: i + 1}));

describe("near-zero training means", () => {
  it("a % change is not meaningful within half a training SD of zero", () => {
    expect(pctMeaningful(0.0100, 0.0526)).toBe(false); // trend_30d
    expect(pctMeaningful(-0.02, 0.05)).toBe(false);
    expect(pctMeaningful(0, 0)).toBe(false);
    expect(pctMeaningful(0.5, 1)).toBe(true);
    expect(pctMeaningful(-1.61, 0.5)).toBe(true);
  });

  it("such a feature is listed, keeps the brief's severe flag, and is judged by its shift in SDs", () => {
    // −13% of a mean near zero is 0.02 SD: no drift. +50% of it is 0.1 SD.
    const rows = [drift("trend", 0.01, 0.05, 0.0087), drift("tiny", 0.01, 0.05, 0.015, true), drift("price", 50, 10, 56)];
    const r = impactReport(rows, importance([["trend", 10, 0.05], ["tiny", 1, 0.05], ["price", 2, 10]]));
    expect(r.near_zero.map((f) => f.feature).sort()).toEqual(["tiny", "trend"]);
    const tiny = r.features.find((f) => f.feature === "tiny")!;
    expect(tiny.severe).toBe(true);
    expect(tiny.mean_shift_sd).toBeCloseTo(0.1, 12);
    expect(tiny.large_shift).toBe(false);
  });

  it("on the seed data, exactly the features whose |training mean| < 0.5 SD (trend_30d among them)", async () => {
    const {stats} = await loadModelInputs(seedData);
    const expected = stats.features.filter((f) => Math.abs(f.mean) < 0.5 * f.sd).map((f) => f.feature);
    expect(expected).toContain("trend_30d");
    const rows = stats.features.map((f) => drift(f.feature, f.mean, f.sd, f.mean));
    const r = impactReport(rows, importance(stats.features.map((f) => [f.feature, 1, f.sd])));
    expect(r.near_zero.map((f) => f.feature).sort()).toEqual([...expected].sort());
  });
});

describe("impact: importance × shift", () => {
  const rows = [
    drift("a", 100, 10, 110, true), // +10%... flagged severe here by hand: the rule is not this module's
    drift("b", 100, 10, 95), // −5%, −0.5 SD
    drift("c", 1, 1, 1.5, true), // +50%, +0.5 SD
    drift("d", 100, 5, 112), // +12%, +2.4 SD: missed by the % rule
  ];
  const imp = importance([["a", 0.01, 10], ["b", 2, 10], ["c", 1, 1], ["d", -0.5, 5]]);
  const r = impactReport(rows, imp);

  it("prediction shift is β × (production − training mean), ranked by its size", () => {
    expect(r.features.map((f) => [f.feature, f.prediction_shift])).toEqual([
      ["b", -10],
      ["d", -6],
      ["c", 0.5],
      ["a", expect.closeTo(0.1, 12)],
    ]);
    // = ± importance × shift in SDs
    for (const f of r.features) expect(Math.abs(f.prediction_shift!)).toBeCloseTo(f.importance * Math.abs(f.mean_shift_sd!), 12);
  });

  it("high-risk (severe) features are ranked by their prediction shift, not by %", () => {
    expect(r.high_risk.map((f) => f.feature)).toEqual(["c", "a"]);
    expect(r.missed_by_pct_rule.map((f) => f.feature)).toEqual(["b", "d"]);
    expect(r.net_prediction_shift).toBeCloseTo(-10 - 6 + 0.5 + 0.1, 12);
    expect(r.severe_share_of_shift).toBeCloseTo(0.6 / 16.6, 12);
    expect(r.features.find((f) => f.feature === "a")!.importance_rank).toBe(imp.find((f) => f.feature === "a")!.rank);
  });
});
