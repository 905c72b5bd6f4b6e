import * as Plot from "@observablehq/plot";
import type {DriftReport, FeatureImpact} from "../../loaders/drift/index.js";
import {int, pct, sig, signedNum, signedPct, signedUsd, usd} from "../shared/format.js";
import {dateAxis, dayExtent, toDate} from "./dates.js";
import {el, nothing} from "./dom.js";
import {keyed} from "./lookup.js";
import {accent, alert, muted, sourceDomain} from "./palette.js";
import {chartWidth} from "./width.js";

/** The Drift page's charts: each takes drift-report.json and the width to draw at. */

type Chart = ReturnType<typeof Plot.plot>;

/** Every chart of the page takes the width to draw at (narrower than 360 px, a chart scrolls; see width.ts). */
export interface WidthOption {
  width: number;
}

/** Height per feature row in the 75-feature bar charts. */
const rowHeight = 13;

/**
 * Change in mean and in SD (%) of every feature, side by side on one feature
 * axis, each with the brief's severe rule. Features whose mean % is not
 * meaningful (training mean near zero) are grey and labelled.
 */
export function shiftChart(report: DriftReport, {width}: WidthOption): Chart {
  const rows = report.features;
  const limits = {mean: report.settings.severe_mean_shift_pct, sd: report.settings.severe_sd_change_pct};
  const measures = ["Change in mean", "Change in SD"] as const;
  const data = rows.flatMap((r) => [
    ...(r.mean_shift_pct === null ? [] : [{feature: r.feature, measure: measures[0], v: r.mean_shift_pct, limit: limits.mean, flag: !r.pct_meaningful}]),
    ...(r.sd_change_pct === null ? [] : [{feature: r.feature, measure: measures[1], v: r.sd_change_pct, limit: limits.sd, flag: false}]),
  ]);
  type Bar = (typeof data)[number];
  const severe = (d: Bar) => Math.abs(d.v) > d.limit;
  const order = [...rows].sort((a, b) => (b.mean_shift_pct ?? 0) - (a.mean_shift_pct ?? 0)).map((r) => r.feature);
  const extent = Math.max(limits.sd * 1.5, ...data.map((d) => Math.abs(d.v)));
  const rules = measures.flatMap((measure, i) => {
    const limit = i === 0 ? limits.mean : limits.sd;
    return [-limit, limit].map((x) => ({measure, x, limit}));
  });
  return Plot.plot({
    title: "Change in mean and in standard deviation, production vs training",
    subtitle: `Red beyond the severe thresholds (±${limits.mean}% mean, ±${limits.sd}% SD, dashed). Grey: the training mean is too near zero for a % to mean anything. Sorted by change in mean.`,
    ariaLabel: `Bar charts of each feature's percent change in mean and in standard deviation, with dashed rules at plus and minus ${limits.mean} and ${limits.sd} percent`,
    width: chartWidth(width, 2 * 360),
    height: order.length * rowHeight + 80,
    marginLeft: 170,
    marginRight: 20,
    fx: {label: null, domain: measures, padding: 0.12},
    x: {label: "Change, production vs training (%)", domain: [-extent, extent], grid: true, tickFormat: (x: number) => `${x}%`, ticks: 5},
    y: {label: null, domain: order},
    marks: [
      Plot.barX(data, {fx: "measure", x: "v", y: "feature", fill: (d: Bar) => (d.flag ? muted : severe(d) ? alert : accent), title: (d: Bar) => `${d.feature}, ${d.measure.toLowerCase()}: ${signedPct(d.v)}`}),
      Plot.ruleX(data, {fx: "measure", x: () => 0}),
      Plot.ruleX(rules, {fx: "measure", x: "x", stroke: alert, strokeDasharray: "4,3"}),
      // Status in words, not colour alone, past the end of the bar.
      ...[true, false].map((positive) =>
        Plot.text(data, {
          filter: (d: Bar) => (d.flag || severe(d)) && d.v >= 0 === positive,
          fx: "measure",
          x: "v",
          y: "feature",
          text: (d: Bar) => (d.flag ? "% not meaningful" : "severe"),
          textAnchor: positive ? "start" : "end",
          dx: positive ? 4 : -4,
          fontSize: 10,
          fill: (d: Bar) => (d.flag ? "#555" : alert),
        }),
      ),
    ],
  });
}

/**
 * The features whose drift moves the average prediction most, in dollars.
 *
 * @param count how many features (default 20)
 */
export function impactChart(report: DriftReport, {width, count = 20}: WidthOption & {count?: number}): Chart {
  type Shifted = FeatureImpact & {prediction_shift: number};
  const data = report.impact.features.flatMap((f): Shifted[] => (f.prediction_shift === null ? [] : [{...f, prediction_shift: f.prediction_shift}])).slice(0, count);
  const label = (f: Shifted) =>
    `${f.severe ? "severe, " : ""}${f.mean_shift_pct === null || !f.pct_meaningful ? "% n/m" : signedPct(f.mean_shift_pct)}, ${sig(f.mean_shift_sd ?? 0, 2)} SD`;
  const extent = Math.max(...data.map((f) => Math.abs(f.prediction_shift)));
  return Plot.plot({
    title: `The ${data.length} features whose drift moves the average prediction most`,
    subtitle: "β × (production mean − training mean). Red: severe by the brief's % rule. Labels: % mean shift and shift in training SDs.",
    ariaLabel: "Bar chart of the shift each feature's drift causes in the average prediction, in dollars",
    width: chartWidth(width),
    height: data.length * 20 + 70,
    marginLeft: 170,
    marginRight: 150,
    x: {label: "Shift in the average prediction ($)", domain: [-extent * 1.1, extent * 1.1], grid: true},
    y: {label: null, domain: data.map((f) => f.feature)},
    marks: [
      Plot.barX(data, {x: "prediction_shift", y: "feature", fill: (f: Shifted) => (f.severe ? alert : accent), title: (f: Shifted) => `${f.feature}: ${signedUsd(f.prediction_shift)}`}),
      Plot.ruleX([0]),
      Plot.text(data, {x: (f: Shifted) => Math.max(f.prediction_shift, 0), y: "feature", text: label, textAnchor: "start", dx: 4, fontSize: 10}),
    ],
  });
}

/** Training vs production quantiles at the training probabilities, one small chart per feature of `chart_features` (highest PSI first). */
export function quantileCharts(report: DriftReport, {width}: WidthOption): Chart[] {
  const dist = report.distribution;
  const probs = dist.probs ?? [];
  const tests = keyed(dist.features, (f) => f.feature, "distribution test of feature");
  const units = keyed(report.features, (f) => f.feature, "drift row of feature");
  const two = (x: number | null) => (x === null ? "n/a" : sig(x, 2));
  return dist.chart_features.map((feature) => {
    const f = tests.get(feature);
    const train = f.train_quantiles ?? [];
    const prod = f.prod_quantiles ?? [];
    const data = probs.flatMap((p, i) => [
      {p, value: train[i], sample: "training"},
      {p, value: prod[i], sample: "production"},
    ]);
    const unit = units.get(feature).unit;
    return Plot.plot({
      title: feature,
      subtitle: `PSI ${f.psi_bracketed ? `${two(f.psi_min)} to ${two(f.psi_max)}` : two(f.psi)} · KS ≈ ${two(f.ks)} · W ${two(f.wasserstein_sd)} SD`,
      ariaLabel: `Line chart of ${feature}'s training and production quantiles against probability`,
      width: chartWidth(width, 260),
      height: 220,
      marginLeft: 55,
      x: {label: "Probability", domain: [0, 1], tickFormat: "%"},
      y: {label: `${feature}${unit ? ` (${unit})` : ""}`, grid: true},
      color: {domain: ["training", "production"], range: [muted, alert], legend: true},
      marks: [
        Plot.line(data, {filter: (d) => d.sample === "training", x: "p", y: "value", stroke: "sample", strokeDasharray: "4,3"}),
        Plot.line(data, {filter: (d) => d.sample === "production", x: "p", y: "value", stroke: "sample"}),
        Plot.dot(data, {x: "p", y: "value", stroke: "sample", fill: (d) => (d.sample === "production" ? alert : "white"), r: 2.5, title: (d) => `${d.sample} q${Math.round(d.p * 100)}: ${sig(d.value, 4)}`}),
      ],
    });
  });
}

/** The quantile charts three to a row (each `width` wide, default 300); nothing when the tests cannot be computed. */
export function quantileGrid(report: DriftReport, {width = 300}: Partial<WidthOption> = {}): HTMLDivElement | DocumentFragment {
  if (report.distribution.unavailable) return nothing();
  return el("div", {className: "grid grid-cols-3"}, ...quantileCharts(report, {width}).map((chart) => el("div", {}, chart)));
}

/** Training vs production missing rate per feature, with each feature's "elevated" threshold as a tick. */
export function missingDumbbell(report: DriftReport, {width}: WidthOption): Chart {
  const m = report.missingness;
  const ratio = report.settings.missing_elevated_ratio;
  const points = report.settings.missing_elevated_points;
  const data = [...m.features].sort((a, b) => b.prod_rate - a.prod_rate);
  const threshold = (f: (typeof data)[number]) => Math.max(ratio * f.train_rate, f.train_rate + points);
  return Plot.plot({
    title: "Missing rate per feature, training → production",
    subtitle: `Open circle: training; filled: production. The tick is the "elevated" threshold (more than ${ratio}× training and at least ${Math.round(points * 100)} points above): a filled circle right of its tick is elevated.`,
    ariaLabel: "Dumbbell chart of each feature's missing rate in training and in production",
    width: chartWidth(width),
    height: data.length * rowHeight + 80,
    marginLeft: 170,
    marginRight: 40,
    x: {label: "Missing rate (%)", tickFormat: "%", grid: true, domain: [0, Math.max(...data.map((f) => f.prod_rate)) * 1.05]},
    y: {label: null, domain: data.map((f) => f.feature)},
    color: {domain: sourceDomain, legend: true},
    marks: [
      Plot.link(data, {x1: "train_rate", x2: "prod_rate", y1: "feature", y2: "feature", stroke: "#bbb"}),
      Plot.tickX(data, {x: threshold, y: "feature", stroke: "#333", strokeWidth: 1}),
      Plot.dot(data, {x: "train_rate", y: "feature", r: 3, stroke: "#555", fill: "white"}),
      Plot.dot(data, {x: "prod_rate", y: "feature", r: 3.5, fill: "source", title: (f) => `${f.feature} (${f.source}): ${pct(f.train_rate)} → ${pct(f.prod_rate)}${f.elevated ? ", elevated" : ""}`}),
      Plot.text(data, {filter: (f) => !f.elevated, x: "prod_rate", y: "feature", text: () => "not elevated", textAnchor: "start", dx: 6, fontSize: 10}),
    ],
  });
}

/** Daily missing rate by source, with the outage windows shaded and named. */
export function dailyMissingChart(report: DriftReport, {width}: WidthOption): Chart {
  const m = report.missingness;
  const days = [...new Set(m.daily.map((d) => d.date))].sort();
  const windows = m.outages.map((o) => {
    const [x1, x2] = dayExtent(o.start, o.end);
    return {...o, x1, x2};
  });
  const last = days[days.length - 1];
  const train = m.by_source.map((s) => ({source: s.source, rate: s.train_rate}));
  return Plot.plot({
    title: "Missing rate by source and day",
    subtitle: `Share of the source's feature values missing each day; shaded: outage windows (${m.outages.length ? m.outages.map((o) => `${o.source} ${o.start} to ${o.end}`).join("; ") : "none found"}). Dotted: training rates.`,
    ariaLabel: "Line chart of the daily missing rate of each feature source, with outage windows shaded",
    width: chartWidth(width),
    height: 320,
    marginRight: 80,
    x: dateAxis({domain: dayExtent(days[0], last)}),
    y: {label: "Missing rate (%)", tickFormat: "%", grid: true, domain: [0, Math.max(...m.daily.map((d) => d.rate)) * 1.1]},
    color: {domain: sourceDomain},
    marks: [
      Plot.rectX(windows, {x1: "x1", x2: "x2", fill: alert, fillOpacity: 0.12}),
      Plot.text(windows, {x: (o) => new Date((+o.x1 + +o.x2) / 2), frameAnchor: "top", dy: 6, text: (o) => `${o.source} outage`, fill: alert, fontSize: 11}),
      Plot.ruleY(train, {y: "rate", stroke: "source", strokeDasharray: "1,3"}),
      Plot.line(m.daily, {x: (d) => toDate(d.date), y: "rate", stroke: "source", marker: "circle-stroke"}),
      Plot.text(
        m.daily.filter((d) => d.date === last),
        {x: (d) => toDate(d.date), y: "rate", text: "source", fill: "source", textAnchor: "start", dx: 8, fontSize: 11},
      ),
      Plot.tip(m.daily, Plot.pointer({x: (d) => toDate(d.date), y: "rate", title: (d) => `${d.date}, ${d.source}: ${pct(d.rate)} missing (${int(d.rows)} rows)`})),
    ],
  });
}

/** RMSE by the number of features imputed in the row, with row counts. */
export function imputedRmseChart(report: DriftReport, {width}: WidthOption): Chart {
  const byImputed = report.missingness.by_imputed;
  const validationRmse = report.validation_rmse;
  return Plot.plot({
    title: "RMSE by number of imputed features in the row",
    subtitle: `Numbers above the bars: rows. Groups of a handful of rows are noisy. Dashed: validation RMSE (${usd(validationRmse)}).`,
    ariaLabel: "Bar chart of RMSE against the number of imputed features per row",
    width: chartWidth(width),
    height: 300,
    x: {label: "Imputed features in the row", type: "band"},
    y: {label: "RMSE ($)", grid: true},
    marks: [
      Plot.barY(byImputed, {x: "imputed_features", y: "rmse", fill: accent, title: (d) => `${d.imputed_features} imputed: RMSE ${usd(d.rmse)} on ${int(d.n)} rows`}),
      Plot.text(byImputed, {x: "imputed_features", y: "rmse", text: (d) => int(d.n), dy: -7, fontSize: 10}),
      Plot.ruleY([validationRmse], {strokeDasharray: "4,3"}),
      Plot.ruleY([0]),
    ],
  });
}

/** Whether the heat map has anything to show: a correlation matrix to compare, and cells. */
export const hasHeatmap = (report: DriftReport): boolean => !report.correlation.unavailable && report.correlation.heatmap.cells.length > 0;

/**
 * Δr (production − training) among the most important features; * marks a change beyond noise.
 *
 * @param maxWidth the square's largest side (default 760)
 */
export function correlationHeatmap(report: DriftReport, {width, maxWidth = 760}: WidthOption & {maxWidth?: number}): Chart {
  const {features, cells} = report.correlation.heatmap;
  const extent = Math.max(0.05, ...cells.map((d) => Math.abs(d.delta)));
  const size = chartWidth(Math.min(width, maxWidth));
  return Plot.plot({
    title: `Change in correlation among the ${features.length} most important features`,
    subtitle: "Δr = production r (pairwise-complete) − training r, written in each cell; red: correlation rose, blue: fell. An asterisk marks a change beyond sampling noise and training's imputation.",
    ariaLabel: "Heat map of the change in pairwise correlation between the most important features",
    width: size,
    height: Math.min(size, 40 * features.length + 200),
    marginLeft: 160,
    marginBottom: 140,
    x: {label: null, domain: features, tickRotate: -45},
    y: {label: null, domain: features},
    // No colour ramp legend: every cell states its value.
    color: {type: "linear", scheme: "BuRd", domain: [-extent, extent]},
    marks: [
      Plot.cell(cells, {x: "a", y: "b", fill: "delta", inset: 0.5, title: (d) => `${d.a} – ${d.b}: ${sig(d.train_r, 3)} → ${sig(d.prod_r, 3)} (Δr ${sig(d.delta, 2)}, n = ${d.n})`}),
      Plot.text(cells, {x: "a", y: "b", text: (d) => `${Math.abs(d.delta) < 0.005 ? "0.00" : signedNum(d.delta, 2)}${d.beyond_noise ? "*" : ""}`, fontSize: 9, fill: (d) => (Math.abs(d.delta) > extent * 0.6 ? "white" : "black")}),
    ],
  });
}
