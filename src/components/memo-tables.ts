import {format} from "d3";
import type {MemoTable} from "../../loaders/memo/index.js";
import {dollars, int, pct, usd} from "../shared/format.js";
import {csvDownload, keyColumns, withCsv} from "./downloads.js";
import {simpleTable} from "./tables.js";

/** The memo's tables, each from memo.json alone (compact: the memo prints on one page). */

/** Three significant digits, whole numbers from a thousand up (never an exponent). */
const sig3 = (x: number) => (Math.abs(x) >= 1000 ? format(",.0f")(x) : format(".3~r")(x));
const range = (lo: number | null, hi: number | null) => (lo === null || hi === null ? "n/a" : `${sig3(lo)}–${sig3(hi)}`);
/** Long feature names may wrap after an underscore, not mid-word. */
const breakable = (name: string) => name.replaceAll("_", "_\u200b");

/** Validation, the brief's expected and acceptable RMSE, and the observed (with all critical inputs present, when known). */
export function benchmarksTable(memo: MemoTable): HTMLDivElement {
  const b = memo.benchmarks;
  const versus = (x: number) => (x >= b.acceptable ? "above acceptable" : x > b.expected_high ? "above expected" : x >= b.expected_low ? "as expected" : "better than expected");
  const interval = b.observed_ci_low === null || b.observed_ci_high === null ? "" : `95%: ${usd(b.observed_ci_low)}–${usd(b.observed_ci_high)}; `;
  const rows = [
    {what: "Validation (holdout)", value: usd(b.validation_rmse), note: `n = ${int(memo.model.validation.n)}`},
    {what: "Expected in production", value: `${dollars(b.expected_low)}–${dollars(b.expected_high)}`, note: "brief"},
    {what: "Acceptable", value: `< ${dollars(b.acceptable)}`, note: "brief"},
    {what: "Observed", value: usd(b.observed_rmse), note: `${interval}${versus(b.observed_rmse)}`},
    ...(b.complete_rows_rmse === null ? [] : [{what: "Observed, all critical inputs present", value: usd(b.complete_rows_rmse), note: `${pct(b.complete_rows_share, 0)} of rows; ${versus(b.complete_rows_rmse)}`}]),
  ];
  return simpleTable(
    rows,
    [
      {label: "", value: (x) => x.what},
      {label: "RMSE", value: (x) => x.value, align: "right", nowrap: true},
      {label: "", value: (x) => x.note},
    ],
    "memo-table",
  );
}

/** The top features' requirements: source and latency budget, expected range (p1–p99), acceptable and observed missing rates (✕ when over). */
export function featureRequirementsTable(memo: MemoTable): HTMLDivElement {
  const f = memo.requirements.features;
  const table = simpleTable(
    memo.requirements.features,
    [
      {label: "#", value: (f) => int(f.rank), align: "right"},
      {label: "Feature", value: (f) => breakable(f.feature)},
      {label: "Source, latency", value: (f) => `${f.source} < ${f.latency_budget_ms ?? "?"} ms`, nowrap: true},
      {label: "Expected (p1–p99)", value: (f) => range(f.expected_low, f.expected_high), align: "right", nowrap: true},
      {label: "Missing ok / seen", value: (f) => `≤ ${f.acceptable_missing_pct}% / ${f.prod_missing_pct.toFixed(1)}%${f.missing_ok ? "" : " ✕"}`, align: "right", nowrap: true},
    ],
    "memo-table memo-features",
  );
  return withCsv(table, csvDownload("feature-requirements.csv", f, keyColumns(["rank", "feature", "source", "unit", "beta", "train_sd", "importance", "share", "raw_beta_rank", "expected_low", "expected_high", "train_missing_pct", "acceptable_missing_pct", "prod_missing_pct", "missing_ok", "latency_budget_ms"])));
}

/** The maintenance tasks: cadence, owner, how many dates and the first and last. */
export function calendarTasksTable(memo: MemoTable): HTMLDivElement {
  return simpleTable(memo.calendar.tasks, [
    {label: "Task", value: (t) => t.name},
    {label: "When", value: (t) => t.cadence},
    {label: "Owner", value: (t) => t.owner},
    {label: "Dates", value: (t) => int(t.count), align: "right"},
    {label: "First to last", value: (t) => (t.first === t.last ? t.first : `${t.first} to ${t.last}`)},
  ]);
}

/** Every date of each task but the weekly review. */
export function calendarDatesTable(memo: MemoTable): HTMLDivElement {
  return simpleTable(
    memo.calendar.tasks.filter((t) => t.task !== "review"),
    [
      {label: "Task", value: (t) => t.name},
      {label: "Dates", value: (t) => memo.calendar.events.filter((e) => e.task === t.task).map((e) => e.date).join(", ")},
    ],
  );
}
