import {readFileSync} from "node:fs";
import {join} from "node:path";
import {Ajv2020} from "ajv/dist/2020.js";
import {beforeAll, describe, expect, it} from "vitest";
import {alertRecordSchema, judgeDay, severity, type JobResult, type MonitoringTable} from "../../loaders/monitoring/index.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {freshCache, writeDataFolder} from "../builders/engine.js";
import {root, runTs, seedData} from "../builders/helpers.js";
import {days, run, syntheticInputs} from "../builders/monitoring-inputs.js";
import {monitorInputs} from "../builders/monitoring-cases.js";

const schema = JSON.parse(readFileSync(join(root, "src/monitor-result.schema.json"), "utf8"));
const validate = new Ajv2020({allErrors: true, strict: true}).compile(schema);
const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ");

/** The CLI as cron runs it, on its own cache. */
function monitor(args: string[]) {
  return runTs("loaders/cli/monitor.ts", args, {REPORT_CACHE_DIR: freshCache()});
}

/** Five synthetic days of 40 rows whose every error is `error` (validation RMSE and MAE are 1: yellow past 1.15, red past 1.22). */
const folder = (error: number) => writeDataFolder(syntheticInputs(run("2026-05-01", days(5, {rows: 40, error}))));

describe("npm run monitor: exit status and output", () => {
  const cases = [
    {what: "a green day", dir: () => folder(1), day: "2026-05-05", status: 0, level: "green"},
    {what: "a yellow day (RMSE and MAE 18% over validation)", dir: () => folder(1.18), day: "2026-05-05", status: 1, level: "yellow"},
    {what: "a red day (30% over)", dir: () => folder(1.3), day: "2026-05-05", status: 2, level: "red"},
    {what: "a day whose window is too thin to judge", dir: () => folder(1), day: "2026-05-01", status: 3, level: "no_data"},
  ] as const;
  for (const c of cases) {
    it(`exits ${c.status} on ${c.what}, in text and in JSON valid against its schema`, () => {
      const dir = c.dir();
      const text = monitor(["--data", dir, "--day", c.day]);
      expect(text.stderr).toBe("");
      expect(text.status).toBe(c.status);
      expect(text.stdout.split("\n")[0]).toMatch(new RegExp(`^MONITOR (OK|WARNING|CRITICAL|UNKNOWN) \\(${c.level === "no_data" ? "cannot judge" : c.level}\\) - ${c.day}: `));
      const json = monitor(["--data", dir, "--day", c.day, "--format", "json"]);
      expect(json.status).toBe(c.status);
      const result: JobResult = JSON.parse(json.stdout);
      expect(validate(result), errors()).toBe(true);
      expect(result).toMatchObject({day: c.day, level: c.level, status: c.status});
      if (c.level === "no_data") {
        expect(result.reason).toMatch(/^cannot judge rmse \(40 rows in the 7-day window, fewer than 100\)/);
        // No feature has a value: no empty "worst of" line, the rule's no-data line says why.
        expect(text.stdout).not.toMatch(/worst of/);
        expect(text.stdout).toMatch(/^Feature mean shift: no data, 40 rows in the 7-day window, fewer than 100$/m);
      }
    });
  }

  it("defaults to the log's last day, and cannot judge a day after it (one line, exit 3, JSON still parseable)", () => {
    const dir = folder(1);
    const last = monitor(["--data", dir, "--format", "json"]);
    expect(JSON.parse(last.stdout).day).toBe("2026-05-05");
    const after = monitor(["--data", dir, "--day", "2026-05-06"]);
    expect(after).toMatchObject({status: 3, stdout: "", stderr: "error: no rows on 2026-05-06: the log ends on 2026-05-05\n"});
    const json = monitor(["--data", dir, "--day", "2026-05-06", "--format", "json"]);
    expect(json.status).toBe(3);
    const result = JSON.parse(json.stdout);
    expect(validate(result), errors()).toBe(true);
    expect(result).toMatchObject({day: "2026-05-06", level: "no_data", status: 3, log: null, metrics: []});
  });

  it("bad input: one line, no stack trace, exit 3", () => {
    const out = monitor(["--data", join(root, "no-such-folder")]);
    expect(out.status).toBe(3);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^error: .*no-such-folder: data folder not found\n$/);
  });

  it("--help prints usage on stdout and exits 0; a usage mistake is one line on stderr naming it, exit 3", () => {
    const help = monitor(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run --silent monitor -- --data DIR/);
    expect(help.stderr).toBe("");
    for (const [args, line] of [
      [["--data", "data", "--bogus"], "unknown option --bogus"],
      [["--data"], "--data needs a value"],
      [["--day", "2026-05-05"], "--data DIR is required"],
      [["--data", "data", "--day", "2026-02-30"], "--day 2026-02-30 is not a calendar day (YYYY-MM-DD)"],
      [["--data", "data", "--format", "xml"], "--format xml: expected text or json"],
    ] as const) {
      const out = monitor([...args]);
      expect(out.status, line).toBe(3);
      expect(out.stdout).toBe("");
      expect(out.stderr).toBe(`error: ${line} (npm run monitor -- --help shows the usage)\n`);
    }
  });

  it("the spec's alert record is the result schema's alert", () => {
    expect(schema.$defs.alert).toEqual(JSON.parse(JSON.stringify(alertRecordSchema)));
  });
});

describe("the daily job equals the replay on every day of every test input", () => {
  const inputs = monitorInputs();
  const tables = new Map<string, MonitoringTable>();
  beforeAll(async () => {
    for (const input of inputs) tables.set(input.name, (await reportTables(input.dir, {cacheDir: freshCache(), threads: 1})).monitoring);
  }, 120_000);

  for (const input of inputs) {
    it(input.name, () => {
      const table = tables.get(input.name);
      if (table === undefined) throw new Error(`no tables for ${input.name}`);
      const levels = new Set<string>();
      table.daily.forEach(({date}, i) => {
        const job = judgeDay(table, date);
        expect(validate(job), `${date}: ${errors()}`).toBe(true);
        const status = table.replay.status[i].metrics;
        expect(job.metrics.map((m) => [m.id, m.level, m.value, m.subject, m.threshold, m.subjects, m.alerting])).toEqual(status.map((s) => [s.metric, s.level, s.value, s.subject, s.threshold, s.subjects, s.alerting]));
        const fired = table.replay.log.filter((e) => e.date === date);
        expect(job.alerts).toEqual(fired);
        for (const m of job.metrics) {
          levels.add(m.level);
          if (m.features === null) continue;
          // The job's own judgement of each feature: its worst is the replay's, its yellows and reds the replay's alerts.
          expect(m.features[0]?.subject ?? null, `${date} ${m.id}`).toBe(m.value === null ? m.features[0]?.subject ?? null : m.subject);
          expect(m.features.filter((f) => f.level === "yellow" || f.level === "red").map((f) => [f.subject, f.level]).sort()).toEqual(fired.filter((e) => e.metric === m.id).map((e) => [e.subject, e.level]).sort());
        }
        const worst = job.metrics.reduce((w, m) => Math.max(w, severity(m.level)), 0);
        const expected = worst === 2 ? "red" : worst === 1 ? "yellow" : job.metrics.some((m) => m.level === "no_data") ? "no_data" : "green";
        expect(job.level, date).toBe(expected);
        expect(job.status).toBe({green: 0, yellow: 1, red: 2, no_data: 3}[expected]);
      });
      expect(levels.size, `${input.name} reaches more than one level`).toBeGreaterThan(1);
    });
  }

  it("the CLI prints the in-process result (the same code path), on the embedded data's last day", async () => {
    const table = tables.get("embedded data");
    if (table === undefined) throw new Error("no embedded tables");
    const out = monitor(["--data", seedData, "--day", "2026-10-30", "--format", "json"]);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(judgeDay(table, "2026-10-30"))));
    expect(out.status).toBe(2);
  });
});
