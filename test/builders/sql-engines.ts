import {readFileSync, writeFileSync} from "node:fs";
import {DATE, DuckDBInstance, dateValue, type DuckDBConnection} from "@duckdb/node-api";
import {csvParseRows} from "d3";
import {findInputFiles} from "../../loaders/inputs/index.js";
import type {MonitoringSpec} from "../../loaders/monitoring/index.js";
import {csvField} from "../../loaders/shared/index.js";
import {postgresBin, startPostgres, type PostgresCluster} from "./postgres.js";

/** One row of a metric query's result. */
export interface SqlRow {
  subject: string | null;
  value: number | null;
  n: number;
}

/** An SQL engine holding one data folder's log as `production_log`, and `predictions` as the spec's view. */
export interface SqlEngine {
  name: "DuckDB" | "PostgreSQL";
  /** Runs one of the spec's metric queries for `day`, binding $day the engine's way. */
  metric: (sql: string, day: string) => Promise<SqlRow[]>;
  /** Drops the tables, for the next data folder. */
  reset: () => Promise<void>;
  load: (dataDir: string, spec: MonitoringSpec) => Promise<void>;
  close: () => Promise<void>;
}

/** The CSV the engines COPY: the log's own header and cells, NA (the R spelling of missing) as an empty cell, i.e. NULL. */
function copyableCsv(text: string, numeric: ReadonlySet<string>): {header: string[]; csv: string} {
  const [header, ...rows] = csvParseRows(text);
  const isNumeric = header.map((name) => numeric.has(name));
  const lines = [header.map(csvField).join(",")];
  for (const row of rows) lines.push(row.map((cell, c) => (isNumeric[c] && (cell === "NA" || cell === "") ? "" : csvField(cell))).join(","));
  return {header, csv: lines.join("\n") + "\n"};
}

/**
 * The table DDL: the spec's columns with their types (optional ones too, so
 * a log without units_sold or latency_ms gets them as NULL columns, as the
 * spec says), then the log's other columns as text.
 */
function createTable(spec: MonitoringSpec, header: readonly string[]): string {
  const known = new Map(spec.sql.production_log.columns.map((c) => [c.name, c.type]));
  const columns = [...spec.sql.production_log.columns.map((c) => `${quote(c.name)} ${c.type}`), ...header.filter((h) => !known.has(h)).map((h) => `${quote(h)} VARCHAR`)];
  return `CREATE TABLE production_log (${columns.join(", ")})`;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Each production file of the folder, made COPY-ready, with its header. */
function logFiles(dataDir: string, spec: MonitoringSpec): {header: string[]; csv: string}[] {
  const numeric = new Set(spec.sql.production_log.columns.filter((c) => c.type === "DOUBLE PRECISION").map((c) => c.name));
  return findInputFiles(dataDir).productions.map((f) => copyableCsv(readFileSync(f.path, "utf8"), numeric));
}

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : typeof v === "bigint" ? Number(v) : Number(v));

function sqlRow(r: Record<string, unknown>): SqlRow {
  const n = toNumber(r.n);
  if (n === null) throw new Error("a metric query returned a row without n");
  return {subject: r.subject === null || r.subject === undefined ? null : String(r.subject), value: toNumber(r.value), n};
}

export async function duckdbEngine(tmp: string): Promise<SqlEngine> {
  const db = await DuckDBInstance.create(":memory:");
  const c: DuckDBConnection = await db.connect();
  let files = 0;
  return {
    name: "DuckDB",
    async metric(sql, day) {
      // $day bound as it is written: a named DATE parameter.
      const result = await c.runAndReadAll(sql, {day: dateValue(Date.parse(`${day}T00:00:00Z`) / 86_400_000)}, {day: DATE});
      return result.getRowObjectsJS().map((r) => sqlRow(r));
    },
    async reset() {
      await c.run("DROP VIEW IF EXISTS predictions");
      await c.run("DROP TABLE IF EXISTS production_log");
    },
    async load(dataDir, spec) {
      const parts = logFiles(dataDir, spec);
      await c.run(createTable(spec, parts[0].header));
      for (const part of parts) {
        const path = `${tmp}/duck-${++files}.csv`;
        writeFileSync(path, part.csv);
        await c.run(`COPY production_log (${part.header.map(quote).join(", ")}) FROM '${path}' (FORMAT csv, HEADER true)`);
      }
      await c.run(`CREATE VIEW predictions AS ${spec.sql.scoring}`);
    },
    async close() {
      c.closeSync();
      db.closeSync();
    },
  };
}

/** PostgreSQL on a throwaway cluster, or null (with the reason) when its binaries are absent. */
export async function postgresEngine(): Promise<SqlEngine | string> {
  const bin = postgresBin();
  if (bin === null) return "PostgreSQL's server binaries were not found (apt-get install postgresql, or set PG_BIN to the folder holding initdb and pg_ctl)";
  const cluster: PostgresCluster = await startPostgres(bin);
  const q = cluster.client;
  let files = 0;
  return {
    name: "PostgreSQL",
    async metric(sql, day) {
      // The pg client takes positional parameters: $day becomes $1 here, and only here.
      const result = await q.query(sql.replaceAll("$day", "$1"), [day]);
      return result.rows.map((r: Record<string, unknown>) => sqlRow(r));
    },
    async reset() {
      await q.query("DROP VIEW IF EXISTS predictions");
      await q.query("DROP TABLE IF EXISTS production_log");
    },
    async load(dataDir, spec) {
      const parts = logFiles(dataDir, spec);
      await q.query(createTable(spec, parts[0].header));
      for (const part of parts) {
        const path = cluster.serverFile(`log-${++files}.csv`, part.csv);
        await q.query(`COPY production_log (${part.header.map(quote).join(", ")}) FROM '${path}' WITH (FORMAT csv, HEADER true)`);
      }
      await q.query(`CREATE VIEW predictions AS ${spec.sql.scoring}`);
    },
    close: () => cluster.stop(),
  };
}
