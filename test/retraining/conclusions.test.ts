import {describe, expect, it} from "vitest";
import {costBenefit} from "../../loaders/retraining/benefit.js";
import type {Buildup, WeekFigures} from "../../loaders/retraining/buildup.js";
import {benefitConclusion, protocolConclusion, triggersConclusion} from "../../loaders/retraining/conclusions.js";
import {retrainingProtocol} from "../../loaders/retraining/protocol.js";
import {currentTriggers} from "../../loaders/retraining/triggers.js";
import type {DriftTable} from "../../loaders/drift/table.js";

const week = (n: number, increase: number, missing = 5): WeekFigures => ({
  week: n,
  start: `2026-05-0${n}`,
  end: `2026-05-1${n}`,
  days: 7,
  rows: 100,
  rmse: 1 + increase / 100,
  rmse_increase_pct: increase,
  drift_pct: 10,
  drift_feature: "a",
  critical_missing_pct: missing,
  new_category_pct: 0,
});
const buildup = (...weeks: WeekFigures[]): Buildup => ({weeks});

describe("the protocol follows the data", () => {
  it("stale on arrival, no build-up, drifted: retrain now, then monthly on a rolling window", () => {
    const b = buildup(week(1, 58), week(2, 50), week(3, 121, 27), week(4, 56));
    const p = retrainingProtocol(b, "no detectable change", 11, 90);
    expect(p.schedule).toMatchObject({recommended: "monthly", retrain_before_deploy: true});
    expect(p.window.recommended).toBe("rolling");
    const text = protocolConclusion(p, b);
    expect(text).toMatch(/^Recommended: retrain now, before deploying, then monthly on a rolling 90-day window/);
    expect(text).toContain("already 58.0% over validation, past the 15% trigger");
    expect(text).toContain("By week the RMSE was 58.0%, 50.0%, 121.0% and 56.0% over validation (the worst week, 2026-05-03 to 2026-05-13, is also the one with the most missing critical values, 27.0%: an input incident, not a build-up)");
    expect(text).toContain("Weekly retraining would cost 4.3 times as much as monthly");
    expect(text).toContain("11 features drifted severely, so the window rolls");
  });

  it("decaying within the window: weekly", () => {
    const b = buildup(week(1, 5), week(2, 12), week(3, 20), week(4, 30));
    const p = retrainingProtocol(b, "worse", 0, 90);
    expect(p.schedule).toMatchObject({recommended: "weekly", retrain_before_deploy: false});
    expect(p.window.recommended).toBe("expanding");
    const text = protocolConclusion(p, b);
    expect(text).toMatch(/^Recommended: retrain weekly on an expanding window/);
    expect(text).toContain("within the 15% trigger");
    expect(text).toContain("got measurably worse");
    expect(text).not.toContain("input incident");
    expect(text).toContain("No feature drifted severely, so an expanding window");
  });

  it("too short a log to compare weeks: monthly by default", () => {
    const b = buildup(week(1, 3));
    const p = retrainingProtocol(b, null, 0, 60);
    expect(p.schedule.recommended).toBe("monthly");
    expect(protocolConclusion(p, b)).toContain("The log is too short to compare a first and a last week");
  });
});

describe("the trigger sentence", () => {
  const drift = (newShare: number | null): DriftTable => ({
    features: [{feature: "a", source: "db", unit: "", train_mean: 10, prod_mean: 10, mean_shift_pct: 5, mean_shift_sd: 0, train_sd: 1, prod_sd: 1, sd_change_pct: 2, train_missing_rate: 0, prod_missing_rate: 0, prod_n: 10, severe: false}],
    severe_count: 0,
    overall_missing_rate: 0,
    train_overall_missing_rate: 0,
    new_categories: [],
    new_category_share: newShare,
    new_brands: [],
    new_brand_share: null,
  });
  const critical = {features: [{feature: "a", index: 0, beta: 1, train_sd: 1, importance: 1, rank: 1}], share: 1, target_share: 0.8};

  it("none fired: no retraining is due", () => {
    const text = triggersConclusion(currentTriggers(3, drift(0), critical), 200, null);
    expect(text).toBe("On all 200 predictions, none of the 3 triggers fire. Within their thresholds: RMSE degradation (3.0% ≤ 15%), drift in a critical feature (5.0% ≤ 30%: a, mean shift) and new product categories (0.0% ≤ 10%). No retraining is due.");
  });

  it("one fired, one unknown", () => {
    const text = triggersConclusion(currentTriggers(20, drift(null), critical), 200, null);
    expect(text).toMatch(/^On all 200 predictions, 1 of the 3 triggers fires: RMSE degradation \(20\.0% > 15%\)\. Not fired: drift in a critical feature .*New product categories cannot be judged from these inputs\. Retraining is due now\.$/);
  });
});

describe("cost against benefit", () => {
  const impact = {underpriced_usd: 600, overpriced_usd: 400, revenue_usd: 10_000, units: 100, mispricing_pct: 10, underpriced_share_pct: 60};

  it("the recoverable share follows the MAE ratio; the verdict follows the cost's share of it", () => {
    const b = costBenefit(impact, 30, 5, 10, 4200)!;
    expect(b.mispriced_per_year_usd).toBeCloseTo((1000 * 365) / 30, 9);
    expect(b.recoverable_share).toBe(0.5);
    expect(b.recoverable_per_year_usd).toBeCloseTo((1000 * 365) / 30 / 2, 9);
    expect(b.cost_share_of_recoverable).toBeCloseTo(4200 / ((1000 * 365) / 30 / 2), 12);
    expect(benefitConclusion(b, "monthly", null)).toMatch(/^Degraded accuracy costs more than retraining: over 30 days, \$1,000 of revenue was mispriced \(about \$12,200 a year at this pace\); .* about 50% of it, about \$6,080 a year, against \$4,200 a year for monthly retraining \(69\.0% of it\)\.$/);
    const small = costBenefit({...impact, underpriced_usd: 60, overpriced_usd: 40}, 30, 5, 10, 4200)!;
    expect(benefitConclusion(small, "monthly", null)).toMatch(/^Retraining costs more than the accuracy it would recover: over 30 days, \$100 of revenue/);
    const big = costBenefit({...impact, underpriced_usd: 60_000, overpriced_usd: 40_000}, 30, 5, 10, 4200)!;
    expect(benefitConclusion(big, "monthly", 18_235)).toMatch(/^Degraded accuracy costs far more than retraining: .* against \$4,200 a year for monthly retraining \(0\.7% of it\), or at most \$18,235 with every triggered retrain\.$/);
  });

  it("no accuracy lost, or no units sold", () => {
    expect(benefitConclusion(costBenefit(impact, 30, 5, 5, 4200), "monthly", null)).toMatch(/^Production MAE \(\$5\.00\) is no worse than validation's/);
    expect(benefitConclusion(costBenefit(null, 30, 5, 10, 4200), "monthly", null)).toMatch(/^The log has no units_sold column/);
  });
});
