import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {config} from "../config.js";
import {logName, type ReportInputs} from "../pass/index.js";
import {scoringPlan} from "../scoring/index.js";
import {nearZeroMeanRule} from "../shared/index.js";
import {alertRecordSchema} from "./alert-record.js";
import type {Level} from "./alerts.js";
import type {MonitoringTable} from "./dashboard.js";
import {judgeDay} from "./job.js";
import {metricCatalogue, type MetricDefinition, type MetricId} from "./metrics.js";
import {observations} from "./observations.js";
import {dayParameter, ruleSql, type ScoringTerms} from "./sql.js";

export interface SpecMetric extends MetricDefinition {
  response: {yellow_hours: number; red_hours: number};
  escalation: string[];
  /** The rule as SQL: a SELECT over `predictions` for the day `$day`, one row per subject (subject, value, n). */
  sql: string;
  /** What an implementer would otherwise have to guess. */
  evaluation: MetricEvaluation;
}

/** The details of a rule's evaluation that the formula leaves open. */
export interface MetricEvaluation {
  /** Which rows count toward window.min_rows: every row of the window ("rows"), whether or not the metric's own column is present, or only those with an actual_price ("labelled_rows", the rules that read it); null without a minimum. */
  min_rows_counts: "rows" | "labelled_rows" | null;
  /** What the SQL's `n` (and the daily job's window rows) counts. */
  n: string;
  /** A window reaching before the log's first day. */
  before_log: string;
  /** How missing cells of the columns the metric reads are treated. */
  missing_values: string;
  /** When the metric reads no data (no value, level no_data, never an alert). */
  no_data_when: string[];
  /** Volume's baseline; null for the other metrics. */
  baseline: {statistic: "median"; previous_days: number; min_days: number; before_log: string; zero_row_days: string; zero_baseline: string} | null;
}

/** The serving rule as data, so `prediction` (not in the log) is computed the same way everywhere. */
export interface SpecScoring {
  formula: string;
  intercept: number;
  /** In the model's order. */
  features: ScoringTerms["features"];
  imputation: string;
  fingerprint: {
    /** First 12 hex digits of the SHA-256 of the model file (as the report's footer and version.json give it). */
    model_file_sha256: string;
    /** First 12 hex digits of the SHA-256 of JSON.stringify({intercept, features}) of this section: a check that the coefficients and means were copied whole. */
    scoring_sha256: string;
  };
}

export interface SpecSql {
  dialect: string;
  parameter: {name: string; type: "DATE"; binding: string};
  /** The table the scoring query reads: the production log's columns as they are. */
  production_log: {columns: {name: string; type: string; required: boolean}[]; note: string};
  /** SELECT over production_log: all its columns plus `prediction`. */
  scoring: string;
  usage: string;
  result_columns: {subject: string; value: string; n: string};
  notes: string[];
}

/** One expected result on the data the spec was generated from. */
export interface TestVector {
  day: string;
  metric: MetricId;
  subject: string | null;
  value: number | null;
  level: Level;
  /** What the case shows. */
  case: string;
}

/** `monitoring-spec.json`: what an engineer implements, built from the same catalogue the page replays. */
export interface MonitoringSpec {
  spec_version: 1;
  title: string;
  model: {kind: string; lambda: number | null; features: number; validation: {rmse: number; mae: number; n: number}};
  generated_from: {production: string; model: string; training_stats: string; first_day: string; last_day: string};
  schedule: {
    evaluation: string;
    trailing_window_days: number;
    min_window_rows: number;
    volume_baseline_days: number;
    min_baseline_days: number;
  };
  levels: {
    yellow: {meaning: string; response_hours: number; rule: string};
    red: {meaning: string; response_hours: number; rule: string};
    no_data: {meaning: string};
  };
  escalation: string[];
  metrics: SpecMetric[];
  scoring: SpecScoring;
  sql: SpecSql;
  /** Features whose training mean is too near zero for a % mean shift: the one rule the pages share. */
  near_zero_mean: {rule: string; min_abs_mean_in_sd: number; excluded_from_mean_shift: string[]};
  /** One alert, as a JSON Schema (draft 2020-12). */
  alert_record: typeof alertRecordSchema;
  test_vectors: {inputs: string; cases: TestVector[]};
}

export function monitoringSpec(inputs: ReportInputs, monitoring: MonitoringTable): MonitoringSpec {
  const m = config.monitoring;
  const {model, stats, files, log} = inputs;
  const days = monitoring.window;
  const catalogue = monitoring.rules;
  const plan = scoringPlan(model, stats);
  const terms: ScoringTerms = {intercept: plan.intercept, features: model.features.map((feature, j) => ({feature, coefficient: plan.beta[j], training_mean: plan.fill[j]}))};
  const sql = ruleSql(metricCatalogue(stats, monitoring.monitored), monitoring.monitored.features, terms, stats.target === null ? null : {mean: stats.target.mean, sd: stats.target.sd});
  return {
    spec_version: 1,
    title: "Monitoring specification: TechMart price model",
    model: {kind: model.kind, lambda: model.lambda, features: model.features.length, validation: {rmse: stats.validation.rmse, mae: stats.validation.mae, n: stats.validation.n}},
    generated_from: {production: logName(log.files), model: basename(files.model), training_stats: basename(files.stats), first_day: days.first, last_day: days.last},
    schedule: {
      evaluation: "Once a day, after the calendar day closes; every metric is evaluated for that day and each yellow or red result is one alert.",
      trailing_window_days: m.windowDays,
      min_window_rows: m.minWindowRows,
      volume_baseline_days: m.volumeBaselineDays,
      min_baseline_days: m.minBaselineDays,
    },
    levels: {
      yellow: {meaning: "Investigate", response_hours: m.responseHours.yellow, rule: "the value is past the yellow threshold (strictly) but not past the red one"},
      red: {meaning: "Act now", response_hours: m.responseHours.red, rule: "the value is past the red threshold (strictly)"},
      no_data: {meaning: "The metric cannot be computed (too few rows in the window, or its column is absent): report it, never treat it as green"},
    },
    escalation: [...m.escalation],
    metrics: catalogue.map((metric) => ({
      ...metric,
      response: {yellow_hours: m.responseHours.yellow, red_hours: m.responseHours.red},
      escalation: escalationFor(metric.owner, m.escalation),
      sql: sql.metrics[metric.id],
      evaluation: evaluationOf(metric),
    })),
    scoring: {
      formula: "prediction = intercept + Σ coefficient_j × x_j over the model's features in this order, where a missing x_j (empty cell or NA) is replaced by the feature's training_mean",
      ...terms,
      imputation: "training mean (the serving rule): a missing feature value is replaced by its training_mean before scoring; the row is kept",
      fingerprint: {model_file_sha256: sha256Of(readFileSync(files.model)), scoring_sha256: sha256Of(JSON.stringify(terms))},
    },
    sql: {
      dialect: "ISO SQL: the same text runs on DuckDB and PostgreSQL (both tested, every metric on every day of the test inputs); see the README for Spark SQL and BigQuery",
      parameter: {
        name: dayParameter,
        type: "DATE",
        binding: "a named parameter, bound as a DATE: DuckDB binds $day as is; PostgreSQL's clients take positional parameters, so replace $day by $1 and bind the day as its first parameter (the tests do exactly that)",
      },
      production_log: {
        columns: productionColumns(model.features, log.columns),
        note: "Missing values are SQL NULL (the CSV's empty cells and NA). Any other column of the log is carried through by production_log.* and not read.",
      },
      scoring: sql.scoring,
      usage: "CREATE VIEW predictions AS <scoring>; then run each metric's sql after the day closes, binding $day to that day",
      result_columns: {
        subject: "the feature for per-feature metrics, NULL for whole-model metrics",
        value: "the metric's figure (DOUBLE PRECISION), NULL when it cannot be computed (no data)",
        n: "the rows the value is computed from (see each metric's evaluation.n)",
      },
      notes: [
        "Judge each row's value against the metric's thresholds strictly (level rules above); a NULL value is no_data.",
        "Every literal is written with an exponent (1.5e-1): an approximate (floating-point) literal in ISO SQL, so engines compute in DOUBLE and the figures agree with the report's to about 1e-12.",
        "A day after the log's last day reads as a day without rows (volume 0); the daily job (npm run monitor) refuses to judge it instead, since its rows may not have arrived.",
      ],
    },
    near_zero_mean: {
      rule: `a feature is left out of mean_shift when ${nearZeroMeanRule(m.minAbsMeanInSd)}; it keeps its missing_rate rule`,
      min_abs_mean_in_sd: m.minAbsMeanInSd,
      excluded_from_mean_shift: monitoring.monitored.excluded_from_mean_shift.map((f) => f.feature),
    },
    alert_record: alertRecordSchema,
    test_vectors: {inputs: `the data this spec was generated from (generated_from); values as the report computes them (doubles, compare to 1e-9 relative), levels exactly`, cases: testVectors(monitoring)},
  };
}

function sha256Of(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 12);
}

/** The columns the queries read, with their SQL types. */
function productionColumns(features: readonly string[], columns: ReportInputs["log"]["columns"]): SpecSql["production_log"]["columns"] {
  const text = (name: string) => ({name, type: "VARCHAR", required: true});
  return [
    text("product_id"),
    {name: "date", type: "DATE", required: true},
    text("category"),
    text("brand"),
    text("price_tier"),
    {name: "actual_price", type: "DOUBLE PRECISION", required: true},
    ...features.map((name) => ({name, type: "DOUBLE PRECISION", required: true})),
    // Optional in the log; the queries read them, so a table without them gets them as NULL columns (the metric then reads no data).
    {name: "units_sold", type: "DOUBLE PRECISION", required: columns.hasUnitsSold},
    {name: "latency_ms", type: "DOUBLE PRECISION", required: columns.hasLatency},
  ];
}

/** The evaluation details of each rule, from its definition. */
function evaluationOf(metric: MetricDefinition): MetricEvaluation {
  const m = config.monitoring;
  const trailing = metric.window.kind === "trailing";
  const windowRows = `the rows of the ${metric.window.days}-day window, every row whether or not its ${metric.per_feature ? "feature value" : "columns"} are present`;
  const beforeLog = trailing
    ? "days before the log's first day hold no rows: the window is simply shorter (it pools the days it has) and is judged once it holds min_rows rows"
    : "not applicable: the day alone";
  const common = {min_rows_counts: trailing ? ("rows" as const) : null, before_log: beforeLog, baseline: null};
  const tooFew = `the window holds fewer than ${metric.window.min_rows ?? 0} rows`;
  // The rules that read actual_price pool the labelled rows only: in production the prices arrive late (issue 22).
  const labelled = {
    ...common,
    min_rows_counts: trailing ? ("labelled_rows" as const) : null,
    n: `the rows of the ${metric.window.days}-day window with an actual_price (COUNT(actual_price)); a row whose actual_price is NULL (empty or NA in the log: its label has not arrived) is left out`,
  };
  const tooFewLabelled = `the window holds fewer than ${metric.window.min_rows ?? 0} rows with an actual_price`;
  const noLabelsYet = "the day has rows but none of them has its actual_price yet: no labels yet (the earlier days' labels are not judged again as the day's)";
  switch (metric.id) {
    case "rmse":
    case "mae":
      return {...labelled, missing_values: "a NULL actual_price (a label not yet arrived) leaves the row out; missing features are imputed by scoring, so every labelled row has an error", no_data_when: [tooFewLabelled, noLabelsYet]};
    case "mean_shift":
      return {
        ...common,
        n: windowRows,
        missing_values: "a missing value (NULL) is left out of the feature's mean (mean of the present values); it does not count against min_rows, which counts rows",
        no_data_when: [tooFew, "the feature has no present value in the window (that feature only)"],
      };
    case "missing_rate":
      return {...common, n: windowRows, missing_values: "what it measures: NULL cells over all the window's rows", no_data_when: [tooFew]};
    case "prediction_shift":
      return {
        ...common,
        n: windowRows,
        missing_values: "every row has a prediction (missing features are imputed by scoring), and every row counts whether or not its actual_price has arrived",
        no_data_when: [tooFew, "the training statistics have no target mean and SD"],
      };
    case "latency_p95":
      return {...common, n: "the day's rows with a latency_ms value", missing_values: "a row without latency_ms is left out of the percentile", no_data_when: ["no row of the day has a latency_ms value", "the log has no latency_ms column"]};
    case "volume":
      return {
        ...common,
        n: "the day's rows",
        missing_values: "every row counts: volume reads only the date",
        no_data_when: [`fewer than ${m.minBaselineDays} previous days of the log`, "the baseline (median of the previous days' counts) is 0"],
        baseline: {
          statistic: "median",
          previous_days: m.volumeBaselineDays,
          min_days: m.minBaselineDays,
          before_log: "days before the log's first day are not counted (they are not days of zero rows): the baseline takes the previous days from the first logged day on",
          zero_row_days: "a day inside the log without rows counts, as 0 rows",
          zero_baseline: "a baseline of 0 gives no value (no_data), never a division by zero",
        },
      };
    case "mispricing":
      return {
        ...labelled,
        missing_values: "a row without units_sold is left out of numerator and denominator, but counts toward min_rows (which counts labelled rows); a row with a NULL actual_price (a label not yet arrived) is left out of all three",
        no_data_when: [tooFewLabelled, noLabelsYet, "no revenue in the window: every units_sold is missing, or Σ units_sold × actual_price is 0", "the log has no units_sold column"],
      };
    case "alerts_per_day":
      return {
        ...common,
        n: "the values judged that day by the other rules (one per subject with a value)",
        missing_values: "a rule without a value (no_data) is not an alert and is not counted",
        no_data_when: [],
      };
  }
}

/**
 * A few expected results on the spec's own data, for an implementation to
 * check itself against: the last day's every rule, a value exactly on a line
 * (a tie: strictly past is needed, so it is not an alert), the most negative
 * mean shift (signed values, judged by size), a day without enough rows, the
 * first red alert and the first day volume is judged.
 */
export function testVectors(monitoring: MonitoringTable): TestVector[] {
  const {daily, rules, replay} = monitoring;
  const byId = new Map(rules.map((r) => [r.id, r]));
  const all = observations(daily, monitoring.monitored.features).flatMap((d) => d.observations.map((o) => ({day: d.date, ...o})));
  const judged = (day: string, metric: MetricId, subject: string | null, what: string): TestVector => {
    const result = judgeDay(monitoring, day).metrics.find((x) => x.id === metric);
    if (result === undefined) throw new Error(`no rule ${metric}`);
    const entry = result.features === null ? {value: result.value, level: result.level} : result.features.find((f) => f.subject === subject);
    if (entry === undefined) throw new Error(`no subject ${subject} of ${metric}`);
    return {day, metric, subject, value: entry.value, level: entry.level, case: what};
  };
  const cases: TestVector[] = [];
  const last = daily[daily.length - 1].date;
  const lastDay = judgeDay(monitoring, last);
  for (const x of lastDay.metrics) cases.push({day: last, metric: x.id, subject: x.subject, value: x.value, level: x.level, case: "the last day of the log: each rule's worst subject"});
  const tie = all.find((o) => {
    const rule = byId.get(o.metric);
    return rule !== undefined && o.value !== null && (Math.abs(o.value) === rule.thresholds.yellow || Math.abs(o.value) === rule.thresholds.red);
  });
  if (tie) cases.push(judged(tie.day, tie.metric, tie.subject, "a value exactly on a line: not past it (comparisons are strict), so not that level"));
  const negative = all.filter((o) => o.metric === "mean_shift" && o.value !== null && o.value < 0).sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
  if (negative) cases.push(judged(negative.day, "mean_shift", negative.subject, "a negative mean shift: the value keeps its sign, the level judges its size (abs_above)"));
  const thin = daily.find((d) => d.rmse_trailing === null);
  if (thin) cases.push(judged(thin.date, "rmse", null, "a window with fewer than min_rows rows: no data, not green"));
  const firstRed = replay.log.find((e) => e.level === "red");
  if (firstRed) cases.push(judged(firstRed.date, firstRed.metric, firstRed.subject, "the first red alert of the log"));
  const volume = daily.find((d) => d.volume_pct !== null);
  if (volume) cases.push(judged(volume.date, "volume", null, "the first day volume is judged: the first day with enough previous days of the log"));
  return cases;
}

/** The owner first, then the brief's chain from the rung above the owner (the whole chain when the owner is outside it). */
export function escalationFor(owner: string, chain: readonly string[]): string[] {
  const rung = chain.findIndex((role) => owner.startsWith(role));
  return [owner, ...chain.slice(rung + 1)];
}
