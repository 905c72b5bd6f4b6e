import {describe, expect, it} from "vitest";
import {checkThresholds, levelOf, type Thresholds} from "../../loaders/monitoring/alerts.js";
import {replay, type DayObservations, type ReplayRule} from "../../loaders/monitoring/replay.js";

const above: Thresholds = {direction: "above", yellow: 9, red: 10};
const below: Thresholds = {direction: "below", yellow: 50, red: 25};
const either: Thresholds = {direction: "abs_above", yellow: 25, red: 50};

describe("levelOf", () => {
  it("judges each direction strictly past the line", () => {
    expect([8, 9, 9.5, 10, 10.5].map((v) => levelOf(v, above))).toEqual(["green", "green", "yellow", "yellow", "red"]);
    expect([60, 50, 40, 25, 10].map((v) => levelOf(v, below))).toEqual(["green", "green", "yellow", "yellow", "red"]);
    expect([-60, -30, -25, 0, 30, 51].map((v) => levelOf(v, either))).toEqual(["red", "yellow", "green", "green", "yellow", "red"]);
  });

  it("has no level without a value", () => {
    expect(levelOf(null, above)).toBe("no_data");
  });

  it("rejects thresholds whose red line comes before the yellow one", () => {
    expect(() => checkThresholds("x", {direction: "above", yellow: 10, red: 9})).toThrow(/yellow \(10\) must come before red \(9\)/);
    expect(() => checkThresholds("x", {direction: "below", yellow: 25, red: 50})).toThrow(/going down/);
    expect(checkThresholds("x", below)).toBe(below);
  });
});

// Five days crossing every line in both directions: an "above" metric
// (rmse), a "below" one (volume), a per-feature "either side" one (mean_shift),
// and the alert-frequency rule over them.
const rules: ReplayRule[] = [
  {metric: "rmse", thresholds: above},
  {metric: "volume", thresholds: below},
  {metric: "mean_shift", thresholds: either},
  {metric: "alerts_per_day", thresholds: {direction: "above", yellow: 1, red: 2}},
];
const day = (date: string, rmse: number | null, volume: number | null, a: number | null, b: number | null): DayObservations => ({
  date,
  observations: [
    {metric: "rmse", subject: null, value: rmse},
    {metric: "volume", subject: null, value: volume},
    {metric: "mean_shift", subject: "a", value: a},
    {metric: "mean_shift", subject: "b", value: b},
  ],
});
const series = [
  day("2026-01-01", 8, 100, 10, -20), // all green
  day("2026-01-02", 9.5, 40, 30, -26), // four yellows: the frequency rule goes red (> 2)
  day("2026-01-03", 10, 25, -60, null), // on the lines (still yellow); a turns red; b has no data
  day("2026-01-04", 12, 10, 0, 55), // rmse and volume red; b red after a day without data
  day("2026-01-05", null, 60, 1, 2), // rmse without data; everything else green
];

describe("replay", () => {
  const r = replay(rules, series);

  it("logs every yellow and red with its value, threshold and whether it is new", () => {
    const brief = r.log.map((e) => [e.date.slice(8), e.metric, e.subject, e.level, e.value, e.threshold, e.new]);
    expect(brief).toEqual([
      ["02", "rmse", null, "yellow", 9.5, 9, true],
      ["02", "volume", null, "yellow", 40, 50, true],
      ["02", "mean_shift", "a", "yellow", 30, 25, true],
      ["02", "mean_shift", "b", "yellow", -26, 25, true],
      ["02", "alerts_per_day", null, "red", 4, 2, true],
      ["03", "rmse", null, "yellow", 10, 9, false],
      ["03", "volume", null, "yellow", 25, 50, false],
      ["03", "mean_shift", "a", "red", -60, 50, true],
      ["03", "alerts_per_day", null, "red", 3, 2, false],
      ["04", "rmse", null, "red", 12, 10, true],
      ["04", "volume", null, "red", 10, 25, true],
      ["04", "mean_shift", "b", "red", 55, 50, true],
      ["04", "alerts_per_day", null, "red", 3, 2, false],
    ]);
    expect(r.log.every((e) => e.day === Number(e.date.slice(8)))).toBe(true);
  });

  it("counts alerts per day, without the frequency rule's own", () => {
    expect(r.alerts_per_day.map((d) => [d.yellow, d.red, d.total, d.new])).toEqual([
      [0, 0, 0, 0],
      [4, 0, 4, 4],
      [2, 1, 3, 1],
      [0, 3, 3, 3],
      [0, 0, 0, 0],
    ]);
  });

  it("finds the first yellow and the first red, with the metrics that fired", () => {
    expect(r.first_yellow).toEqual({date: "2026-01-02", day: 2, metrics: ["rmse", "volume", "mean_shift", "alerts_per_day"]});
    expect(r.first_red).toEqual({date: "2026-01-02", day: 2, metrics: ["alerts_per_day"]});
    expect(r.red_days).toBe(3);
  });

  it("summarises each metric: days at each level, days without data, first dates", () => {
    const m = Object.fromEntries(r.by_metric.map((x) => [x.metric, x]));
    expect(m.rmse).toEqual({metric: "rmse", yellow_days: 2, red_days: 1, no_data_days: 1, first_yellow: "2026-01-02", first_red: "2026-01-04"});
    expect(m.volume).toMatchObject({yellow_days: 2, red_days: 1, no_data_days: 0, first_red: "2026-01-04"});
    // Day 3: a red, b yellow → counts once, as red.
    expect(m.mean_shift).toMatchObject({yellow_days: 1, red_days: 2, first_yellow: "2026-01-02", first_red: "2026-01-03"});
  });

  it("reports each day's status per metric as its worst subject", () => {
    const shift = r.status[2].metrics.find((s) => s.metric === "mean_shift")!;
    expect(shift).toMatchObject({level: "red", value: -60, subject: "a", threshold: 50, subjects: 1, alerting: 1});
    const rmse = r.status[4].metrics.find((s) => s.metric === "rmse")!;
    expect(rmse).toMatchObject({level: "no_data", value: null});
    const calm = r.status[0].metrics.find((s) => s.metric === "mean_shift")!;
    expect(calm).toMatchObject({level: "green", subject: "b", value: -20, threshold: 25, subjects: 2, alerting: 0});
  });

  it("without an alert-frequency rule, the counts stay and nothing judges them", () => {
    const plain = replay(rules.slice(0, 3), series);
    expect(plain.log.some((e) => e.metric === "alerts_per_day")).toBe(false);
    expect(plain.alerts_per_day.map((d) => d.total)).toEqual([0, 4, 3, 3, 0]);
    expect(plain.first_red?.date).toBe("2026-01-03");
  });

  it("a quiet series raises nothing", () => {
    const quiet = replay(rules, [day("2026-01-01", 8, 100, 0, 0), day("2026-01-02", 8.5, 90, 5, -5)]);
    expect(quiet.log).toEqual([]);
    expect(quiet.first_yellow).toBeNull();
    expect(quiet.first_red).toBeNull();
  });

  it("refuses observations no rule judges, and observed alert counts", () => {
    expect(() => replay(rules.slice(1), series)).toThrow(/no alert rule for metric rmse/);
    expect(() => replay(rules, [{date: "2026-01-01", observations: [{metric: "alerts_per_day", subject: null, value: 3}]}])).toThrow(/computed by the replay/);
  });
});
