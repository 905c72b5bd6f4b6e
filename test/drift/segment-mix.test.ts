import {describe, expect, it} from "vitest";
import {predictionConclusion, pValue, segmentMix, segmentMixConclusion, targetConclusion, type PriceMixEffect, type SegmentMixReport, type TargetDrift, type ValueDrift} from "../../loaders/drift/index.js";
import {priceMixEffect} from "../../loaders/drift/target-drift.js";
import {expectClose} from "../builders/helpers.js";

const eps = 1e-4;

describe("segment mix on counts with known answers", () => {
  // Training 60/30/10 (N = 1000); production 50/30/10 of the known three and 10 rows of a new one (n = 100).
  const train = new Map([["A", 600], ["B", 300], ["C", 100]]);
  const prod = new Map([["A", 50], ["B", 30], ["N", 10], ["C", 10]]);
  const mix = segmentMix("category", train, prod, eps, 0.025, 5);

  it("shares, changes and the new segment as its own bin of the PSI, floored at ε", () => {
    expect(mix.segments.map((s) => [s.segment, s.new])).toEqual([["A", false], ["B", false], ["C", false], ["N", true]]);
    expectClose(mix.segments[0].change, 0.5 - 0.6, 1e-14);
    const known = (0.5 - 0.6) * Math.log(0.5 / 0.6) + 0 + 0;
    const fresh = (0.1 - eps) * Math.log(0.1 / eps);
    expectClose(mix.psi, known + fresh, 1e-13);
    expectClose(mix.psi_new, fresh, 1e-13);
  });

  it("chi-square of the 90 known rows against 60/30/10, the 10 new rows left out", () => {
    // Expected 54, 27, 9: (4² / 54) + (3² / 27) + (1² / 9).
    const c = mix.chi_square;
    expectClose(c?.statistic, 16 / 54 + 9 / 27 + 1 / 9, 1e-13);
    expect(c?.df).toBe(2);
    expectClose(c?.p_value, Math.exp(-(16 / 54 + 9 / 27 + 1 / 9) / 2), 1e-12);
    expect([c?.rows, c?.rows_excluded]).toEqual([90, 10]);
    expect(c?.rejects).toBe(false);
    expectClose(mix.share_noise_factor, 1 + 90 / 1000, 1e-14);
    // The two-sample test on rbind(c(600, 300, 100), c(50, 30, 10)): column totals 650, 330, 110 of 1,090.
    const cells = [[600, 50], [300, 30], [100, 10]].flatMap(([t, p]) => {
      const col = t + p;
      return [(t - (1000 * col) / 1090) ** 2 / ((1000 * col) / 1090), (p - (90 * col) / 1090) ** 2 / ((90 * col) / 1090)];
    });
    expectClose(c?.two_sample.statistic, cells.reduce((a, b) => a + b, 0), 1e-12);
    expect(c?.two_sample.rejects).toBe(false);
  });

  it("a segment of training absent from production counts with share 0; an unknown dimension computes nothing", () => {
    const m = segmentMix("brand", new Map([["X", 50], ["Y", 50]]), new Map([["X", 20]]), eps, 0.025, 5);
    expect(m.segments.find((s) => s.segment === "Y")?.prod_share).toBe(0);
    expectClose(m.chi_square?.statistic, 20, 1e-13);
    expect(m.chi_square?.rejects).toBe(true);
    expect(segmentMix("brand", null, new Map([["X", 20]]), eps, 0.025, 5)).toMatchObject({known: false, psi: null, chi_square: null});
  });

  it("the conclusion states the test, the correction, the rows left out, the doubtful approximation", () => {
    const small = segmentMix("brand", new Map([["X", 990], ["Y", 10]]), new Map([["X", 95], ["Y", 5]]), eps, 0.025, 5);
    const report: SegmentMixReport = {dimensions: [mix, small], tests: 2, psi_epsilon: eps, alpha: 0.05, min_expected: 5};
    const text = segmentMixConclusion(report);
    expect(text).toContain("the test does not reject training's mix for production's 90 rows");
    expect(text).toContain("against 0.025, the 5% level Bonferroni-corrected over 2 dimensions");
    expect(text).toContain("the 10 rows of the new category are left out of the test");
    expect(text).toContain("The two-sample test, which allows for the training counts' own noise, does not reject it either (p = ");
    expect(text).toContain("New: N 10.0% of production.");
    expect(text).toContain("production's 100 rows are mixed differently from training");
    expect(text).toContain("The smallest expected count is 1.0, below 5, so the chi-square approximation of the p-value is doubtful.");
    expect(segmentMixConclusion({...report, dimensions: [segmentMix("category", null, new Map(), eps, 0.05, 5)]})).toBe(
      "Whether the category mix moved cannot be told: the training statistics have no category counts.",
    );
    expect(pValue(1.57e-4)).toBe("1.6e−4");
  });
});

describe("the price mix's share of the RMSE rise", () => {
  const target = {n: 1000, mean: 50, sd: 30, quantiles: [0, 50, 100], probs: [0, 0.5, 1]};
  // Cheap rows (≤ 50) err by 2, dear ones by 10; training is half and half.
  const rows = (cheap: number, dear: number) => {
    const actual = Float64Array.from([...Array(cheap).fill(20), ...Array(dear).fill(80)]);
    const prediction = Float64Array.from([...Array(cheap).fill(18), ...Array(dear).fill(70)]);
    return {n: cheap + dear, actual, prediction};
  };

  it("more dear rows than training raise the RMSE; reweighting to 50/50 removes exactly that", () => {
    const m = priceMixEffect(rows(25, 75), target, 5);
    expectClose(m.overall_rmse, Math.sqrt(0.25 * 4 + 0.75 * 100), 1e-14);
    expectClose(m.reweighted_rmse, Math.sqrt(0.5 * 4 + 0.5 * 100), 1e-14);
    expectClose(m.mix_share_of_rise, (Math.sqrt(76) - Math.sqrt(52)) / (Math.sqrt(76) - 5), 1e-13);
  });

  it("a training bin without production rows leaves the reweighted RMSE unknown, and says why", () => {
    const m = priceMixEffect(rows(10, 0), target, 5);
    expect(m.reweighted_rmse).toBeNull();
    expect(m.unavailable).toBe("1 training price bin has no production row, so its error is unknown");
  });

  it("the target sentence: a mix that lowers the RMSE explains none of the rise", () => {
    const m: PriceMixEffect = priceMixEffect(rows(75, 25), target, 5);
    const drift: ValueDrift = {n: 100, train_mean: 50, train_sd: 30, prod_mean: 35, prod_sd: 26, mean_shift_pct: -30, sd_change_pct: -13.3, mean_shift_sd: -0.5, psi: 0.2, psi_level: "moderate", ks: 0.25, ks_critical: 0.14, ks_beyond_noise: true, wasserstein_sd: 0.5, point_masses: 0, train_quantiles: null, prod_quantiles: null};
    const t: TargetDrift = {unavailable: null, name: "actual_price", drift, price_mix: m};
    const text = targetConclusion(t);
    expect(text).toContain("mean $50.00 → $35.00 (−30.0%)");
    expect(text).toContain("KS ≈ 0.250 (above its critical value 0.140)");
    expect(text).toContain(`the move of the price mix lowers the RMSE by $${(Math.sqrt(52) - Math.sqrt(28)).toFixed(2)}, so it explains none of the`);
    expect(targetConclusion({unavailable: "stats.json has no target statistics", name: null, drift: null, price_mix: null})).toBe("Target drift cannot be computed: stats.json has no target statistics.");
    const overall = predictionConclusion({unavailable: null, overall: drift, expected_sd: 29, daily: [], daily_alpha: 0.05, ks_beyond_noise_days: 0});
    expect(overall).toContain("Without any drift their SD would be about $29.00");
    // Beyond the critical value against the target is not, by itself, drift.
    expect(overall).toContain("how much of this gap the model had already in training cannot be told");
    const {train_quantiles: _q, prod_quantiles: _p, train_mean: _m, train_sd: _s, ...day} = drift;
    const daily = Array.from({length: 40}, (_, i) => ({...day, date: `2026-10-${String(i + 1).padStart(2, "0")}`, ks_beyond_noise: i < 3}));
    expect(predictionConclusion({unavailable: null, overall: drift, expected_sd: 29, daily, daily_alpha: 0.05 / 40, ks_beyond_noise_days: 3})).toContain(
      "exceeds its critical value on 3 of 40 days (2026-10-01, 2026-10-02 and 2026-10-03); each day is tested at 0.125% (Bonferroni-corrected 5% over the 40 days), so the chance that any day exceeds it when nothing drifted stays below 5%.",
    );
    const calm = daily.map((d, i) => ({...d, n: 10 + i, ks_critical: 0.2 + i / 100, ks_beyond_noise: false}));
    expect(predictionConclusion({unavailable: null, overall: drift, expected_sd: 29, daily: calm, daily_alpha: 0.05 / 40, ks_beyond_noise_days: 0})).toContain(
      "stays within its critical value on all 40 days; with a median of 29.5 rows a day, a day is flagged only past a KS distance of about 0.40, so the daily test sees large shifts only.",
    );
  });
});
