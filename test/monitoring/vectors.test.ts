import {beforeAll, describe, expect, it} from "vitest";
import {judgeDay, levelOf, type MonitoringSpec, type MonitoringTable} from "../../loaders/monitoring/index.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {freshCache} from "../builders/engine.js";
import {monitorInputs} from "../builders/monitoring-cases.js";
import {seedData} from "../builders/helpers.js";

// The spec's test vectors: what an implementation checks itself against.
let spec: MonitoringSpec;
let monitoring: MonitoringTable;
beforeAll(async () => {
  const tables = await reportTables(seedData, {cacheDir: freshCache(), threads: 1});
  spec = tables.monitoringSpec;
  monitoring = tables.monitoring;
});

describe("monitoring-spec.json's test vectors", () => {
  it("each is the replay's value and level on its day", () => {
    for (const v of spec.test_vectors.cases) {
      const m = judgeDay(monitoring, v.day).metrics.find((x) => x.id === v.metric);
      if (m === undefined) throw new Error(v.metric);
      const got = m.features === null ? {value: m.value, level: m.level} : m.features.find((f) => f.subject === v.subject);
      expect(got, `${v.day} ${v.metric} ${v.subject}`).toEqual({...(m.features === null ? {} : {subject: v.subject}), value: v.value, level: v.level});
      const rule = spec.metrics.find((r) => r.id === v.metric);
      if (rule === undefined) throw new Error(v.metric);
      expect(levelOf(v.value, rule.thresholds)).toBe(v.level);
    }
  });

  it("hold the embedded data's known results: a tie at a line, a negative shift, a thin window, the last day", () => {
    const find = (what: RegExp) => spec.test_vectors.cases.find((c) => what.test(c.case));
    // 9 of 120 rows missing: exactly the 7.5% yellow line, not past it.
    expect(find(/exactly on a line/)).toMatchObject({day: "2026-10-20", metric: "missing_rate", subject: "review_count", value: 7.5, level: "green"});
    const negative = find(/negative mean shift/);
    expect(negative).toMatchObject({day: "2026-10-17", metric: "mean_shift", subject: "competitor_price_avg", level: "yellow"});
    expect(negative?.value).toBeCloseTo(-29.364507521513218, 10);
    expect(find(/fewer than min_rows/)).toMatchObject({day: "2026-10-01", metric: "rmse", value: null, level: "no_data"});
    const last = spec.test_vectors.cases.filter((c) => c.day === "2026-10-30");
    expect(last.map((c) => [c.metric, c.level])).toEqual([
      ["rmse", "red"],
      ["mae", "red"],
      ["mean_shift", "red"],
      ["missing_rate", "red"],
      // Issue 22's prediction drift: the last window's mean prediction is well within 0.25 training SD of the training mean price.
      ["prediction_shift", "green"],
      ["latency_p95", "green"],
      ["volume", "green"],
      ["mispricing", "green"],
      ["alerts_per_day", "red"],
    ]);
    expect(last[0].value).toBeCloseTo(11.260744616955236, 10);
    // Still 12: the new rule is green on the last day, so it adds no alert.
    expect(last[8].value).toBe(12);
  });

  it("are made for every test input, each judged like the replay", async () => {
    for (const input of monitorInputs().slice(1)) {
      const t = await reportTables(input.dir, {cacheDir: freshCache(), threads: 1});
      expect(t.monitoringSpec.test_vectors.cases.length, input.name).toBeGreaterThanOrEqual(t.monitoringSpec.metrics.length);
    }
  });
});
