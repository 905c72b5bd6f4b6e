import {config} from "../config.js";
import {type Direction} from "./alerts.js";
import type {MonitoredFeature} from "./features.js";
import {metricList, type MetricCatalogue, type MetricId} from "./metrics.js";
import type {TargetMoments} from "./series.js";

/** The serving rule as data: what `sql.scoring` is written from (and the spec's `scoring`). */
export interface ScoringTerms {
  intercept: number;
  /** In the model's order: the order the engine adds the terms in. */
  features: {feature: string; coefficient: number; training_mean: number}[];
}

/** The SQL of every rule: `scoring` defines `predictions`, each metric's query reads it for the day `$day`. */
export interface RuleSql {
  scoring: string;
  metrics: Record<MetricId, string>;
}

/** The named parameter every metric query takes: the calendar day judged, as a DATE. */
export const dayParameter = "$day";
const day = `CAST(${dayParameter} AS DATE)`;

/**
 * A number as an SQL literal that reads back as the same double. Written
 * with an exponent on purpose: ISO SQL makes `1.5e-1` an approximate
 * (floating-point) literal, so DuckDB, BigQuery and Spark compute in DOUBLE
 * (a plain `0.15` is an exact DECIMAL there, slower and rounded differently);
 * PostgreSQL reads it as NUMERIC and converts it, correctly rounded, to
 * DOUBLE PRECISION when it meets a DOUBLE PRECISION column.
 * `toExponential()` without digits gives the shortest text that round-trips.
 */
export function sqlNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`no SQL literal for ${x}`);
  return x.toExponential();
}

/** A string as an SQL literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * A column name as an SQL identifier: as it is when it is a plain lower-case
 * name (what the log's columns are), otherwise double-quoted (ISO SQL's
 * delimited identifier; BigQuery and Spark quote with backticks instead).
 * The log's `date` column is written bare: DATE is reserved in ISO SQL, but
 * PostgreSQL, DuckDB, BigQuery and Spark SQL all accept it as a column name.
 */
export function sqlIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !reserved.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

// ISO SQL reserved words a feature could plausibly be called (quoted when one is).
const reserved = new Set(["all", "and", "any", "as", "between", "by", "case", "cast", "check", "column", "count", "cross", "current", "day", "default", "desc", "distinct", "else", "end", "except", "false", "from", "full", "group", "having", "hour", "in", "inner", "interval", "join", "left", "like", "limit", "minute", "month", "natural", "not", "null", "of", "on", "or", "order", "outer", "right", "row", "rows", "second", "select", "table", "then", "time", "timestamp", "to", "true", "union", "user", "using", "value", "values", "when", "where", "window", "with", "year"]);

/** The last `days` calendar days up to and including `$day` (days before the log's first day hold no rows, so they add nothing). */
function windowWhere(days: number): string {
  return days === 1 ? `WHERE date = ${day}` : `WHERE date BETWEEN CAST(${day} - INTERVAL '${days - 1}' DAY AS DATE) AND ${day}`;
}

const error = "actual_price - prediction";

/**
 * The scoring query: every column of the log as it is, plus `prediction`,
 * the serving rule with training-mean imputation, its terms added in the
 * model's order as the engine adds them (so the doubles agree).
 */
export function scoringSql(terms: ScoringTerms): string {
  const lines = terms.features.map(({feature, coefficient, training_mean}) => {
    const sign = coefficient < 0 || Object.is(coefficient, -0) ? "-" : "+";
    return `       ${sign} ${sqlNumber(Math.abs(coefficient))} * COALESCE(${sqlIdentifier(feature)}, ${sqlNumber(training_mean)})`;
  });
  return [`SELECT production_log.*,`, `       ${sqlNumber(terms.intercept)}`, ...lines.map((l, i) => (i === lines.length - 1 ? `${l} AS prediction` : l)), `FROM production_log`].join("\n");
}

/** A pooled metric over the trailing window: one row, its value only once the window holds `minRows` rows (of any kind). `value` NULL (no target statistics) is no data. */
function pooled(value: string, days: number, minRows: number, extraCondition = ""): string {
  return [
    `SELECT NULL AS subject,`,
    `       CASE WHEN COUNT(*) >= ${minRows}${extraCondition}`,
    `            THEN ${value} END AS value,`,
    `       COUNT(*) AS n`,
    `FROM predictions`,
    windowWhere(days),
  ].join("\n");
}

/**
 * A pooled metric over the window's labelled rows (actual_price present):
 * COUNT(actual_price) is what counts toward `minRows` and is the `n`
 * returned, and a day with rows none of which is labelled yet reads NULL
 * ("no labels yet"), not the earlier days' figure again. SUM and the
 * arithmetic on a NULL actual_price skip the row by themselves.
 */
function labelledPooled(value: string, days: number, minRows: number, extraCondition = ""): string {
  return [
    `SELECT NULL AS subject,`,
    `       CASE WHEN COUNT(actual_price) >= ${minRows}`,
    `             AND (COUNT(CASE WHEN date = ${day} THEN 1 END) = 0 OR COUNT(CASE WHEN date = ${day} THEN actual_price END) > 0)${extraCondition}`,
    `            THEN ${value} END AS value,`,
    `       COUNT(actual_price) AS n`,
    `FROM predictions`,
    windowWhere(days),
  ].join("\n");
}

/**
 * A per-feature metric: the window's aggregates in one scan (`w`), then one
 * row per feature. `aggregate(f, k)` names what the scan computes for feature
 * k; `value(f, k)` the feature's figure from it.
 */
function perFeature(features: readonly MonitoredFeature[], days: number, minRows: number, aggregate: (f: MonitoredFeature, k: number) => string, value: (f: MonitoredFeature, k: number) => string): string {
  // No feature to judge (all near-zero means): no subject, so no row.
  if (features.length === 0) return `SELECT NULL AS subject, NULL AS value, 0 AS n FROM predictions WHERE 1 = 0`;
  const scan = [`WITH w AS (`, `  SELECT COUNT(*) AS n,`, features.map((f, k) => `         ${aggregate(f, k)}`).join(",\n"), `  FROM predictions`, `  ${windowWhere(days)}`, `)`];
  const rows = features.map((f, k) => `SELECT ${sqlString(f.feature)} AS subject, CASE WHEN n >= ${minRows} THEN ${value(f, k)} END AS value, n FROM w`);
  return [...scan, rows.join("\nUNION ALL\n")].join("\n");
}

/** The day's count of rows against the median count of the previous days of the log (never before its first day). */
function volumeSql(baselineDays: number, minBaselineDays: number): string {
  const previous = Array.from({length: baselineDays}, (_, i) => `  ${i === 0 ? "" : "UNION ALL "}SELECT CAST(${day} - INTERVAL '${i + 1}' DAY AS DATE) AS previous_day`);
  return [
    `WITH previous_days AS (`,
    ...previous,
    `),`,
    `previous_counts AS (`,
    `  SELECT p.previous_day, CAST(COUNT(l.date) AS DOUBLE PRECISION) AS rows_logged`,
    `  FROM previous_days AS p LEFT JOIN predictions AS l ON l.date = p.previous_day`,
    `  WHERE p.previous_day >= (SELECT MIN(date) FROM predictions)`,
    `  GROUP BY p.previous_day`,
    `),`,
    `baseline AS (`,
    `  SELECT COUNT(*) AS days, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY rows_logged) AS rows_median FROM previous_counts`,
    `),`,
    `today AS (`,
    `  SELECT COUNT(*) AS n FROM predictions ${windowWhere(1)}`,
    `)`,
    `SELECT NULL AS subject,`,
    `       CASE WHEN b.days >= ${minBaselineDays} AND b.rows_median > 0`,
    `            THEN CAST(t.n AS DOUBLE PRECISION) / b.rows_median * 100 END AS value,`,
    `       t.n AS n`,
    `FROM baseline AS b CROSS JOIN today AS t`,
  ].join("\n");
}

/** Whether a value is past a line on the bad side, in SQL (NULL, i.e. no data, is never past). */
function pastSql(value: string, line: number, direction: Direction): string {
  const literal = sqlNumber(line);
  return direction === "above" ? `${value} > ${literal}` : direction === "below" ? `${value} < ${literal}` : `ABS(${value}) > ${literal}`;
}

/**
 * The alert count: every other rule's query as a subquery, each row past its
 * yellow line (so yellow or red) counting once, rows without a value never;
 * `n` is the number of values judged.
 */
function alertsSql(catalogue: MetricCatalogue, queries: Omit<Record<MetricId, string>, "alerts_per_day">): string {
  const others = metricList(catalogue).filter((m) => m.id !== "alerts_per_day");
  const branches = others.map((m) => {
    const t = m.thresholds;
    const inner = queries[m.id as Exclude<MetricId, "alerts_per_day">].split("\n").map((l) => `    ${l}`).join("\n");
    return `  SELECT CASE WHEN ${pastSql("value", t.yellow, t.direction)} THEN 1 ELSE 0 END AS alert, value\n  FROM (\n${inner}\n  ) AS ${m.id}`;
  });
  return [`SELECT NULL AS subject,`, `       SUM(alert) AS value,`, `       COUNT(value) AS n`, `FROM (`, branches.join("\n  UNION ALL\n"), `) AS judged`].join("\n");
}

/**
 * Every rule's SQL, from the same catalogue, monitored features and settings
 * the replay judges with. Standard SQL only (CASE, COALESCE, CAST, ABS, SQRT,
 * PERCENTILE_CONT … WITHIN GROUP, interval arithmetic on DATE): the same
 * text runs on DuckDB and PostgreSQL (tested), with `$day` bound as a DATE.
 */
export function ruleSql(catalogue: MetricCatalogue, monitored: readonly MonitoredFeature[], terms: ScoringTerms, target: TargetMoments | null): RuleSql {
  const m = config.monitoring;
  const width = (id: MetricId) => catalogue[id].window.days;
  const minRows = (id: MetricId) => catalogue[id].window.min_rows ?? 0;
  const shift = monitored.filter((f) => f.mean_shift);
  const base: Omit<Record<MetricId, string>, "alerts_per_day"> = {
    rmse: labelledPooled(`SQRT(SUM((${error}) * (${error})) / COUNT(actual_price))`, width("rmse"), minRows("rmse")),
    mae: labelledPooled(`SUM(ABS(${error})) / COUNT(actual_price)`, width("mae"), minRows("mae")),
    mean_shift: perFeature(
      shift,
      width("mean_shift"),
      minRows("mean_shift"),
      (f, k) => `AVG(${sqlIdentifier(f.feature)}) AS mean_${k + 1}`,
      (f, k) => `(mean_${k + 1} - ${sqlNumber(f.train_mean)}) / ${sqlNumber(f.train_mean)} * 100`,
    ),
    missing_rate: perFeature(
      monitored,
      width("missing_rate"),
      minRows("missing_rate"),
      (f, k) => `COUNT(*) - COUNT(${sqlIdentifier(f.feature)}) AS missing_${k + 1}`,
      (_, k) => `CAST(missing_${k + 1} AS DOUBLE PRECISION) / n * 100`,
    ),
    prediction_shift: pooled(
      target === null || !(target.sd > 0) ? "CAST(NULL AS DOUBLE PRECISION)" : `(AVG(prediction) - ${sqlNumber(target.mean)}) / ${sqlNumber(target.sd)}`,
      width("prediction_shift"),
      minRows("prediction_shift"),
    ),
    latency_p95: [`SELECT NULL AS subject,`, `       PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) AS value,`, `       COUNT(latency_ms) AS n`, `FROM predictions`, windowWhere(width("latency_p95"))].join("\n"),
    volume: volumeSql(m.volumeBaselineDays, m.minBaselineDays),
    mispricing: labelledPooled(`SUM(units_sold * ABS(${error})) / SUM(units_sold * actual_price) * 100`, width("mispricing"), minRows("mispricing"), `\n             AND SUM(units_sold * actual_price) > 0`),
  };
  return {scoring: scoringSql(terms), metrics: {...base, alerts_per_day: alertsSql(catalogue, base)}};
}
