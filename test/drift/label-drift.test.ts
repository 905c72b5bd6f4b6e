import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import type {LabelDrift, ValueDrift} from "../../loaders/drift/index.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {freshCache} from "../builders/engine.js";
import {expectClose, root, seedData} from "../builders/helpers.js";

interface RValueDrift {
  n: number;
  prod_mean: number;
  prod_sd: number;
  mean_shift_pct: number;
  sd_change_pct: number;
  psi: number;
  ks: number;
  ks_critical: number;
  point_masses: number;
  wasserstein_sd: number;
  prod_quantiles?: number[];
}
interface RFigures {
  mix: {
    dimension: "category" | "brand";
    segments: {segment: string; train_share: number; prod_share: number; new: boolean}[];
    psi: number;
    psi_new: number;
    chi_square: {statistic: number; df: number; p_value: number; rows: number; min_expected: number};
    two_sample: {statistic: number; df: number; p_value: number};
  }[];
  target: RValueDrift;
  price_mix: {overall_rmse: number; reweighted_rmse: number; mix_effect: number; mix_share_of_rise: number; bin_rmse: number[]; bin_train_share: number[]};
  prediction: RValueDrift;
  expected_prediction_sd: number;
  daily: (RValueDrift & {date: string})[];
}

// R's figures from the input files alone (test/fixtures/mix/make.R).
const truth: {data: RFigures; alt_inputs: RFigures} = JSON.parse(readFileSync(join(root, "test/fixtures/mix/truth-mix.json"), "utf8"));

function expectValueDrift(js: Omit<ValueDrift, "train_quantiles" | "prod_quantiles" | "train_mean" | "train_sd"> & {prod_quantiles?: number[] | null}, r: RValueDrift): void {
  expect(js.n).toBe(r.n);
  expectClose(js.prod_mean, r.prod_mean);
  expectClose(js.prod_sd, r.prod_sd);
  expectClose(js.mean_shift_pct, r.mean_shift_pct);
  expectClose(js.sd_change_pct, r.sd_change_pct);
  expectClose(js.psi, r.psi);
  expectClose(js.ks, r.ks);
  expectClose(js.ks_critical, r.ks_critical);
  expect(js.point_masses).toBe(r.point_masses);
  expectClose(js.wasserstein_sd, r.wasserstein_sd);
  expect(js.ks_beyond_noise).toBe(r.ks > r.ks_critical);
  if (r.prod_quantiles) r.prod_quantiles.forEach((q, i) => expectClose(js.prod_quantiles?.[i], q));
}

const inputs = [
  {name: "the embedded data", dir: seedData, r: truth.data},
  {name: "the alternative inputs", dir: join(root, "test/fixtures/alt-inputs"), r: truth.alt_inputs},
];

describe.each(inputs)("segment mix, target and prediction drift agree with R on $name", ({dir, r}) => {
  let l: LabelDrift;
  beforeAll(async () => {
    l = (await reportTables(dir, {cacheDir: freshCache()})).driftReport.label_drift;
  });

  it("category and brand mix: every share, PSI (new segments as their own bins) and chisq.test of the known segments", () => {
    for (const rm of r.mix) {
      const d = l.segment_mix.dimensions.find((x) => x.dimension === rm.dimension);
      expect(d?.known).toBe(true);
      expect(new Set(d?.segments.map((s) => s.segment))).toEqual(new Set(rm.segments.map((s) => s.segment)));
      for (const rs of rm.segments) {
        const s = d?.segments.find((x) => x.segment === rs.segment);
        expect(s?.new, rs.segment).toBe(rs.new);
        expectClose(s?.train_share, rs.train_share);
        expectClose(s?.prod_share, rs.prod_share);
        expectClose(s?.change, rs.prod_share - rs.train_share);
      }
      expectClose(d?.psi, rm.psi);
      expectClose(d?.psi_new, rm.psi_new);
      const c = d?.chi_square;
      expectClose(c?.statistic, rm.chi_square.statistic);
      expect(c?.df).toBe(rm.chi_square.df);
      expectClose(c?.p_value, rm.chi_square.p_value);
      expect(c?.rows).toBe(rm.chi_square.rows);
      expectClose(c?.min_expected, rm.chi_square.min_expected);
      expect(c?.rejects).toBe(rm.chi_square.p_value < 0.05 / 2);
      expectClose(c?.two_sample.statistic, rm.two_sample.statistic);
      expect(c?.two_sample.df).toBe(rm.two_sample.df);
      expectClose(c?.two_sample.p_value, rm.two_sample.p_value);
    }
  });

  it("actual prices against the training target: moments, PSI, KS ≈, Wasserstein, quantiles", () => {
    const t = l.target.drift;
    expect(t).not.toBeNull();
    if (t) expectValueDrift(t, r.target);
  });

  it("the RMSE reweighted to the training price mix, bin by bin", () => {
    const m = l.target.price_mix;
    expect(m?.unavailable).toBeNull();
    expectClose(m?.overall_rmse, r.price_mix.overall_rmse);
    expectClose(m?.reweighted_rmse, r.price_mix.reweighted_rmse);
    expectClose(m?.mix_effect, r.price_mix.mix_effect);
    expectClose(m?.mix_share_of_rise, r.price_mix.mix_share_of_rise);
    expect(m?.bins.map((b) => b.rmse)).toHaveLength(r.price_mix.bin_rmse.length);
    r.price_mix.bin_rmse.forEach((x, i) => expectClose(m?.bins[i].rmse, x));
    r.price_mix.bin_train_share.forEach((x, i) => expectClose(m?.bins[i].train_share, x));
  });

  it("predictions against the training target, overall and by day", () => {
    const p = l.prediction;
    expect(p.overall).not.toBeNull();
    if (p.overall) expectValueDrift(p.overall, r.prediction);
    expectClose(p.expected_sd, r.expected_prediction_sd);
    expect(p.daily.map((d) => d.date)).toEqual(r.daily.map((d) => d.date));
    p.daily.forEach((d, i) => expectValueDrift(d, r.daily[i]));
    expect(p.ks_beyond_noise_days).toBe(r.daily.filter((d) => d.ks > d.ks_critical).length);
  });
});
