import {spawnSync} from "node:child_process";
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {csvParseRows} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import {judgeDay, type DayFigures} from "../../loaders/monitoring/index.js";
import {reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {awaitingLabelsNote} from "../../src/components/overview.js";
import {freshCache} from "../builders/engine.js";
import {dataCopy, root, runTs, seedData, tempDir} from "../builders/helpers.js";
import {awaitingRows, blankedFolder, lateColumn, lateCsvName, lateDays, logRows, removedFolder} from "../builders/late-labels.js";
import {parquetWriter} from "../builders/parquet.js";
import {expectSameFigures} from "../builders/same-figures.js";

// Issue 22, late labels: the embedded log with its last three days' actual
// prices not yet arrived (empty or NA), against the same log without those
// rows (accuracy must not move) and the full log (label-free figures must
// not move); the same with a heavy feature shifted on those days (prediction
// drift must fire); and prediction drift against R's own computation.

const csvName = lateCsvName;
const lastDays = lateDays;
const awaiting = awaitingRows;

const tablesOf = (dir: string) => reportTables(dir, {cacheDir: freshCache(), threads: 1});
const dirs = {blanked: "", removed: "", shifted: "", parquet: ""};
let full: Tables;
let blank: Tables;
let removed: Tables;
let shifted: Tables;
let heavy = "";

beforeAll(async () => {
  full = await tablesOf(seedData);
  // The heaviest feature by |β|·training SD, moved so each shifted row's prediction rises by one training SD of the price.
  heavy = full.importance[0].feature;
  const j = full.inputs.model.features.indexOf(heavy);
  const target = full.inputs.stats.target;
  if (target === null) throw new Error("the embedded statistics have a target");
  dirs.blanked = blankedFolder();
  dirs.removed = removedFolder();
  dirs.shifted = blankedFolder({column: lateColumn(heavy), add: target.sd / full.inputs.model.coefficients[j]});
  blank = await tablesOf(dirs.blanked);
  removed = await tablesOf(dirs.removed);
  shifted = await tablesOf(dirs.shifted);
}, 120_000);

const last = (t: Tables): DayFigures => {
  const d = t.monitoring.daily.at(-1);
  if (d === undefined) throw new Error("no days");
  return d;
};

describe("a log whose last three days have no actual prices yet", () => {
  it("builds every table, and says how many rows await labels", () => {
    expect(awaiting).toBeGreaterThan(30);
    const mon = blank.monitoring;
    expect(mon.daily.reduce((sum, d) => sum + d.n - d.labelled, 0)).toBe(awaiting);
    expect(mon.daily.filter((d) => d.n > 0 && d.labelled === 0).map((d) => d.date)).toEqual(lastDays);
    expect(awaitingLabelsNote(mon)).toBe(` ${awaiting} rows await their actual price (on 3 days, ${lastDays[0]} to ${lastDays[2]}): scored and counted for volume, missing values and drift, but not for accuracy until the labels arrive.`);
    expect(awaitingLabelsNote(full.monitoring)).toBe("");
    expect(blank.performance.n).toBe(logRows - awaiting);
  });

  it("gives exactly the accuracy figures of the log without those rows", () => {
    expect(blank.performance).toEqual(removed.performance);
    expect(blank.performanceDetail).toEqual(removed.performanceDetail);
    expect(blank.risk.fallback).toEqual(removed.risk.fallback);
    expect(blank.driftReport.missingness.by_feature_error).toEqual(removed.driftReport.missingness.by_feature_error);
    expect(blank.driftReport.label_drift.target.drift).toEqual(removed.driftReport.label_drift.target.drift);
    // The labelled days' own accuracy, day by day.
    const byDate = new Map(removed.monitoring.daily.map((d) => [d.date, d]));
    for (const d of blank.monitoring.daily) {
      const r = byDate.get(d.date);
      if (r === undefined) continue;
      expect([d.rmse, d.mae, d.bias, d.rmse_trailing, d.mae_trailing, d.mispricing_trailing_pct], d.date).toEqual([r.rmse, r.mae, r.bias, r.rmse_trailing, r.mae_trailing, r.mispricing_trailing_pct]);
    }
  });

  it("measures what the Drift page's prediction drift measures: each day's value is its daily mean_shift_sd", () => {
    for (const t of [full, blank, shifted]) {
      const drift = new Map(t.driftReport.label_drift.prediction.daily.map((d) => [d.date, d.mean_shift_sd]));
      for (const d of t.monitoring.daily) {
        const expected = drift.get(d.date) ?? null;
        if (expected === null || d.prediction_shift_sd === null) expect(d.prediction_shift_sd).toBe(expected);
        else expect(Math.abs(d.prediction_shift_sd - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      }
    }
  });

  it("gives exactly the label-free figures of the full log: every row counts", () => {
    expect(blank.drift).toEqual(full.drift);
    expect(blank.driftReport.label_drift.prediction).toEqual(full.driftReport.label_drift.prediction);
    expect(blank.driftReport.label_drift.segment_mix).toEqual(full.driftReport.label_drift.segment_mix);
    const labelFree = (d: DayFigures) => [d.n, d.window_n, d.missing_all_pct, d.missing_max_trailing_pct, d.mean_shift_max_trailing_pct, d.prediction_shift_sd, d.prediction_shift_trailing_sd, d.volume_pct, d.latency_p95, d.features_trailing];
    expect(blank.monitoring.daily.map(labelFree)).toEqual(full.monitoring.daily.map(labelFree));
  });

  it("reads no labels yet for RMSE, MAE and mispricing on those days, in the replay and the daily job", () => {
    for (const day of lastDays) {
      const job = judgeDay(blank.monitoring, day);
      for (const id of ["rmse", "mae", "mispricing"] as const) {
        const m = job.metrics.find((x) => x.id === id);
        expect(m, `${day} ${id}`).toMatchObject({level: "no_data", value: null});
        expect(m?.reason, `${day} ${id}`).toMatch(/^no labels yet: none of the day's \d+ rows has its actual_price$/);
      }
      // The label-free rules still judge the day.
      for (const id of ["prediction_shift", "missing_rate", "mean_shift", "volume", "latency_p95"] as const) expect(job.metrics.find((x) => x.id === id)?.level, `${day} ${id}`).not.toBe("no_data");
    }
    const cli = runTs("loaders/cli/monitor.ts", ["--data", dirs.blanked, "--format", "json"], {REPORT_CACHE_DIR: freshCache()});
    const result = JSON.parse(cli.stdout) as {day: string; metrics: {id: string; level: string; reason: string | null}[]};
    expect(result.day).toBe(lastDays[2]);
    expect(result.metrics.filter((m) => m.id === "rmse" || m.id === "mae").map((m) => [m.level, m.reason])).toEqual([
      ["no_data", `no labels yet: none of the day's ${last(blank).n} rows has its actual_price`],
      ["no_data", `no labels yet: none of the day's ${last(blank).n} rows has its actual_price`],
    ]);
    const text = runTs("loaders/cli/monitor.ts", ["--data", dirs.blanked], {REPORT_CACHE_DIR: freshCache()});
    expect(text.stdout).toMatch(/no labels yet/);
  });

  it("still fires prediction drift on the days the heavy feature shifted, and not without the shift", () => {
    const moved = judgeDay(shifted.monitoring, lastDays[2]).metrics.find((m) => m.id === "prediction_shift");
    expect(["yellow", "red"]).toContain(moved?.level);
    expect(judgeDay(blank.monitoring, lastDays[2]).metrics.find((m) => m.id === "prediction_shift")?.level).toBe("green");
    expect(shifted.monitoring.replay.log.some((e) => e.metric === "prediction_shift" && e.date === lastDays[2])).toBe(true);
    // Shifting a feature moves no labelled row's error: the accuracy tables are those of the unshifted log.
    expect(shifted.performance).toEqual(blank.performance);
  });

  it("writes scores.csv with the label, the error and |error| empty for those rows", () => {
    const out = tempDir();
    const run = runTs("loaders/cli/tables.ts", ["--data", dirs.blanked, "--out", out], {REPORT_CACHE_DIR: freshCache()});
    expect(run.status, run.stderr).toBe(0);
    const [h, ...rows] = csvParseRows(readFileSync(join(out, "scores.csv"), "utf8"));
    const at = (name: string) => h.indexOf(name);
    const waiting = rows.filter((r) => lastDays.includes(r[at("date")]));
    expect(waiting).toHaveLength(awaiting);
    for (const r of waiting) expect([r[at("actual_price")], r[at("error")], r[at("abs_error")]]).toEqual(["", "", ""]);
    for (const r of waiting) expect(Number.isFinite(Number(r[at("prediction")]))).toBe(true);
  });

  it("reads Parquet nulls as the CSV's empty or NA prices: the same figures", async () => {
    // From the full log (the blanked CSV's NA would make DuckDB read the column as text): nulls on the last three days.
    const duck = await parquetWriter(join(seedData, csvName));
    try {
      dirs.parquet = dataCopy((dir) => rmSync(join(dir, csvName)));
      const days = lastDays.map((d) => `DATE '${d}'`).join(", ");
      await duck.write(join(dirs.parquet, "production_simulation.parquet"), `SELECT * REPLACE (CASE WHEN date IN (${days}) THEN NULL ELSE actual_price END AS actual_price) FROM log`);
    } finally {
      duck.close();
    }
    const fromParquet = await tablesOf(dirs.parquet);
    for (const key of ["performance", "performanceDetail", "drift", "monitoring"] as const) expectSameFigures(fromParquet[key], blank[key], 1e-9, key);
  });
});

/** The Rscript binary, or null when R is not installed. */
function rscript(): string | null {
  const found = spawnSync("sh", ["-c", "command -v Rscript"], {encoding: "utf8"});
  return found.status === 0 && found.stdout.trim() !== "" ? found.stdout.trim() : null;
}

interface ReferenceDay {
  date: string;
  n: number;
  labelled: number;
  window_n: number;
  prediction_shift: number | null;
  rmse: number | null;
}

/**
 * The reference figures of each calendar day: R's (glmnet's predict, its own
 * windows) when R is installed; else the same definition in plain code over
 * the rows of scores.csv the engine scored (independent of the day sums and
 * the replay, not of the scoring).
 */
function reference(dir: string, tables: Tables): ReferenceDay[] {
  const r = rscript();
  if (r !== null) {
    const run = spawnSync(r, [join(root, "test/fixtures/monitoring/prediction-shift.R"), dir, csvName], {encoding: "utf8", cwd: root});
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as ReferenceDay[];
  }
  const target = tables.inputs.stats.target;
  if (target === null) throw new Error("no target");
  const rows = tables.inputs.log.kept;
  const dates = Array.from(rows.date.codes, (c) => rows.date.values[c]);
  return tables.monitoring.daily.map((d): ReferenceDay => {
    const t = Date.parse(d.date);
    const inside = (date: string) => t - Date.parse(date) >= 0 && t - Date.parse(date) < 7 * 86_400_000;
    let n = 0;
    let sum = 0;
    let labelled = 0;
    let sse = 0;
    let today = 0;
    let todayLabelled = 0;
    for (let i = 0; i < rows.n; ++i) {
      if (dates[i] === d.date) {
        ++today;
        if (!Number.isNaN(rows.actual[i])) ++todayLabelled;
      }
      if (!inside(dates[i])) continue;
      ++n;
      sum += rows.prediction[i];
      if (Number.isNaN(rows.actual[i])) continue;
      ++labelled;
      sse += (rows.actual[i] - rows.prediction[i]) ** 2;
    }
    const labelsToday = today === 0 || todayLabelled > 0;
    return {date: d.date, n: today, labelled: todayLabelled, window_n: n, prediction_shift: n >= 100 ? (sum / n - target.mean) / target.sd : null, rmse: labelled >= 100 && labelsToday ? Math.sqrt(sse / labelled) : null};
  });
}

function closeTo(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe(`prediction drift and the labelled RMSE against an independent computation (${rscript() === null ? "plain code: R is not installed" : "R's glmnet"}), to 1e-9`, () => {
  const cases = [
    {name: "the embedded data", dir: () => seedData, tables: () => full},
    {name: "the last three days unlabelled", dir: () => dirs.blanked, tables: () => blank},
    {name: "unlabelled and shifted", dir: () => dirs.shifted, tables: () => shifted},
  ];
  it.each(cases)("$name", ({dir, tables}) => {
    const t = tables();
    const ref = reference(dir(), t);
    expect(ref.map((d) => d.date)).toEqual(t.monitoring.daily.map((d) => d.date));
    const problems: string[] = [];
    ref.forEach((r, i) => {
      const d = t.monitoring.daily[i];
      if (r.n !== d.n || r.labelled !== d.labelled || r.window_n !== d.window_n) problems.push(`${r.date}: counts ${[r.n, r.labelled, r.window_n]} vs ${[d.n, d.labelled, d.window_n]}`);
      if (!closeTo(d.prediction_shift_trailing_sd, r.prediction_shift)) problems.push(`${r.date}: prediction_shift ${d.prediction_shift_trailing_sd} vs ${r.prediction_shift}`);
      if (!closeTo(d.rmse_trailing, r.rmse)) problems.push(`${r.date}: rmse ${d.rmse_trailing} vs ${r.rmse}`);
    });
    expect(problems).toEqual([]);
  });
});
