import * as Plot from "@observablehq/plot";
import type {Dimension} from "../../loaders/inputs/index.js";
import type {DayPerformance, ImputedGroup, PerformanceDetail, PerformanceTable, PriceBin, ScatterPoint, SegmentPerformance} from "../../loaders/performance/index.js";
import {int, pct, usd} from "../shared/format.js";
import {dateAxis, toDate} from "./dates.js";
import {accent} from "./palette.js";
import {dimensionLabel} from "./performance-text.js";
import {chartWidth} from "./width.js";

/** The Performance page's charts: each takes the page's JSON and the width to draw at. */

type Chart = ReturnType<typeof Plot.plot>;

/** Every chart of the page takes the width to draw at (a chart narrower than 360 px scrolls, see width.ts). */
export interface WidthOption {
  width: number;
}

const segmentsOf = (perf: PerformanceTable, dimension: Dimension): SegmentPerformance[] => perf.segments.filter((s) => s.dimension === dimension);
const validationLabel = (v: number) => `validation RMSE ${usd(v)}`;

/** The validation RMSE as a dashed vertical rule, labelled above the frame. */
function validationRuleX(validation: number): Plot.Markish[] {
  return [
    Plot.ruleX([validation], {strokeDasharray: "4,3"}),
    Plot.text([validation], {x: (d: number) => d, frameAnchor: "top", dy: -10, text: () => validationLabel(validation), fontSize: 11}),
  ];
}

/** The validation RMSE as a dashed horizontal rule, labelled at the right end. */
function validationRuleY(validation: number): Plot.Markish[] {
  return [
    Plot.ruleY([validation], {strokeDasharray: "4,3"}),
    Plot.text([validation], {y: (d: number) => d, frameAnchor: "right", dy: -8, text: () => validationLabel(validation), fontSize: 11}),
  ];
}

/** Predicted vs actual price with the y = x line; log axes when every value is positive (prices span two orders of magnitude). */
export function predictedVsActualChart(detail: PerformanceDetail, {width}: WidthOption): Chart {
  const {points, points_total: total} = detail;
  const values = points.flatMap((p) => [p.actual, p.predicted]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const log = lo > 0;
  const scale = log ? "log" : "linear";
  const sampled = points.length < total ? ` (a systematic sample of ${int(points.length)} of ${int(total)} rows)` : "";
  return Plot.plot({
    title: `Predicted vs actual price${sampled}`,
    subtitle: "Points above the line are over-priced, below it under-priced.",
    ariaLabel: "Scatter plot of predicted against actual price with the line where prediction equals actual",
    width: chartWidth(width),
    height: Math.min(520, chartWidth(width)),
    x: {type: scale, label: `Actual price ($${log ? ", log scale" : ""})`, grid: true},
    y: {type: scale, label: `Predicted price ($${log ? ", log scale" : ""})`, grid: true},
    marks: [
      Plot.line(
        [
          [lo, lo],
          [hi, hi],
        ],
        {strokeDasharray: "4,3"},
      ),
      Plot.text([[hi, hi]], {text: () => "y = x", textAnchor: "end", dx: -4, dy: -8, fontSize: 11}),
      Plot.dot(points, {
        x: "actual",
        y: "predicted",
        r: 2.5,
        fill: accent,
        fillOpacity: 0.6,
        tip: true,
        title: (p: ScatterPoint) => `${p.category}, ${p.price_tier}\nactual ${usd(p.actual)}\npredicted ${usd(p.predicted)}`,
      }),
    ],
  });
}

/** Histogram of signed errors (actual − predicted), binned in the loader from every row. */
export function errorHistogram(detail: PerformanceDetail, {width}: WidthOption): Chart {
  const bins = detail.error_histogram;
  return Plot.plot({
    title: "Distribution of prediction errors",
    subtitle: "Error = actual − predicted: right of zero the model priced too low, left of zero too high.",
    ariaLabel: "Histogram of prediction errors in dollars",
    width: chartWidth(width),
    height: 300,
    x: {label: "Error, actual − predicted ($)"},
    y: {label: "Rows", grid: true},
    marks: [Plot.rectY(bins, {x1: "x0", x2: "x1", y: "count", fill: accent, inset: 0.5, tip: true}), Plot.ruleX([0]), Plot.ruleY([0])],
  });
}

/** Each segment's RMSE with its interval; hollow dots and a text mark for small samples; the validation RMSE as a rule. */
export function segmentRmseChart(perf: PerformanceTable, dimension: Dimension, {width}: WidthOption): Chart {
  const label = dimensionLabel[dimension];
  const validation = perf.validation.rmse;
  const level = perf.settings.ci_level;
  const sorted = segmentsOf(perf, dimension).sort((a, b) => b.rmse - a.rmse);
  // On a narrow screen the status stays in the table; the chart keeps n and the small-sample mark.
  const compact = width < 640;
  const note = (s: SegmentPerformance) => (compact ? `n = ${int(s.n)}${s.small ? " · small" : ""}` : `n = ${int(s.n)} · ${s.status}`);
  return Plot.plot({
    title: `RMSE by ${label}, with ${pct(level, 0)} intervals`,
    ariaLabel: `Dot plot of RMSE by ${label} with interval bars and the validation RMSE as a reference line`,
    width: chartWidth(width),
    height: 50 + sorted.length * 24,
    marginTop: 30,
    marginLeft: compact ? 110 : 130,
    marginRight: compact ? 80 : 190,
    x: {label: "RMSE ($)", grid: true, zero: true},
    y: {label: null, domain: sorted.map((s) => s.segment)},
    marks: [
      ...validationRuleX(validation),
      Plot.ruleY(
        sorted.filter((s) => s.rmse_ci_low !== null),
        {y: "segment", x1: "rmse_ci_low", x2: "rmse_ci_high", stroke: accent, strokeWidth: 2},
      ),
      Plot.dot(
        sorted.filter((s) => !s.small),
        {x: "rmse", y: "segment", r: 4.5, fill: accent, stroke: accent, tip: true, title: (s: SegmentPerformance) => `${s.segment}\nRMSE ${usd(s.rmse)}\n${note(s)}`},
      ),
      Plot.dot(
        sorted.filter((s) => s.small),
        {x: "rmse", y: "segment", r: 4.5, fill: "white", stroke: accent, strokeWidth: 1.5, tip: true, title: (s: SegmentPerformance) => `${s.segment}\nRMSE ${usd(s.rmse)}\n${note(s)}`},
      ),
      Plot.text(sorted, {
        x: (s: SegmentPerformance) => Math.max(s.rmse_ci_high ?? s.rmse, s.rmse),
        y: "segment",
        text: note,
        textAnchor: "start",
        dx: 8,
        fontSize: 10,
      }),
    ],
  });
}

/** Each segment's share of rows vs its share of squared error: far apart means the error is concentrated there. */
export function concentrationChart(perf: PerformanceTable, dimension: Dimension, {width}: WidthOption): Chart {
  const label = dimensionLabel[dimension];
  const sorted = segmentsOf(perf, dimension).sort((a, b) => b.error_share_ratio - a.error_share_ratio);
  const kinds = ["share of rows", "share of squared error"];
  const points = sorted.flatMap((s) => [
    {segment: s.segment, kind: kinds[0], value: s.row_share},
    {segment: s.segment, kind: kinds[1], value: s.sse_share},
  ]);
  return Plot.plot({
    title: `Share of squared error vs share of rows, by ${label}`,
    subtitle: "Open circle: share of rows; filled square: share of squared error. A square right of its circle means more than its share of the error.",
    ariaLabel: `Dumbbell chart comparing each ${label}'s share of rows with its share of squared error`,
    width: chartWidth(width),
    height: 60 + sorted.length * 22,
    marginLeft: 130,
    x: {label: "Share (%)", percent: true, grid: true, zero: true},
    y: {label: null, domain: sorted.map((s) => s.segment)},
    symbol: {domain: kinds, range: ["circle", "square"]},
    marks: [
      Plot.ruleY(sorted, {y: "segment", x1: "row_share", x2: "sse_share", stroke: "#999"}),
      Plot.dot(points, {
        x: "value",
        y: "segment",
        symbol: "kind",
        r: 4.5,
        stroke: accent,
        fill: (d: {kind: string}) => (d.kind === kinds[1] ? accent : "white"),
        tip: true,
        title: (d: {segment: string; kind: string; value: number}) => `${d.segment}\n${d.kind}: ${pct(d.value)}`,
      }),
    ],
  });
}

/** The two price-bin charts share their frame: one row per bin, cheapest on top. */
function priceBinLayout(bins: readonly PriceBin[], width: number) {
  return {
    width: chartWidth(width),
    height: 60 + bins.length * 26,
    marginTop: 30,
    marginLeft: 120,
    y: {label: "Actual price", domain: bins.map((b) => b.label)},
  };
}

/** RMSE of each actual-price bin, with its interval. */
export function priceBinRmseChart(perf: PerformanceTable, detail: PerformanceDetail, {width}: WidthOption): Chart {
  const bins = detail.price_bins;
  const validation = perf.validation.rmse;
  const level = perf.settings.ci_level;
  return Plot.plot({
    title: `RMSE by actual-price bin, with ${pct(level, 0)} intervals`,
    ariaLabel: "Dot plot of RMSE by actual-price bin with interval bars and the validation RMSE as a reference line",
    ...priceBinLayout(bins, width),
    x: {label: "RMSE ($)", grid: true, zero: true},
    marks: [
      ...validationRuleX(validation),
      Plot.ruleY(
        bins.filter((b) => b.rmse_ci_low !== null),
        {y: "label", x1: "rmse_ci_low", x2: "rmse_ci_high", stroke: accent, strokeWidth: 2},
      ),
      Plot.dot(bins, {x: "rmse", y: "label", r: 4.5, fill: accent, tip: true, title: (b: PriceBin) => `${b.label}\nRMSE ${usd(b.rmse)}\nn = ${int(b.n)}`}),
    ],
  });
}

/** RMSE of each price bin as a share of its mean price. */
export function priceBinRelativeChart(detail: PerformanceDetail, {width}: WidthOption): Chart {
  const bins = detail.price_bins;
  return Plot.plot({
    title: "RMSE relative to price, by actual-price bin",
    ariaLabel: "Bar chart of each price bin's RMSE as a percentage of its mean actual price",
    ...priceBinLayout(bins, width),
    x: {label: "RMSE as % of the bin's mean price", percent: true, grid: true},
    marks: [
      Plot.barX(bins, {x: "rmse_share_of_price", y: "label", fill: accent, tip: true}),
      Plot.text(bins, {x: "rmse_share_of_price", y: "label", text: (b: PriceBin) => pct(b.rmse_share_of_price, 0), textAnchor: "start", dx: 4, fontSize: 10}),
      Plot.ruleX([0]),
    ],
  });
}

const groupLabel = (g: ImputedGroup) => (g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`);

/** RMSE by number of imputed features, adjacent counts pooled so each point rests on enough rows. */
export function imputedChart(perf: PerformanceTable, {width}: WidthOption): Chart {
  const groups = perf.by_imputed_groups;
  const validation = perf.validation.rmse;
  return Plot.plot({
    title: "RMSE by number of imputed (missing) features per row",
    subtitle: "Counts with few rows are pooled with their neighbours; n is printed above each point.",
    ariaLabel: "Line chart of RMSE against the number of imputed features per row, with the validation RMSE as a reference line",
    width: chartWidth(width),
    height: 320,
    marginTop: 30,
    x: {label: "Imputed features in the row", domain: groups.map(groupLabel), padding: 0.3},
    y: {label: "RMSE ($)", grid: true, zero: true},
    marks: [
      ...validationRuleY(validation),
      Plot.line(groups, {x: groupLabel, y: "rmse", stroke: accent}),
      Plot.dot(groups, {x: groupLabel, y: "rmse", r: 4, fill: accent, tip: true, title: (g: ImputedGroup) => `${groupLabel(g)} imputed\nRMSE ${usd(g.rmse)}\nn = ${int(g.n)}`}),
      Plot.text(groups, {x: groupLabel, y: "rmse", text: (g: ImputedGroup) => `n=${int(g.n)}`, dy: -12, fontSize: 10}),
    ],
  });
}

const day = (d: DayPerformance) => toDate(d.date);

/** Daily RMSE (dots) and the trailing rolling RMSE pooled from squared errors (line). */
export function dailyChart(perf: PerformanceTable, {width}: WidthOption): Chart {
  const daily = perf.daily;
  const validation = perf.validation.rmse;
  const rollingDays = perf.settings.rolling_days;
  const rolling = daily.filter((d) => d.rolling_rmse !== null);
  const last = rolling[rolling.length - 1];
  return Plot.plot({
    title: `Daily RMSE (dots) and ${rollingDays}-day rolling RMSE (line)`,
    ariaLabel: `Daily RMSE as dots and the ${rollingDays}-day rolling RMSE as a line over the production window, with the validation RMSE as a reference line`,
    width: chartWidth(width),
    height: 320,
    marginTop: 30,
    marginRight: 90,
    x: dateAxis(),
    y: {label: "RMSE ($)", grid: true, zero: true},
    marks: [
      ...validationRuleY(validation),
      Plot.dot(daily, {x: day, y: "rmse", r: 3.5, stroke: accent, fill: "white", tip: true, title: (d: DayPerformance) => `${d.date}\nRMSE ${usd(d.rmse)}\nn = ${int(d.n)}`}),
      Plot.line(rolling, {x: day, y: "rolling_rmse", stroke: accent, strokeWidth: 2.5}),
      ...(last ? [Plot.text([last], {x: day, y: "rolling_rmse", text: () => `${rollingDays}-day rolling`, textAnchor: "start", dx: 6, fontSize: 11})] : []),
    ],
  });
}

/** Rows scored per day: how much each daily RMSE rests on. */
export function rowsPerDayChart(perf: PerformanceTable, {width}: WidthOption): Chart {
  const daily = perf.daily;
  return Plot.plot({
    title: "Rows scored per day",
    ariaLabel: "Bar chart of the number of production rows per day",
    width: chartWidth(width),
    height: 180,
    x: dateAxis(),
    y: {label: "Rows", grid: true},
    marks: [Plot.rectY(daily, {x: day, interval: "day", y: "n", fill: accent, inset: 1, tip: true}), Plot.ruleY([0])],
  });
}
