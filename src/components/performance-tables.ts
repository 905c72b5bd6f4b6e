import type {Dimension} from "../../loaders/inputs/index.js";
import type {PerformanceDetail, PerformanceTable, SegmentPerformance} from "../../loaders/performance/index.js";
import {int, num, pct, signedPct, signedUsd, usd} from "../shared/format.js";
import {orElse} from "./cells.js";
import {keyed} from "./lookup.js";
import {ciLevel, dimensionLabel, dimensionOrder, dimensionTitle, interval} from "./performance-text.js";
import {dataTable, downloadableTable} from "./tables.js";

/** The Performance page's tables, each from performance.json (and performance-detail.json) alone. */

const money = orElse(usd);
const share = (x: number) => pct(x);
const change = (x: number) => signedPct(x);
const lift = (x: number | null) => (x === null ? "" : num(x, 2) + "×");

const segmentsOf = (perf: PerformanceTable, dimension: Dimension): SegmentPerformance[] => perf.segments.filter((s) => s.dimension === dimension);

/** RMSE, MAE and R², validation against production, with the change. */
export function comparisonTable(perf: PerformanceTable): HTMLFormElement {
  return dataTable(perf.comparison, {
    columns: ["metric", "validation", "production", "change", "change_pct"],
    header: {metric: "Metric", validation: "Validation", production: "Production", change: "Change", change_pct: "Change (%)"},
    format: {
      validation: (x, i, rows) => (rows[i].unit === "USD" ? usd(x) : num(x, 4)),
      production: (x, i, rows) => (x === null ? "n/a" : rows[i].unit === "USD" ? usd(x) : num(x, 4)),
      change: (x, i, rows) => (x === null ? "n/a" : rows[i].unit === "USD" ? signedUsd(x) : (x < 0 ? "−" : "+") + num(Math.abs(x), 3)),
      change_pct: orElse(change),
    },
  });
}

/** Every segment of one dimension: rows, RMSE with its interval, MAE, bias, p95 |error|, against validation, and its status in words. */
export function segmentTable(perf: PerformanceTable, dimension: Dimension): HTMLDivElement {
  return downloadableTable(
    segmentsOf(perf, dimension).map((s) => ({...s, ci: interval(s)})),
    {
      columns: ["segment", "n", "rmse", "ci", "mae", "bias", "p95_abs_error", "rmse_increase_pct", "status"],
      header: {segment: "Segment", n: "Rows", rmse: "RMSE", ci: `${ciLevel(perf)} interval`, mae: "MAE", bias: "Bias", p95_abs_error: "p95 |error|", rmse_increase_pct: "vs validation", status: "Status"},
      format: {rmse: usd, mae: usd, bias: signedUsd, p95_abs_error: usd, rmse_increase_pct: change, n: int},
    },
    {name: `segments-${dimension}.csv`, keys: segmentKeys},
  );
}

/** The segment figures a download carries: every one of performance.json's, the interval as its two ends. */
const segmentKeys = ["dimension", "segment", "n", "rmse", "rmse_ci_low", "rmse_ci_high", "mae", "bias", "r2", "p95_abs_error", "rmse_increase_pct", "significant", "small", "status", "row_share", "sse_share"] as const;

/** The worst segments by the page's rule, ranked. */
export function worstTable(perf: PerformanceTable): HTMLDivElement {
  return downloadableTable(
    perf.worst_segments.map((s, i) => ({...s, rank: i + 1, dim: dimensionLabel[s.dimension], ci: interval(s)})),
    {
      columns: ["rank", "segment", "dim", "n", "rmse", "ci", "rmse_increase_pct", "bias", "status"],
      header: {rank: "#", segment: "Segment", dim: "Dimension", n: "Rows", rmse: "RMSE", ci: `${ciLevel(perf)} interval`, rmse_increase_pct: "vs validation", bias: "Bias", status: "Status"},
      format: {rmse: usd, rmse_increase_pct: change, bias: signedUsd, n: int},
    },
    {name: "worst-segments.csv", keys: ["rank", ...segmentKeys]},
  );
}

/** Absolute-error quantiles (p50, p90, p95, p99), overall and per segment, small samples marked. */
export function quantileTable(perf: PerformanceTable): HTMLFormElement {
  const row = (dimension: string, segment: string, g: PerformanceTable["overall"], small: boolean) => ({
    dimension,
    segment,
    n: g.n,
    p50_abs_error: g.p50_abs_error,
    p90_abs_error: g.p90_abs_error,
    p95_abs_error: g.p95_abs_error,
    p99_abs_error: g.p99_abs_error,
    small,
  });
  const rows = [row("all rows", "overall", perf.overall, false), ...perf.segments.map((s) => row(dimensionLabel[s.dimension], s.segment, s, s.small))];
  return dataTable(rows, {
    columns: ["dimension", "segment", "n", "p50_abs_error", "p90_abs_error", "p95_abs_error", "p99_abs_error", "small"],
    header: {dimension: "Dimension", segment: "Segment", n: "Rows", p50_abs_error: "p50", p90_abs_error: "p90", p95_abs_error: "p95", p99_abs_error: "p99", small: "Sample"},
    format: {n: int, p50_abs_error: usd, p90_abs_error: usd, p95_abs_error: usd, p99_abs_error: usd, small: (x) => (x ? "small sample" : "")},
    rows: 16.5,
  });
}

interface TailRow {
  dimension: Dimension;
  dim: string;
  segment: string;
  row_share: number;
  under: number;
  under_lift: number | null;
  over: number;
  over_lift: number | null;
}

/** The error tail's under- and over-predictions side by side, per segment (segments holding none left out), with each side's lift. */
export function tailSegmentTable(detail: PerformanceDetail): HTMLFormElement {
  const rows = new Map<string, TailRow>();
  const sides = [
    ["under", detail.tail.under.segments],
    ["over", detail.tail.over.segments],
  ] as const;
  for (const [side, list] of sides) {
    for (const s of list) {
      const key = `${s.dimension}\u0000${s.segment}`;
      const row = rows.get(key) ?? {dimension: s.dimension, dim: dimensionLabel[s.dimension], segment: s.segment, row_share: s.row_share, under: 0, under_lift: null, over: 0, over_lift: null};
      if (side === "under") [row.under, row.under_lift] = [s.n, s.lift];
      else [row.over, row.over_lift] = [s.n, s.lift];
      rows.set(key, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => dimensionOrder.indexOf(a.dimension) - dimensionOrder.indexOf(b.dimension) || b.under + b.over - (a.under + a.over));
  return dataTable(sorted, {
    columns: ["dim", "segment", "row_share", "under", "under_lift", "over", "over_lift"],
    header: {dim: "Dimension", segment: "Segment", row_share: "% of all rows", under: "Under-predicted", under_lift: "Lift", over: "Over-predicted", over_lift: "Lift"},
    format: {row_share: share, under_lift: lift, over_lift: lift},
  });
}

/** The error tail's under- and over-predictions per actual-price bin, with each side's lift (none where a side has no rows). */
export function tailPriceBinTable(detail: PerformanceDetail): HTMLFormElement {
  const over = keyed(detail.tail.over.price_bins, (b) => b.bin, "over-prediction price bin");
  const rows = detail.tail.under.price_bins.map((b) => {
    const o = over.get(b.bin);
    return {label: b.label, row_share: b.row_share, under: b.n, under_lift: b.n ? b.lift : null, over: o.n, over_lift: o.n ? o.lift : null};
  });
  return dataTable(rows, {
    columns: ["label", "row_share", "under", "under_lift", "over", "over_lift"],
    header: {label: "Actual price", row_share: "% of all rows", under: "Under-predicted", under_lift: "Lift", over: "Over-predicted", over_lift: "Lift"},
    format: {row_share: share, under_lift: lift, over_lift: lift},
  });
}

/** Accuracy per actual-price bin: rows, mean price, RMSE with its interval, MAE, bias, p95 |error| and RMSE as a share of price. */
export function priceBinTable(perf: PerformanceTable, detail: PerformanceDetail): HTMLFormElement {
  return dataTable(
    detail.price_bins.map((b) => ({...b, ci: interval(b)})),
    {
      columns: ["label", "n", "mean_actual_price", "rmse", "ci", "mae", "bias", "p95_abs_error", "rmse_share_of_price"],
      header: {label: "Actual price", n: "Rows", mean_actual_price: "Mean price", rmse: "RMSE", ci: `${ciLevel(perf)} interval`, mae: "MAE", bias: "Bias", p95_abs_error: "p95 |error|", rmse_share_of_price: "RMSE / mean price"},
      format: {n: int, mean_actual_price: usd, rmse: usd, mae: usd, bias: signedUsd, p95_abs_error: usd, rmse_share_of_price: share},
    },
  );
}

/** A list of names, the first k and how many more: "A, B, C, D + 3 more". */
const shortList = (names: readonly string[], k = 4) => (names.length === 0 ? "none" : names.length > k ? `${names.slice(0, k).join(", ")} + ${names.length - k} more` : names.join(", "));

/** Per dimension, the segments left out (highest RMSE first) until the rest is near validation, and whether it got there. */
export function leaveOutTable(perf: PerformanceTable): HTMLFormElement {
  const rows = perf.concentration.by_dimension.map((d) => ({...d, dim: dimensionTitle[d.dimension], count: d.left_out.length, segs: shortList(d.left_out), ok: d.recovered ? "yes" : "no"}));
  return dataTable(rows, {
    columns: ["dim", "count", "row_share", "sse_share", "rmse_rest", "ok", "segs"],
    header: {dim: "Dimension", count: "Segments out", row_share: "Rows out", sse_share: "Sq. error out", rmse_rest: "RMSE of the rest", ok: "Near validation", segs: "Which (highest RMSE first)"},
    format: {row_share: share, sse_share: share, rmse_rest: money},
  });
}

/** The worst segments left out together, one step after another, with the RMSE of the rows that remain. */
export function withoutWorstTable(detail: PerformanceDetail): HTMLFormElement {
  return dataTable(
    detail.without_worst.map((s) => ({...s, dim: dimensionLabel[s.dimension]})),
    {
      columns: ["step", "segment", "dim", "rows_left_out", "row_share", "sse_share", "rmse_rest", "rest_increase_pct"],
      header: {step: "Step", segment: "Segment left out", dim: "Dimension", rows_left_out: "Rows out (total)", row_share: "Share of rows", sse_share: "Sq. error out", rmse_rest: "RMSE of the rest", rest_increase_pct: "vs validation"},
      format: {row_share: share, sse_share: share, rmse_rest: money, rest_increase_pct: orElse(change)},
    },
  );
}

/** Categories seen in training against categories new in production; a sentence when the training statistics carry no category counts. */
export function establishedTable(perf: PerformanceTable): HTMLFormElement | string {
  const evn = perf.established_vs_new;
  if (evn === null) return "The training statistics carry no category counts.";
  const groups = [...(evn.established ? [{group: "seen in training", ...evn.established}] : []), ...(evn.new ? [{group: "new in production", ...evn.new}] : [])];
  return dataTable(
    groups.map((g) => ({...g, ci: interval(g), names: g.categories.join(", ")})),
    {
      columns: ["group", "n", "row_share", "sse_share", "rmse", "ci", "rmse_increase_pct", "bias", "names"],
      header: {group: "Categories", names: "Which", n: "Rows", row_share: "Share of rows", sse_share: "Share of sq. error", rmse: "RMSE", ci: `${ciLevel(perf)} interval`, rmse_increase_pct: "vs validation", bias: "Bias"},
      format: {n: int, row_share: share, sse_share: share, rmse: usd, rmse_increase_pct: change, bias: signedUsd},
    },
  );
}

/** Accuracy by the number of imputed features in the row (adjacent counts pooled). */
export function imputedTable(perf: PerformanceTable): HTMLFormElement {
  return dataTable(
    perf.by_imputed_groups.map((g) => ({...g, label: g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`})),
    {
      columns: ["label", "n", "rmse", "mae", "bias"],
      header: {label: "Imputed features", n: "Rows", rmse: "RMSE", mae: "MAE", bias: "Bias"},
      format: {n: int, rmse: usd, mae: usd, bias: signedUsd},
    },
  );
}
