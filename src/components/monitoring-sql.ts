import type {MonitoringSpec} from "../../loaders/monitoring/index.js";

/** One SQL text, collapsed: a <details> whose summary says what it is. */
export function sqlDetails(summary: string, sql: string): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "rule-sql";
  const head = document.createElement("summary");
  head.textContent = summary;
  const pre = document.createElement("pre");
  const code = document.createElement("code");
  code.className = "language-sql";
  code.textContent = sql;
  pre.append(code);
  details.append(head, pre);
  return details;
}

/** A rule's SQL from the published spec (by metric id), collapsed; nothing when the spec has no such rule. */
export function ruleSqlDetails(spec: MonitoringSpec, id: string): HTMLDetailsElement | null {
  const metric = spec.metrics.find((m) => m.id === id);
  return metric ? sqlDetails("SQL (over predictions, for the day $day)", metric.sql) : null;
}

/** The scoring query that defines `predictions`, collapsed. */
export function scoringSqlDetails(spec: MonitoringSpec): HTMLDetailsElement {
  return sqlDetails("SQL: CREATE VIEW predictions AS …", `CREATE VIEW predictions AS\n${spec.sql.scoring}`);
}
