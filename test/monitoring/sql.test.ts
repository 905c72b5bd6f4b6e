import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {judgeDay, levelOf, type MonitoringSpec, type MonitoringTable} from "../../loaders/monitoring/index.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {freshCache} from "../builders/engine.js";
import {monitorInputs} from "../builders/monitoring-cases.js";
import {postgresBin} from "../builders/postgres.js";
import {duckdbEngine, postgresEngine, type SqlEngine, type SqlRow} from "../builders/sql-engines.js";

// The spec's SQL, run on DuckDB and on a throwaway PostgreSQL cluster for
// every day of every test input, against the replay (the daily job's figures).
const tmp = mkdtempSync(join(tmpdir(), "monitor-sql-"));
const engines: SqlEngine[] = [];
let postgresMissing: string | null = null;

beforeAll(async () => {
  engines.push(await duckdbEngine(tmp));
  const pg = await postgresEngine();
  if (typeof pg === "string") postgresMissing = pg;
  else engines.push(pg);
}, 120_000);

afterAll(async () => {
  for (const e of engines) await e.close();
  rmSync(tmp, {recursive: true, force: true});
});

/** Equal to 1e-9 relative (absolute below 1), or both without a value. */
function close(actual: number | null, expected: number | null): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

async function walk(engine: SqlEngine, spec: MonitoringSpec, monitoring: MonitoringTable): Promise<{queries: number; problems: string[]}> {
  const problems: string[] = [];
  let queries = 0;
  const rules = new Map(monitoring.rules.map((r) => [r.id, r]));
  for (const {date} of monitoring.daily) {
    const job = judgeDay(monitoring, date);
    for (const metric of spec.metrics) {
      const expected = job.metrics.find((m) => m.id === metric.id);
      const rule = rules.get(metric.id);
      if (expected === undefined || rule === undefined) throw new Error(`no rule ${metric.id}`);
      const rows: SqlRow[] = await engine.metric(metric.sql, date);
      ++queries;
      const at = `${engine.name} ${date} ${metric.id}`;
      const want = expected.features ?? [{subject: null, value: expected.value, level: expected.level}];
      if (rows.length !== want.length) problems.push(`${at}: ${rows.length} rows, expected ${want.length}`);
      for (const w of want) {
        const got = rows.find((r) => r.subject === w.subject);
        if (got === undefined) {
          problems.push(`${at} ${w.subject}: no row`);
          continue;
        }
        if (!close(got.value, w.value)) problems.push(`${at} ${w.subject}: value ${got.value}, replay ${w.value}`);
        // Levels exactly, ties at a line included: the SQL's figure judged by the spec's thresholds.
        if (levelOf(got.value, rule.thresholds) !== w.level) problems.push(`${at} ${w.subject}: level ${levelOf(got.value, rule.thresholds)}, replay ${w.level}`);
        if (got.n !== expected.n) problems.push(`${at} ${w.subject}: n ${got.n}, job ${expected.n}`);
      }
    }
  }
  return {queries, problems};
}

describe("the spec's SQL on DuckDB and PostgreSQL equals the replay on every day", () => {
  // Known when the suite is collected, so a missing PostgreSQL shows as a skipped test that says why.
  if (postgresBin() === null) it.skip("on PostgreSQL: skipped, its server binaries were not found (apt-get install postgresql, or PG_BIN=<folder of initdb>)", () => {});

  it("runs on both engines where PostgreSQL is installed", () => {
    expect(engines.map((e) => e.name)).toEqual(postgresBin() === null ? ["DuckDB"] : ["DuckDB", "PostgreSQL"]);
  });

  for (const input of monitorInputs()) {
    it(input.name, async () => {
      const tables = await reportTables(input.dir, {cacheDir: freshCache(), threads: 1});
      const spec = tables.monitoringSpec;
      expect(engines.length, postgresMissing ?? "").toBeGreaterThan(0);
      for (const engine of engines) {
        await engine.reset();
        await engine.load(input.dir, spec);
        const {queries, problems} = await walk(engine, spec, tables.monitoring);
        expect(problems.slice(0, 20)).toEqual([]);
        expect(queries).toBe(tables.monitoring.daily.length * spec.metrics.length);
      }
    }, 300_000);
  }
});
