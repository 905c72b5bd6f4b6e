import * as Plot from "@observablehq/plot";
import type {DriftReport, MixDimension} from "../../loaders/drift/index.js";
import {fixed, pct, usd} from "../shared/format.js";
import {dateAxis, dayMs, toDate} from "./dates.js";
import {nothing} from "./dom.js";
import {accent, alert, muted} from "./palette.js";
import {chartWidth} from "./width.js";
import type {WidthOption} from "./drift-charts.js";

/** The charts of the Drift page's segment-mix, target and prediction sections, from drift-report.json. */

type Chart = ReturnType<typeof Plot.plot>;

/** Training vs production share of every category (or brand): open circle training, filled production; new segments in the alert colour and labelled. */
export function mixChart(report: DriftReport, dimension: MixDimension, {width}: WidthOption): Chart | DocumentFragment {
  const d = report.label_drift.segment_mix.dimensions.find((x) => x.dimension === dimension);
  if (!d || !d.known || d.segments.length === 0) return nothing();
  const noun = dimension === "category" ? "category" : "brand";
  const data = d.segments;
  const top = Math.max(...data.map((s) => Math.max(s.train_share, s.prod_share)));
  return Plot.plot({
    title: `Share of rows per ${noun}, training → production`,
    subtitle:
      `Open circle: training (${d.train_rows.toLocaleString("en-US")} rows); filled: production (${d.prod_rows.toLocaleString("en-US")} rows). ` +
      (data.some((s) => s.new) ? `Red and labelled "new": unseen in training (training share 0).` : `No ${noun} is new.`),
    ariaLabel: `Dumbbell chart of each ${noun}'s share of training and of production rows`,
    width: chartWidth(width),
    height: data.length * 18 + 70,
    marginLeft: 130,
    marginRight: 60,
    x: {label: "Share of rows (%)", tickFormat: "%", grid: true, domain: [0, top * 1.1]},
    y: {label: null, domain: data.map((s) => s.segment)},
    marks: [
      Plot.link(data, {x1: "train_share", x2: "prod_share", y1: "segment", y2: "segment", stroke: "#bbb"}),
      Plot.dot(data, {filter: (s) => !s.new, x: "train_share", y: "segment", r: 3.5, stroke: "#555", fill: "white"}),
      Plot.dot(data, {x: "prod_share", y: "segment", r: 4, fill: (s) => (s.new ? alert : accent), title: (s) => `${s.segment}: ${pct(s.train_share)} → ${pct(s.prod_share)}${s.new ? " (new)" : ""}`}),
      Plot.text(data, {filter: (s) => s.new, x: "prod_share", y: "segment", text: () => "new", textAnchor: "start", dx: 7, fontSize: 10, fill: alert}),
    ],
  });
}

/** The quantile functions of the training target, production's actual prices and the predictions at the training probabilities (log price axis: prices span two orders of magnitude). */
export function targetQuantileChart(report: DriftReport, {width}: WidthOption): Chart | DocumentFragment {
  const l = report.label_drift;
  const probs = report.distribution.probs;
  const t = l.target.drift;
  if (!probs || !t || !t.train_quantiles) return nothing();
  const series = [
    {name: "Training actual price", q: t.train_quantiles},
    {name: "Production actual price", q: t.prod_quantiles},
    {name: "Production prediction", q: l.prediction.overall?.prod_quantiles ?? null},
  ];
  const data = series.flatMap((s) => (s.q === null ? [] : s.q.map((v, i) => ({series: s.name, p: probs[i], v}))));
  const positive = data.every((d) => d.v > 0);
  return Plot.plot({
    title: "Actual prices and predictions against the training target",
    subtitle: "Quantiles at the training probabilities; lines join them (the tests read the quantile points only).",
    ariaLabel: "Line chart of the quantiles of training prices, production prices and production predictions",
    width: chartWidth(width),
    height: 320,
    x: {label: "Probability", grid: true},
    y: {label: "Price ($)", type: positive ? "log" : "linear", grid: true},
    color: {domain: series.map((s) => s.name), range: [muted, alert, accent], legend: true},
    marks: [
      Plot.line(data, {x: "p", y: "v", stroke: "series"}),
      Plot.dot(data, {x: "p", y: "v", fill: "series", r: 2.5, title: (d) => `${d.series}, p = ${d.p}: ${usd(d.v)}`}),
    ],
  });
}

/** Each day's approximate KS distance of the predictions from the training target, against the day's critical value. */
export function dailyPredictionChart(report: DriftReport, {width}: WidthOption): Chart | DocumentFragment {
  const days = report.label_drift.prediction.daily.filter((d) => d.ks !== null && d.ks_critical !== null);
  if (!days.length) return nothing();
  const data = days.map((d) => ({...d, x: toDate(d.date)}));
  return Plot.plot({
    title: "Prediction drift by day: KS ≈ against its critical value",
    subtitle: `Dots: the day's approximate KS distance of the predictions from the training target; dash: its critical value for the day's rows (${pct(report.settings.ks_alpha, 0)} family-wise over the days) (a dot above its dash is beyond noise, in red).`,
    ariaLabel: "Dot chart of the daily approximate KS distance of the predictions, with each day's critical value",
    width: chartWidth(width),
    height: 260,
    x: dateAxis({}),
    y: {label: "KS ≈", grid: true, domain: [0, Math.max(...data.map((d) => Math.max(d.ks ?? 0, d.ks_critical ?? 0))) * 1.1]},
    marks: [
      // Each day's own critical value (it depends on the day's rows), as a short rule across the day.
      Plot.ruleY(data, {y: "ks_critical", x1: (d) => new Date(+d.x - 0.4 * dayMs), x2: (d) => new Date(+d.x + 0.4 * dayMs), stroke: "#333", strokeWidth: 1.5}),
      Plot.dot(data, {x: "x", y: "ks", r: 3.5, fill: (d) => (d.ks_beyond_noise ? alert : accent), title: (d) => `${d.date}: KS ≈ ${fixed(d.ks ?? 0, 3)}, critical ${fixed(d.ks_critical ?? 0, 3)} (${d.n} rows)`}),
    ],
  });
}
