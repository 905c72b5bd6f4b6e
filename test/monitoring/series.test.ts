import {describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {calendarDays} from "../../loaders/daily/calendar.js";
import {monitoredFeatures} from "../../loaders/monitoring/features.js";
import {falseAlarmProbability, normalUpperTail} from "../../loaders/monitoring/noise.js";
import {pool, trailing} from "../../loaders/daily/window.js";
import {escalationFor} from "../../loaders/monitoring/spec.js";
import {emptyErrorSums, addError} from "../../loaders/stats/error-sums.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {days, run, syntheticInputs} from "../builders/monitoring-inputs.js";

const min = config.monitoring.minWindowRows;
const width = config.monitoring.windowDays;

describe("calendar and windows", async () => {
  it("lists every calendar day, across month ends", async () => {
    expect(calendarDays("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(calendarDays("2026-10-01", "2026-10-01")).toEqual(["2026-10-01"]);
  });

  it("takes at most `width` days ending at the day, fewer at the start", async () => {
    const xs = [1, 2, 3, 4, 5];
    expect(trailing(xs, 0, 3)).toEqual([1]);
    expect(trailing(xs, 4, 3)).toEqual([3, 4, 5]);
  });

  it("pools days by their sums: √(ΣSSE/Σn), not a mean of the days' RMSEs", async () => {
    const day = (errors: number[]) => {
      const e = emptyErrorSums();
      for (const x of errors) addError(e, 10, x);
      return {rows: errors.length, errors: e, features: [], impact: {underpriced: 0, overpriced: 0, revenue: 0, units: 0}, predictionSum: 0};
    };
    const p = pool([day([1, -1, 1, -1, 1, -1, 1, -1]), day([3, -3])]);
    expect(p.rows).toBe(10);
    expect(Math.sqrt(p.errors.sumSquaredError / p.rows)).toBeCloseTo(Math.sqrt((8 + 18) / 10), 12);
    // The mean of the daily RMSEs would say 2.
    expect(Math.sqrt(p.errors.sumSquaredError / p.rows)).not.toBeCloseTo(2, 3);
  });
});

describe("daily figures on planted data", async () => {
  const rows = 20;
  const spec = run("2026-05-01", [...days(6, {rows, error: 1}), ...days(4, {rows, error: 2, latencyMs: 120, missingA: 5, scaleA: 1.4})]);
  const m = (await engineTables(syntheticInputs(spec))).monitoring;

  it("daily RMSE and MAE equal the planted error", async () => {
    expect(m.daily.map((d) => d.rmse)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2].map((x) => expect.closeTo(x, 12)));
    expect(m.daily.map((d) => d.mae)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2].map((x) => expect.closeTo(x, 12)));
  });

  it("the trailing window is judged from the day it holds enough rows", async () => {
    const first = Math.ceil(min / rows);
    m.daily.forEach((d, i) => {
      const n = Math.min(i + 1, width) * rows;
      expect(d.window_n).toBe(n);
      if (n < min) expect(d.rmse_trailing).toBeNull();
    });
    const d = m.daily[first - 1];
    expect(d.rmse_trailing).toBeCloseTo(1, 12);
    // Day 8: window of days 2–8 holds five days at 1 and two at 2.
    expect(m.daily[7].rmse_trailing).toBeCloseTo(Math.sqrt((5 * 1 + 2 * 4) / 7), 12);
  });

  it("latency, missing rate and mean shift of the planted feature", async () => {
    expect(m.daily[0].latency_p95).toBe(50);
    expect(m.daily[9].latency_p95).toBe(120);
    expect(m.daily[9].missing_max_pct).toBeCloseTo((5 / rows) * 100, 12);
    expect(m.daily[9].missing_max_trailing_feature).toBe("a");
    // The last window: days 4–10, three days at the training mean and four at 1.4×.
    const a = m.daily[9].features_trailing.find((f) => f.feature === "a")!;
    expect(a.missing_pct).toBeCloseTo(((4 * 5) / (7 * rows)) * 100, 12);
    // Present values: 3 days × 20 around 10, and 4 days whose rows 0–4 miss `a` while the rest alternate 14 ∓ 1.
    const present = [...Array(3 * rows).fill(10), ...Array.from({length: 4}, () => Array.from({length: rows - 5}, (_, i) => 14 + ((i + 5) % 2 ? 1 : -1))).flat()];
    const mean = present.reduce((s, x) => s + x, 0) / present.length;
    expect(a.mean_shift_pct).toBeCloseTo(((mean - 10) / 10) * 100, 10);
  });

  it("business impact: units × the price gap, by side", async () => {
    // Alternating ±error, 2 units a row: half the rows each way.
    expect(m.daily[0].underpriced_usd).toBeCloseTo((rows / 2) * 2 * 1, 10);
    expect(m.daily[0].overpriced_usd).toBeCloseTo((rows / 2) * 2 * 1, 10);
    expect(m.impact.totals!.underpriced_share_pct).toBeCloseTo(50, 10);
  });

  it("a day without predictions is in the series, with volume 0 and a red volume alert", async () => {
    const gap = run("2026-05-01", days(8, {rows, error: 1})).filter((d) => d.date !== "2026-05-06");
    const g = (await engineTables(syntheticInputs(gap))).monitoring;
    const empty = g.daily.find((d) => d.date === "2026-05-06")!;
    expect(g.daily.length).toBe(8);
    expect(empty).toMatchObject({n: 0, rmse: null, latency_p95: null, volume_baseline: rows, volume_pct: 0});
    expect(g.replay.log.find((e) => e.metric === "volume")).toMatchObject({date: "2026-05-06", level: "red", value: 0});
  });

  it("absent latency_ms and units_sold: no figures, no data for their rules", async () => {
    const bare = (await engineTables(syntheticInputs(run("2026-05-01", days(6, {rows, error: 1})), {latency: false, units: false}))).monitoring;
    expect(bare.has_latency).toBe(false);
    expect(bare.has_units).toBe(false);
    expect(bare.daily.every((d) => d.latency_p95 === null && d.underpriced_usd === null && d.mispricing_trailing_pct === null)).toBe(true);
    expect(bare.impact.totals).toBeNull();
    expect(bare.tiles.find((t) => t.metric === "latency_p95")!.level).toBe("no_data");
    expect(bare.tiles.find((t) => t.metric === "mispricing")!.level).toBe("no_data");
  });
});

describe("monitored features", async () => {
  const inputs = syntheticInputs(run("2026-05-01", days(1, {rows: 2, error: 1})));
  const t = await engineTables(inputs);

  it("are the top features by |β|·SD; a near-zero mean is left out of the mean-shift rule only", async () => {
    const m = monitoredFeatures(t.importance, inputs.model.features, inputs.stats, 2);
    expect(m.features.map((f) => f.feature)).toEqual(["a", "b"]);
    expect(m.importance_share).toBeCloseTo((4 + 1) / (4 + 1 + 0.5), 12);
    const all = monitoredFeatures(t.importance, inputs.model.features, inputs.stats, 10);
    expect(all.features.map((f) => [f.feature, f.mean_shift])).toEqual([["a", true], ["b", true], ["z", false]]);
    expect(all.excluded_from_mean_shift.map((f) => f.feature)).toEqual(["z"]);
    expect(t.monitoring.rules.find((r) => r.id === "mean_shift")!.features).toEqual(["a", "b"]);
    expect(t.monitoring.rules.find((r) => r.id === "missing_rate")!.features).toEqual(["a", "b", "z"]);
  });
});

describe("noise and escalation", async () => {
  it("normal tail probabilities", async () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalUpperTail(-1.959964)).toBeCloseTo(0.975, 6);
  });

  it("a false red on RMSE gets rarer with rows", async () => {
    expect(falseAlarmProbability(17, 1.22)).toBeGreaterThan(0.05);
    expect(falseAlarmProbability(100, 1.22)).toBeLessThan(0.002);
  });

  it("escalation starts at the owner and climbs the brief's chain above it", async () => {
    const chain = ["Model owner", "Data-science manager", "VP Engineering"];
    expect(escalationFor("Model owner (pricing)", chain)).toEqual(["Model owner (pricing)", "Data-science manager", "VP Engineering"]);
    expect(escalationFor("Data-science manager (on-call)", chain)).toEqual(["Data-science manager (on-call)", "VP Engineering"]);
    expect(escalationFor("Serving on-call", chain)).toEqual(["Serving on-call", ...chain]);
  });
});
