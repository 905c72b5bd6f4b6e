import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse, quantile} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import type {MonitoringTable} from "../../loaders/monitoring/index.js";
import {expectClose, runTs, seedData, tempDir, tablesDone} from "../builders/helpers.js";

// The daily figures of the CLI's monitoring.json, against a direct recomputation
// from its scores.csv and the production log: a second, independent path.
let monitoring: MonitoringTable;
let rows: {date: string; actual: number; error: number; latency: number; units: number; cells: Map<string, number>}[];

beforeAll(() => {
  const out = tempDir();
  const run = runTs("loaders/cli/tables.ts", ["--data", seedData, "--out", out]);
  expect(run.stderr).toMatch(tablesDone);
  expect(run.status).toBe(0);
  monitoring = JSON.parse(readFileSync(join(out, "monitoring.json"), "utf8"));
  const scores = csvParse(readFileSync(join(out, "scores.csv"), "utf8"));
  const csv = readdirSync(seedData).find((f) => f.endsWith(".csv"))!;
  const log = csvParse(readFileSync(join(seedData, csv), "utf8"));
  expect(scores.length).toBe(log.length);
  const watched = monitoring.monitored.features.map((f) => f.feature);
  // scores.csv is in input order, so row i of both files is the same prediction.
  rows = scores.map((s, i) => ({
    date: s.date!,
    actual: Number(s.actual_price),
    error: Number(s.error),
    latency: log[i].latency_ms === "" || log[i].latency_ms === "NA" ? NaN : Number(log[i].latency_ms),
    units: log[i].units_sold === "" || log[i].units_sold === "NA" ? NaN : Number(log[i].units_sold),
    cells: new Map(watched.map((f) => [f, log[i][f] === "" || log[i][f] === "NA" ? NaN : Number(log[i][f])])),
  }));
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const rmse = (e: number[]) => Math.sqrt(sum(e.map((x) => x * x)) / e.length);
const mae = (e: number[]) => sum(e.map(Math.abs)) / e.length;
const dayMs = 86_400_000;
const inWindow = (date: string, end: string, days: number) => {
  const t = Date.parse(date);
  const e = Date.parse(end);
  return t <= e && t > e - days * dayMs;
};

describe("monitoring.json's daily series agrees with a recomputation from scores.csv", () => {
  it("covers every calendar day from the first date to the last", () => {
    const dates = [...new Set(rows.map((r) => r.date))].sort();
    expect(monitoring.daily[0].date).toBe(dates[0]);
    expect(monitoring.daily.at(-1)!.date).toBe(dates.at(-1));
    const span = (Date.parse(dates.at(-1)!) - Date.parse(dates[0])) / dayMs + 1;
    expect(monitoring.daily.length).toBe(span);
    expect(sum(monitoring.daily.map((d) => d.n))).toBe(rows.length);
  });

  it("per day: n, RMSE, MAE, bias", () => {
    for (const d of monitoring.daily) {
      const e = rows.filter((r) => r.date === d.date).map((r) => r.error);
      expect(d.n, d.date).toBe(e.length);
      if (e.length === 0) continue;
      expectClose(d.rmse, rmse(e));
      expectClose(d.mae, mae(e));
      expectClose(d.bias, sum(e) / e.length);
    }
  });

  it("trailing window: pooled RMSE and MAE, null below the minimum rows", () => {
    const {window_days: w, min_window_rows: min} = monitoring.settings;
    let judged = 0;
    for (const d of monitoring.daily) {
      const e = rows.filter((r) => inWindow(r.date, d.date, w)).map((r) => r.error);
      expect(d.window_n, d.date).toBe(e.length);
      if (e.length < min) {
        expect(d.rmse_trailing, d.date).toBeNull();
        expect(d.mae_trailing, d.date).toBeNull();
      } else {
        ++judged;
        expectClose(d.rmse_trailing, rmse(e));
        expectClose(d.mae_trailing, mae(e));
      }
    }
    expect(judged).toBeGreaterThan(0);
  });

  it("latency p50 and p95 per day (R type 7)", () => {
    expect(monitoring.has_latency).toBe(true);
    for (const d of monitoring.daily) {
      const ms = rows.filter((r) => r.date === d.date && !Number.isNaN(r.latency)).map((r) => r.latency);
      if (ms.length === 0) {
        expect(d.latency_p95).toBeNull();
        continue;
      }
      expectClose(d.latency_p50, quantile(ms, 0.5)!);
      expectClose(d.latency_p95, quantile(ms, 0.95)!);
    }
  });

  it("business impact per day and in total: left on the table, at risk, revenue", () => {
    expect(monitoring.has_units).toBe(true);
    for (const d of monitoring.daily) {
      const day = rows.filter((r) => r.date === d.date && !Number.isNaN(r.units));
      expectClose(d.underpriced_usd, sum(day.map((r) => r.units * Math.max(r.error, 0))));
      expectClose(d.overpriced_usd, sum(day.map((r) => r.units * Math.max(-r.error, 0))));
      expectClose(d.revenue_usd, sum(day.map((r) => r.units * r.actual)));
    }
    const all = rows.filter((r) => !Number.isNaN(r.units));
    const under = sum(all.map((r) => r.units * Math.max(r.error, 0)));
    const over = sum(all.map((r) => r.units * Math.max(-r.error, 0)));
    const revenue = sum(all.map((r) => r.units * r.actual));
    const t = monitoring.impact.totals!;
    expectClose(t.underpriced_usd, under);
    expectClose(t.overpriced_usd, over);
    expectClose(t.mispricing_pct, ((under + over) / revenue) * 100);
  });

  it("missing rates and mean shifts of the monitored features over the trailing window", () => {
    const {window_days: w, min_window_rows: min} = monitoring.settings;
    for (const d of monitoring.daily) {
      const window = rows.filter((r) => inWindow(r.date, d.date, w));
      for (const f of monitoring.monitored.features) {
        const got = d.features_trailing.find((x) => x.feature === f.feature)!;
        if (window.length < min) {
          expect(got.missing_pct).toBeNull();
          expect(got.mean_shift_pct).toBeNull();
          continue;
        }
        const values = window.map((r) => r.cells.get(f.feature)!);
        const present = values.filter((v) => !Number.isNaN(v));
        expectClose(got.missing_pct, ((values.length - present.length) / values.length) * 100);
        expectClose(got.mean_shift_pct, ((sum(present) / present.length - f.train_mean) / f.train_mean) * 100);
      }
    }
  });

  it("every alert in the log carries the value its day's series holds", () => {
    const byDate = new Map(monitoring.daily.map((d) => [d.date, d]));
    const counts = monitoring.replay.alerts_per_day;
    for (const e of monitoring.replay.log) {
      const d = byDate.get(e.date)!;
      const expected =
        e.metric === "rmse" ? d.rmse_trailing
        : e.metric === "mae" ? d.mae_trailing
        : e.metric === "latency_p95" ? d.latency_p95
        : e.metric === "volume" ? d.volume_pct
        : e.metric === "mispricing" ? d.mispricing_trailing_pct
        : e.metric === "mean_shift" ? d.features_trailing.find((f) => f.feature === e.subject)!.mean_shift_pct
        : e.metric === "missing_rate" ? d.features_trailing.find((f) => f.feature === e.subject)!.missing_pct
        : counts.find((c) => c.date === e.date)!.total;
      expect(e.value, `${e.date} ${e.metric} ${e.subject}`).toBe(expected);
    }
  });
});
