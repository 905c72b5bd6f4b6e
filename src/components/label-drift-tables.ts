import type {DriftReport, ValueDrift} from "../../loaders/drift/index.js";
import {fixed, pct, usd} from "../shared/format.js";
import {nothing} from "./dom.js";
import {simpleTable, type Column} from "./tables.js";

/** The tables of the Drift page's segment-mix, target and prediction sections, from drift-report.json. */

const dash = "—";
const or = <T>(x: T | null, f: (v: T) => string) => (x === null ? dash : f(x));
const points = (x: number) => `${x < 0 ? "−" : "+"}${fixed(Math.abs(x) * 100, 1)}`;
/** As the conclusions write it: 0.042, 3.1e−7. */
const pValue = (p: number) => (p >= 0.001 ? fixed(p, 3) : p.toExponential(1).replace("e-", "e−"));
const signedPercent = (x: number) => `${x < 0 ? "−" : "+"}${fixed(Math.abs(x), 1)}%`;

/** Every category and brand: training and production share and their change in points; new segments marked. */
export function mixTable(report: DriftReport): HTMLDivElement | DocumentFragment {
  const rows = report.label_drift.segment_mix.dimensions.flatMap((d) => d.segments.map((s) => ({dimension: d.dimension, ...s})));
  if (!rows.length) return nothing();
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    {label: "Dimension", value: (r) => r.dimension},
    {label: "Segment", value: (r) => r.segment},
    {label: "Training rows", value: (r) => r.train_count.toLocaleString("en-US"), align: "right"},
    {label: "Training share", value: (r) => pct(r.train_share), align: "right"},
    {label: "Production rows", value: (r) => r.prod_count.toLocaleString("en-US"), align: "right"},
    {label: "Production share", value: (r) => pct(r.prod_share), align: "right"},
    {label: "Change (points)", value: (r) => points(r.change), align: "right"},
    {label: "New", value: (r) => (r.new ? "new" : ""), align: "left"},
  ];
  return simpleTable(rows, columns, "compact");
}

/** Per dimension: PSI (with the new segments' part), chi-square of the known segments, and the verdict. */
export function mixTestsTable(report: DriftReport): HTMLDivElement | DocumentFragment {
  const dims = report.label_drift.segment_mix.dimensions.filter((d) => d.known);
  if (!dims.length) return nothing();
  type Row = (typeof dims)[number];
  const columns: Column<Row>[] = [
    {label: "Dimension", value: (d) => d.dimension},
    {label: "PSI", value: (d) => or(d.psi, (x) => fixed(x, 3)), align: "right"},
    {label: "of which new segments", value: (d) => or(d.psi_new, (x) => fixed(x, 3)), align: "right"},
    {label: "PSI reading", value: (d) => d.psi_level ?? dash},
    {label: "χ² (known segments)", value: (d) => or(d.chi_square, (c) => fixed(c.statistic, 2)), align: "right"},
    {label: "df", value: (d) => or(d.chi_square, (c) => String(c.df)), align: "right"},
    {label: "p", value: (d) => or(d.chi_square, (c) => pValue(c.p_value)), align: "right"},
    {label: "Level (corrected)", value: (d) => or(d.chi_square, (c) => String(c.alpha)), align: "right"},
    {label: "Rows tested / left out", value: (d) => or(d.chi_square, (c) => `${c.rows.toLocaleString("en-US")} / ${c.rows_excluded.toLocaleString("en-US")}`), align: "right"},
    {label: "Smallest expected count", value: (d) => or(d.chi_square, (c) => fixed(c.min_expected, 1)), align: "right"},
    {label: "Mix differs?", value: (d) => or(d.chi_square, (c) => (c.rejects ? "yes" : "not detected"))},
    {label: "Two-sample p", value: (d) => or(d.chi_square, (c) => pValue(c.two_sample.p_value)), align: "right"},
  ];
  return simpleTable(dims, columns, "compact");
}

/** Actual prices and predictions against the training target: moments and the feature tests. */
export function targetTable(report: DriftReport): HTMLDivElement | DocumentFragment {
  const l = report.label_drift;
  const rows = [
    {what: "Actual price", v: l.target.drift},
    {what: "Prediction", v: l.prediction.overall},
  ].flatMap((r) => (r.v === null ? [] : [{what: r.what, v: r.v}]));
  if (!rows.length) return nothing();
  type Row = {what: string; v: ValueDrift};
  const columns: Column<Row>[] = [
    {label: "Production values", value: (r) => r.what},
    {label: "Training mean", value: (r) => usd(r.v.train_mean), align: "right"},
    {label: "Production mean", value: (r) => or(r.v.prod_mean, usd), align: "right"},
    {label: "Mean shift", value: (r) => or(r.v.mean_shift_pct, signedPercent), align: "right"},
    {label: "Training SD", value: (r) => usd(r.v.train_sd), align: "right"},
    {label: "Production SD", value: (r) => or(r.v.prod_sd, usd), align: "right"},
    {label: "SD change", value: (r) => or(r.v.sd_change_pct, signedPercent), align: "right"},
    {label: "PSI", value: (r) => or(r.v.psi, (x) => `${fixed(x, 3)} (${r.v.psi_level ?? dash})`), align: "right"},
    {label: "KS ≈", value: (r) => or(r.v.ks, (x) => fixed(x, 3)), align: "right"},
    {label: "KS critical", value: (r) => or(r.v.ks_critical, (x) => fixed(x, 3)), align: "right"},
    {label: "Wasserstein (SD)", value: (r) => or(r.v.wasserstein_sd, (x) => fixed(x, 3)), align: "right"},
  ];
  return simpleTable(rows, columns, "compact");
}

/** The price bins behind the reweighted RMSE: their training and production shares and production's RMSE in each. */
export function priceMixTable(report: DriftReport): HTMLDivElement | DocumentFragment {
  const m = report.label_drift.target.price_mix;
  if (!m || !m.bins.length) return nothing();
  type Row = (typeof m.bins)[number];
  const range = (b: Row) => (b.low === null ? `up to ${usd(b.high ?? 0)}` : b.high === null ? `above ${usd(b.low)}` : `${usd(b.low)} to ${usd(b.high)}`);
  const columns: Column<Row>[] = [
    {label: "Actual price", value: range, nowrap: true},
    {label: "Training share", value: (b) => pct(b.train_share), align: "right"},
    {label: "Production share", value: (b) => pct(b.prod_share), align: "right"},
    {label: "Production rows", value: (b) => b.rows.toLocaleString("en-US"), align: "right"},
    {label: "Production RMSE", value: (b) => or(b.rmse, usd), align: "right"},
  ];
  return simpleTable(m.bins, columns, "compact");
}
