import * as Plot from "@observablehq/plot";
import {format} from "d3";
import type {DayFigures, Direction, MetricId, MonitoringTable} from "../../loaders/monitoring/index.js";
import {usd} from "../shared/format.js";
import {dateAxis, dayBandAxis, toDate} from "./dates.js";
import {paragraph} from "./dom.js";
import {rule} from "./monitoring-rules.js";
import {bandColor, levelColor, revenueColor, series as seriesColor} from "./palette.js";
import {chartWidth} from "./width.js";

/** Monitoring's charts are wide time series: below this they scroll. */
const minWidth = 480;

/** Every chart of the page takes the width to draw at. */
export interface WidthOption {
  width: number;
}

/** One day of a metric's series; null where the day's value cannot be computed (a gap in the line). */
export interface SeriesPoint {
  date: Date;
  value: number | null;
}

/** The columns of monitoring.json's daily figures that hold a number (or null where it cannot be computed). */
export type DailySeries = {[K in keyof DayFigures]: DayFigures[K] extends number | null ? K : never}[keyof DayFigures];

/** One column of the daily figures as dated points. */
export function dailySeries(mon: MonitoringTable, key: DailySeries): SeriesPoint[] {
  return mon.daily.map((d) => ({date: toDate(d.date), value: d[key]}));
}

/** What a threshold chart draws: its words, its series, the rule's lines and how its values read. */
export interface ThresholdChartOptions {
  title: string;
  subtitle?: string;
  yLabel: string;
  ariaLabel: string;
  /** Each day alone (dots), e.g. the daily RMSE; optional. */
  daily?: SeriesPoint[];
  dailyLabel?: string;
  /** What the rule judges (line). */
  judged: SeriesPoint[];
  judgedLabel: string;
  /** Extra context lines (not judged), e.g. p50 latency. */
  context?: {label: string; points: SeriesPoint[]; stroke: string}[];
  yellow: number;
  red: number;
  direction: Direction;
  tick: (y: number) => string;
  /** Threshold values in the band labels, at full precision (e.g. $10.01). */
  label: (y: number) => string;
  width: number;
}

/**
 * A metric's daily series over its threshold bands: shaded green, yellow and
 * red zones with their words at the right edge, the judged value as a line
 * and, where given, each day alone as dots.
 */
export function thresholdChart(o: ThresholdChartOptions): SVGSVGElement | HTMLElement {
  const dates = o.judged.map((p) => p.date);
  const x1 = dates[0];
  const x2 = dates[dates.length - 1];
  const values = [...o.judged, ...(o.daily ?? []), ...(o.context ?? []).flatMap((c) => c.points)].map((p) => p.value).filter((v): v is number => v !== null);
  const top = Math.max(o.red * 1.25, o.yellow * 1.5, ...values) * 1.05;
  const below = o.direction === "below";
  type Band = {level: "green" | "yellow" | "red"; y1: number; y2: number};
  const bands: Band[] = below
    ? [
        {level: "red", y1: 0, y2: o.red},
        {level: "yellow", y1: o.red, y2: o.yellow},
        {level: "green", y1: o.yellow, y2: top},
      ]
    : [
        {level: "green", y1: 0, y2: o.yellow},
        {level: "yellow", y1: o.yellow, y2: o.red},
        {level: "red", y1: o.red, y2: top},
      ];
  const sign = below ? "<" : ">";
  const bandLabel = (b: Band) => (b.level === "green" ? "green" : `${b.level} ${sign} ${o.label(b.level === "red" ? o.red : o.yellow)}`);
  // The yellow word at the left edge and the others at the right, so they
  // cannot collide when the yellow and red lines are close.
  const labelX = (b: Band) => (b.level === "yellow" ? x1 : x2);
  const present = (points: SeriesPoint[]) => points.filter((p) => p.value !== null);
  const keys = [o.judgedLabel, ...(o.daily ? [o.dailyLabel ?? "daily"] : []), ...(o.context ?? []).map((c) => c.label)];
  const strokes = [seriesColor.navy, ...(o.daily ? [seriesColor.grey] : []), ...(o.context ?? []).map((c) => c.stroke)];
  return Plot.plot({
    title: o.title,
    subtitle: o.subtitle,
    ariaLabel: o.ariaLabel,
    width: chartWidth(o.width, minWidth),
    height: 260,
    marginRight: 20,
    marginLeft: 56,
    x: dateAxis({domain: [x1, x2], inset: 6}),
    y: {label: o.yLabel, domain: [0, top], tickFormat: o.tick, grid: true},
    color: {domain: keys, range: strokes, legend: true},
    marks: [
      Plot.rectY(bands, {x1: () => x1, x2: () => x2, y1: "y1", y2: "y2", fill: (b: Band) => bandColor[b.level], fillOpacity: 0.1}),
      Plot.ruleY([o.yellow], {stroke: bandColor.yellow, strokeDasharray: "4,3"}),
      Plot.ruleY([o.red], {stroke: bandColor.red, strokeDasharray: "4,3"}),
      // Each band's word sits inside it, next to the line that opens it.
      ...(["start", "end"] as const).map((anchor) =>
        Plot.text(
          bands.filter((b) => (b.level === "yellow") === (anchor === "start")),
          {
            x: labelX,
            y: (b: Band) => (below ? b.y2 : b.y1),
            text: bandLabel,
            textAnchor: anchor,
            dx: anchor === "start" ? 4 : -4,
            dy: below ? 8 : -6,
            fill: (b: Band) => levelColor[b.level],
            fontWeight: "bold",
            // A white halo keeps the word legible over dots and lines.
            stroke: "white",
            strokeWidth: 3,
            paintOrder: "stroke",
          },
        ),
      ),
      ...(o.context ?? []).map((c) => Plot.line(present(c.points), {x: "date", y: "value", stroke: () => c.label, strokeWidth: 1.5, strokeDasharray: "2,2"})),
      ...(o.daily ? [Plot.dot(present(o.daily), {x: "date", y: "value", stroke: () => o.dailyLabel ?? "daily", r: 2.5, tip: true})] : []),
      Plot.line(present(o.judged), {x: "date", y: "value", stroke: () => o.judgedLabel, strokeWidth: 2.5}),
      Plot.dot(present(o.judged), {x: "date", y: "value", fill: () => o.judgedLabel, r: 2, tip: true}),
    ],
  });
}

/** A metric's rule lines, for thresholdChart. */
function lines(mon: MonitoringTable, id: MetricId): Pick<ThresholdChartOptions, "yellow" | "red" | "direction"> {
  const {yellow, red, direction} = rule(mon, id).thresholds;
  return {yellow, red, direction};
}

const dollarTick = (y: number) => `$${y.toFixed(0)}`;
const percentTick = (y: number) => `${y.toFixed(0)}%`;
const percentLabel = (y: number) => `${y}%`;
/** The trailing window, as the legend names the judged line. */
const trailing = (mon: MonitoringTable) => `trailing ${mon.settings.window_days} days`;

/** Trailing RMSE (judged) and each day's RMSE over the RMSE rule's bands. */
export function rmseChart(mon: MonitoringTable, {width}: WidthOption) {
  return thresholdChart({
    title: "RMSE per day and over the trailing window",
    subtitle: `Line: trailing ${mon.settings.window_days}-day RMSE pooled from the days' squared errors (what the rule judges; blank until the window holds ${mon.settings.min_window_rows} predictions). Dots: each day alone.`,
    yLabel: "RMSE ($)",
    ariaLabel: "Line chart of the trailing RMSE with daily RMSE dots over yellow and red threshold bands",
    judged: dailySeries(mon, "rmse_trailing"),
    judgedLabel: trailing(mon),
    daily: dailySeries(mon, "rmse"),
    dailyLabel: "one day",
    ...lines(mon, "rmse"),
    tick: dollarTick,
    label: usd,
    width,
  });
}

/** Trailing MAE (judged) and each day's MAE over the MAE rule's bands. */
export function maeChart(mon: MonitoringTable, {width}: WidthOption) {
  return thresholdChart({
    title: "MAE per day and over the trailing window",
    subtitle: `Line: trailing ${mon.settings.window_days}-day MAE (judged). Dots: each day alone.`,
    yLabel: "MAE ($)",
    ariaLabel: "Line chart of the trailing MAE with daily MAE dots over yellow and red threshold bands",
    judged: dailySeries(mon, "mae_trailing"),
    judgedLabel: trailing(mon),
    daily: dailySeries(mon, "mae"),
    dailyLabel: "one day",
    ...lines(mon, "mae"),
    tick: dollarTick,
    label: usd,
    width,
  });
}

/** The largest |mean shift| among the monitored features, over the mean-shift rule's bands. */
export function meanShiftChart(mon: MonitoringTable, {width}: WidthOption) {
  return thresholdChart({
    title: "Largest mean shift among the monitored features",
    subtitle: `Line: largest |mean shift| over the trailing ${mon.settings.window_days} days (judged, per feature). Dots: the same from one day's rows.`,
    yLabel: "|Mean shift| (% of training mean)",
    ariaLabel: "Line chart of the largest absolute mean shift among monitored features over yellow and red bands",
    judged: dailySeries(mon, "mean_shift_max_trailing_pct"),
    judgedLabel: trailing(mon),
    daily: dailySeries(mon, "mean_shift_max_pct"),
    dailyLabel: "one day",
    ...lines(mon, "mean_shift"),
    tick: percentTick,
    label: percentLabel,
    width,
  });
}

/** Prediction drift's size (|shift| in training target SDs), judged over the trailing window and one day's rows, over the rule's bands. */
export function predictionShiftChart(mon: MonitoringTable, {width}: WidthOption) {
  const size = (points: SeriesPoint[]) => points.map((p) => ({date: p.date, value: p.value === null ? null : Math.abs(p.value)}));
  const sd = (y: number) => `${y.toFixed(2)} SD`;
  return thresholdChart({
    title: "Prediction drift: the predictions' mean against the training prices",
    subtitle: `Line: |mean prediction − training mean price| over the trailing ${mon.settings.window_days} days, in training SDs of the price (judged). Dots: the same from one day's rows.`,
    yLabel: "|Shift| (training SD)",
    ariaLabel: "Line chart of the absolute shift of the mean prediction from the training mean price, in training SDs, over yellow and red bands",
    judged: size(dailySeries(mon, "prediction_shift_trailing_sd")),
    judgedLabel: trailing(mon),
    daily: size(dailySeries(mon, "prediction_shift_sd")),
    dailyLabel: "one day",
    ...lines(mon, "prediction_shift"),
    tick: (y) => y.toFixed(2),
    label: sd,
    width,
  });
}

/** The highest missing rate among the monitored features, with every feature's daily rate for context, over the missing-rate rule's bands. */
export function missingRateChart(mon: MonitoringTable, {width}: WidthOption) {
  return thresholdChart({
    title: "Highest missing rate among the monitored features",
    subtitle: `Line: highest missing rate over the trailing ${mon.settings.window_days} days (judged, per feature). Dots: one day's rows. Dashed: all model features' cells, one day.`,
    yLabel: "Missing values (%)",
    ariaLabel: "Line chart of the highest feature missing rate over yellow and red bands, with the all-feature daily missing rate",
    judged: dailySeries(mon, "missing_max_trailing_pct"),
    judgedLabel: trailing(mon),
    daily: dailySeries(mon, "missing_max_pct"),
    dailyLabel: "one day",
    context: [{label: "all model features, one day", points: dailySeries(mon, "missing_all_pct"), stroke: seriesColor.purple}],
    ...lines(mon, "missing_rate"),
    tick: percentTick,
    label: percentLabel,
    width,
  });
}

/** Each day's p95 latency (judged) and median over the latency rule's bands; a note when the log has no latency column. */
export function latencyChart(mon: MonitoringTable, {width}: WidthOption) {
  if (!mon.has_latency) return paragraph("The production log has no latency_ms column, so this panel has nothing to show: latency must be logged for the latency rule to work.", "note");
  return thresholdChart({
    title: "Request latency per day",
    subtitle: `Line: the day's 95th-percentile latency (judged, against the ${mon.settings.latency_budget_ms} ms API budget). Dashed: the day's median.`,
    yLabel: "Latency (ms)",
    ariaLabel: "Line chart of daily p95 and median request latency over yellow and red bands",
    judged: dailySeries(mon, "latency_p95"),
    judgedLabel: "p95, one day",
    context: [{label: "p50, one day", points: dailySeries(mon, "latency_p50"), stroke: seriesColor.purple}],
    ...lines(mon, "latency_p95"),
    tick: (y) => `${y.toFixed(0)}`,
    label: (y) => `${y} ms`,
    width,
  });
}

/** The trailing share of revenue mispriced (judged) and each day's, over the mispricing rule's bands. */
export function mispricingChart(mon: MonitoringTable, {width}: WidthOption) {
  return thresholdChart({
    title: "Mispriced revenue",
    subtitle: `Line: (left on the table + at risk) / revenue over the trailing ${mon.settings.window_days} days (judged). Dots: one day.`,
    yLabel: "Mispriced revenue (% of revenue)",
    ariaLabel: "Line chart of the share of revenue mispriced over yellow and red bands",
    judged: dailySeries(mon, "mispricing_trailing_pct"),
    judgedLabel: trailing(mon),
    daily: dailySeries(mon, "mispricing_pct"),
    dailyLabel: "one day",
    ...lines(mon, "mispricing"),
    tick: percentTick,
    label: percentLabel,
    width,
  });
}

/** One day of the volume chart: predictions logged, and the usual volume (null before there is a history). */
export interface VolumeDay {
  date: Date;
  n: number;
  baseline: number | null;
}

/** Predictions per day as bars, with the lines below which the volume rule turns yellow and red. */
export function volumeChart(days: VolumeDay[], yellowPct: number, redPct: number, width: number) {
  const lines = days.flatMap((d) =>
    d.baseline === null
      ? []
      : [
          {date: d.date, value: (d.baseline * yellowPct) / 100, line: `yellow: below ${yellowPct}% of usual`},
          {date: d.date, value: (d.baseline * redPct) / 100, line: `red: below ${redPct}% of usual`},
          {date: d.date, value: d.baseline, line: "usual (median of previous days)"},
        ],
  );
  return Plot.plot({
    title: "Predictions per day",
    subtitle: "Bars: predictions logged each day. Lines: the usual volume and the levels below which the rule alerts.",
    ariaLabel: "Bar chart of predictions per day with the usual volume and the yellow and red alert levels",
    width: chartWidth(width, minWidth),
    height: 240,
    marginLeft: 56,
    x: dayBandAxis(),
    y: {label: "Predictions (rows)", grid: true},
    color: {
      domain: ["usual (median of previous days)", `yellow: below ${yellowPct}% of usual`, `red: below ${redPct}% of usual`],
      range: [seriesColor.navy, bandColor.yellow, bandColor.red],
      legend: true,
    },
    marks: [
      Plot.barY(days, {x: "date", y: "n", fill: seriesColor.bars, tip: true}),
      Plot.line(lines, {x: "date", y: "value", z: "line", stroke: "line", strokeWidth: 2, curve: "step"}),
      Plot.ruleY([0]),
    ],
  });
}

/** The volume chart of the page: each day's predictions against the volume rule's lines. */
export function predictionsPerDayChart(mon: MonitoringTable, {width}: WidthOption) {
  const {yellow, red} = rule(mon, "volume").thresholds;
  return volumeChart(mon.daily.map((d) => ({date: toDate(d.date), n: d.n, baseline: d.volume_baseline})), yellow, red, width);
}

/** One day of the alerts chart: the replay's alerts by level. */
export interface AlertDay {
  date: Date;
  yellow: number;
  red: number;
}

/** Alerts per day by level, with the alert-frequency rule's lines. */
export function alertsChart(days: AlertDay[], yellow: number, red: number, width: number) {
  const stacked = days.flatMap((d) => [
    {date: d.date, level: "red alerts", count: d.red},
    {date: d.date, level: "yellow alerts", count: d.yellow},
  ]);
  return Plot.plot({
    title: "Alerts per day in the replay",
    subtitle: `Stacked by level; dashed lines: more than ${yellow} a day is yellow, more than ${red} (the rollback criterion) is red.`,
    ariaLabel: "Stacked bar chart of yellow and red alerts per day with the alert-frequency thresholds",
    width: chartWidth(width, minWidth),
    height: 240,
    marginLeft: 56,
    x: dayBandAxis(),
    y: {label: "Alerts (count)", grid: true},
    color: {domain: ["red alerts", "yellow alerts"], range: [bandColor.red, bandColor.yellow], legend: true},
    marks: [
      Plot.barY(stacked, {x: "date", y: "count", fill: "level", tip: true}),
      Plot.ruleY([yellow], {stroke: levelColor.yellow, strokeDasharray: "4,3"}),
      Plot.ruleY([red], {stroke: levelColor.red, strokeDasharray: "4,3"}),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * The replay's alerts per day against the alert-frequency rule's lines.
 *
 * @param red the red line, when a page judges by another (the Risk page's rollback criterion); default the rule's
 */
export function alertsPerDayChart(mon: MonitoringTable, {width, red}: WidthOption & {red?: number}) {
  const t = rule(mon, "alerts_per_day").thresholds;
  return alertsChart(mon.replay.alerts_per_day.map((d) => ({date: toDate(d.date), yellow: d.yellow, red: d.red})), t.yellow, red ?? t.red, width);
}

/** One day of the revenue chart: dollars left on the table and at risk. */
export interface ImpactDay {
  date: Date;
  underpriced: number;
  overpriced: number;
}

/** Revenue left on the table (up) and at risk (down), per day. */
export function impactChart(days: ImpactDay[], width: number) {
  const kinds = ["left on the table (under-pricing)", "at risk (over-pricing)"];
  const rows = days.flatMap((d) => [
    {date: d.date, kind: kinds[0], usd: d.underpriced},
    {date: d.date, kind: kinds[1], usd: -d.overpriced},
  ]);
  return Plot.plot({
    title: "Revenue effect of pricing errors per day",
    subtitle: "Up: revenue left on the table by under-pricing; down: revenue at risk from over-pricing (units × price gap).",
    ariaLabel: "Diverging bar chart of daily revenue left on the table and revenue at risk",
    width: chartWidth(width, minWidth),
    height: 260,
    marginLeft: 64,
    x: dayBandAxis(),
    y: {label: "Revenue ($)", grid: true, tickFormat: (v: number) => (v < 0 ? "−$" : "$") + format(",.0f")(Math.abs(v))},
    color: {domain: kinds, range: [revenueColor.under, revenueColor.over], legend: true},
    marks: [Plot.barY(rows, {x: "date", y: "usd", fill: "kind", tip: true}), Plot.ruleY([0])],
  });
}

/** The page's revenue chart: each day with predictions; a note when the log has no units sold. */
export function revenueChart(mon: MonitoringTable, {width}: WidthOption) {
  if (!mon.has_units) return paragraph("The production log has no units_sold column: revenue implications cannot be computed.", "note");
  const days = mon.daily.flatMap((d) => (d.n > 0 && d.underpriced_usd !== null && d.overpriced_usd !== null ? [{date: toDate(d.date), underpriced: d.underpriced_usd, overpriced: d.overpriced_usd}] : []));
  return impactChart(days, width);
}
