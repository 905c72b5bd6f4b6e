import {toJson} from "./json.js";
import type {Tables} from "./tables.js";

/** One output file of the report: a slice of the tables; `indent` files are indented on the site too (people read them there). */
export interface TableOutput {
  slice: (tables: Tables) => unknown;
  indent?: number;
}

/**
 * Every table file of the report, by name (`<name>.json`): the one list the
 * tables CLI, the site build and the site's data loader (src/data/[name].json.ts)
 * all read, so a table cannot be added to one and missed by another.
 */
export const tableOutputs = {
  summary: {slice: (t) => t.summary},
  performance: {slice: (t) => t.performance},
  "performance-detail": {slice: (t) => t.performanceDetail},
  drift: {slice: (t) => t.drift},
  "drift-report": {slice: (t) => t.driftReport},
  monitoring: {slice: (t) => t.monitoring},
  "monitoring-spec": {slice: (t) => t.monitoringSpec, indent: 2},
  retraining: {slice: (t) => t.retraining},
  risk: {slice: (t) => t.risk},
  memo: {slice: (t) => t.memo},
} satisfies Record<string, TableOutput>;

export type TableName = keyof typeof tableOutputs;

const names = Object.keys(tableOutputs) as TableName[];

/** The CLI's JSON files (`<name>.json`), registry order. */
export function cliJsonNames(): string[] {
  return names.map((name) => `${name}.json`);
}

/** The CLI's JSON files and their text (indented: people read them too). */
export function cliJson(tables: Tables): [string, string][] {
  return names.map((name) => [`${name}.json`, toJson(tableOutputs[name].slice(tables), 2)]);
}

/** The file the CLI writes all rows' scores into: one row per input row, in log order. */
export const scoresFile = "scores.csv";
