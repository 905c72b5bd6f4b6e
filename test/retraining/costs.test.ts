import {describe, expect, it} from "vitest";
import {annualUsd as pageAnnual, perRetrainUsd as pagePerRetrain} from "../../loaders/shared/costs.js";
import {config} from "../../loaders/config.js";
import {annualUsd, briefReadings, perRetrainUsd, retrainingCosts} from "../../loaders/retraining/costs.js";
import {costsConclusion, hoursText} from "../../loaders/retraining/conclusions.js";
import {triggerFrequency} from "../../loaders/retraining/frequency.js";

const brief = config.retraining.cost;
const noTriggers = triggerFrequency([], [], 7);

/**
 * Every "a × b = c" and "a × (p ÷ q) = c" in a sentence, checked: the
 * sentence a reviewer reads must not contain an arithmetic error.
 */
function checkProducts(text: string): number {
  const money = (s: string) => Number(s.replace(/[$,]/g, ""));
  let checked = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?) × \$([\d,.]+) = \$([\d,.]+)/g)) {
    expect(Number(m[1]) * money(m[2]), m[0]).toBeCloseTo(money(m[3]), 6);
    ++checked;
  }
  for (const m of text.matchAll(/(\d+) × \(\$([\d,.]+) ÷ (\d+)\) = \$([\d,.]+)/g)) {
    expect((Number(m[1]) * money(m[2])) / Number(m[3]), m[0]).toBeCloseTo(money(m[4]), 6);
    ++checked;
  }
  for (const m of text.matchAll(/\$([\d,.]+) \w+ \((\d+) × \$([\d,.]+)\)/g)) {
    expect(Number(m[2]) * money(m[3]), m[0]).toBeCloseTo(money(m[1]), 6);
    ++checked;
  }
  for (const m of text.matchAll(/(\d+) hours? × \$([\d,.]+) \+ \$([\d,.]+) = \$([\d,.]+)/g)) {
    expect(Number(m[1]) * money(m[2]) + money(m[3]), m[0]).toBeCloseTo(money(m[4]), 6);
    ++checked;
  }
  return checked;
}

describe("retraining costs", () => {
  it("a retrain costs hours × rate + compute; a year, that times the retrains", () => {
    expect(perRetrainUsd({hours: 2, hourlyRateUsd: 150, computeUsd: 50})).toBe(350);
    expect(annualUsd({hours: 2, hourlyRateUsd: 150, computeUsd: 50}, 52)).toBe(18_200);
    expect(annualUsd({hours: 1.5, hourlyRateUsd: 100, computeUsd: 20}, 4)).toBe(680);
    // The page's calculator runs the very same function.
    expect(pagePerRetrain).toBe(perRetrainUsd);
    expect(pageAnnual).toBe(annualUsd);
  });

  it("prices each schedule from the brief's inputs, not from its stated totals", () => {
    const c = retrainingCosts(noTriggers);
    const per = brief.hours * brief.hourlyRateUsd + brief.computeUsd;
    expect(c.per_retrain_usd).toBe(per);
    expect(c.schedules.map((s) => [s.schedule, s.retrains_per_year, s.annual_usd])).toEqual([
      ["weekly", 52, 52 * per],
      ["monthly", 12, 12 * per],
      ["quarterly", 4, 4 * per],
    ]);
    const weekly = c.brief.find((b) => b.schedule === "weekly")!;
    const monthly = c.brief.find((b) => b.schedule === "monthly")!;
    expect([weekly.brief_usd, weekly.computed_usd, weekly.difference_usd]).toEqual([10_400, 18_200, 7_800]);
    expect([monthly.brief_usd, monthly.computed_usd, monthly.difference_usd]).toEqual([2_600, 4_200, 1_600]);
    expect(weekly.implied_per_retrain_usd).toBe(200);
    expect(monthly.implied_per_retrain_usd).toBeCloseTo(216.6667, 4);
    // At $150/h and $50 of compute, $200 is one hour of work; $2,600/12 is 1 h 6 min 40 s.
    expect(weekly.implied_hours).toBe(1);
    expect(monthly.implied_hours).toBeCloseTo(10 / 9, 12);
    expect(weekly.implied_hourly_rate_usd).toBe(75);
  });

  it("finds the readings that reproduce both stated figures with one per-retrain cost", () => {
    const readings = briefReadings({weekly: 10_400, monthly: 2_600}, {weekly: 52, monthly: 12}, {hours: 2, hourlyRateUsd: 150, computeUsd: 50});
    expect(readings.map((r) => [r.from, r.retrains_per_year.weekly, r.retrains_per_year.monthly])).toEqual([
      ["weekly", 52, 13],
      ["monthly", 48, 12],
    ]);
    expect(readings[0].per_retrain_usd).toBe(200);
    expect(readings[0].recounted).toEqual({weekly: false, monthly: true});
    // Figures no single cost explains give no reading.
    expect(briefReadings({weekly: 10_000, monthly: 2_600}, {weekly: 52, monthly: 12}, {hours: 2, hourlyRateUsd: 150, computeUsd: 50})).toEqual([]);
  });

  it("the sentence shows both sets of figures and the assumption behind the brief's, with no arithmetic error", () => {
    const text = costsConclusion(retrainingCosts(noTriggers));
    expect(text).toContain("The brief states $10,400 a year for weekly and $2,600 a year for monthly retraining");
    expect(text).toContain("(2 hours × $150 + $50 = $350 a retrain) give $18,200 weekly (52 × $350) and $4,200 monthly (12 × $350)");
    expect(text).toContain('$200 a retrain (the brief\'s rate and compute with 1 hour of work instead of 2 hours) and "monthly" read as every 4 weeks (13 a year): 52 × $200 = $10,400 and 13 × $200 = $2,600');
    expect(text).toContain('"weekly" read as 4 a month (48 a year): 48 × ($2,600 ÷ 12) = $10,400');
    expect(text).not.toMatch(/216\.67 = /);
    expect(checkProducts(text)).toBe(7);
  });

  it("says so when the inputs agree with the stated figures, or when no reading explains them", () => {
    const agree = retrainingCosts(noTriggers, {hours: 1, hourlyRateUsd: 150, computeUsd: 50});
    // At $200 a retrain the weekly figure agrees but the monthly one still does not (12 × $200 = $2,400).
    expect(costsConclusion(agree)).toMatch(/give \$10,400 weekly \(52 × \$200\) and \$2,400 monthly \(12 × \$200\)/);
    expect(checkProducts(costsConclusion(agree))).toBeGreaterThan(0);
    const none = {...retrainingCosts(noTriggers), readings: []};
    expect(costsConclusion(none)).toMatch(/No single per-retrain cost reproduces both: at the calendar's counts they imply \$200 a retrain \(weekly\) and \$216\.67 a retrain \(monthly\)\./);
  });

  it("prices triggered retraining from the rounded yearly rate, so the page's product checks", () => {
    // Fires on every judged day of 25: one episode, or a retrain every 7 days.
    const fired = [null, null, ...Array(25).fill(true)];
    const dates = fired.map((_, i) => `d${i}`);
    const c = retrainingCosts(triggerFrequency(fired, dates, 7));
    expect(c.triggered.per_year_low).toBe(14.6); // 1 × 365 / 25 = 14.6
    expect(c.triggered.per_year_high).toBe(52.1); // 4 × 365 / 25 = 58.4, capped at 365 / 7 = 52.14…
    expect(c.triggered.annual_low_usd).toBeCloseTo(14.6 * 350, 9);
    expect(c.triggered.annual_high_usd).toBeCloseTo(52.1 * 350, 9);
  });

  it("writes hours exactly", () => {
    expect(hoursText(2)).toBe("2 hours");
    expect(hoursText(1)).toBe("1 hour");
    expect(hoursText(10 / 9)).toBe("1 h 6 min 40 s");
    expect(hoursText(0.5)).toBe("30 min");
  });
});
