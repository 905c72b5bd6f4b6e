import {toJson} from "./json.js";
import type {PassTables, Tables} from "./tables.js";

/**
 * One output file of the report: a slice of the tables. `cli` files are
 * written by the tables CLI too (they need only what the streaming path gives);
 * `indent` files are indented on the site because people read them there.
 */
export type TableOutput = {slice: (tables: PassTables) => unknown; cli: true; indent?: number} | {slice: (tables: Tables) => unknown; cli: false; indent?: number};

/**
 * Every table file of the report, by name (`<name>.json`): the one list the
 * tables CLI, the site build and the site's data loader (src/data/[name].json.ts)
 * all read, so a table cannot be added to one and missed by another.
 */
export const tableOutputs = {
  summary: {slice: (t: Tables) => t.summary, cli: false},
  performance: {slice: (t: PassTables) => t.performance, cli: true},
  "performance-detail": {slice: (t: PassTables) => t.performanceDetail, cli: true},
  drift: {slice: (t: PassTables) => t.drift, cli: true},
  "drift-report": {slice: (t: Tables) => t.driftReport, cli: false},
  monitoring: {slice: (t: PassTables) => t.monitoring, cli: true},
  "monitoring-spec": {slice: (t: PassTables) => t.monitoringSpec, cli: true, indent: 2},
  retraining: {slice: (t: PassTables) => t.retraining, cli: true},
  risk: {slice: (t: PassTables) => t.risk, cli: true},
  memo: {slice: (t: PassTables) => t.memo, cli: true},
} satisfies Record<string, TableOutput>;

export type TableName = keyof typeof tableOutputs;

function cliOutputs(): [TableName, (tables: PassTables) => unknown][] {
  const out: [TableName, (tables: PassTables) => unknown][] = [];
  for (const [name, output] of Object.entries(tableOutputs) as [TableName, TableOutput][]) if (output.cli) out.push([name, output.slice]);
  return out;
}

/** The CLI's JSON files (`<name>.json`), registry order. */
export function cliJsonNames(): string[] {
  return cliOutputs().map(([name]) => `${name}.json`);
}

/** The CLI's JSON files and their text (indented: people read them too). */
export function cliJson(tables: PassTables): [string, string][] {
  return cliOutputs().map(([name, slice]) => [`${name}.json`, toJson(slice(tables), 2)]);
}

/** The file the CLI writes all `scores` into: one row per input row. */
export const scoresFile = "scores.csv";
