import * as Plot from "@observablehq/plot";
import {format} from "d3";
import type {RetrainingTable, WeekFigures} from "../../loaders/retraining/index.js";
import {dayBandAxis, monthDay} from "./dates.js";
import {series, triggerStateColor} from "./palette.js";
import {scheduleRows, type ScheduleRow} from "./retraining-costs.js";
import {chartWidth as widthRule} from "./width.js";

/** The Retraining page's charts: each takes retraining.json and the width to draw at. */

/** Narrower than this, a chart scrolls (see width.ts). */
const chartWidth = (width: number) => widthRule(width, 320);

/** Every chart of the page takes the width to draw at. */
export interface WidthOption {
  width: number;
}

const weekSeries = ["RMSE over validation", "largest critical-feature drift", "critical values missing"] as const;
const weekColors = [series.navy, series.orange, series.purple];

/** Week by week: how far accuracy and the critical inputs had moved, against the retraining triggers' lines. */
export function weeklyChart(ret: RetrainingTable, {width}: WidthOption) {
  const weeks = ret.buildup.weeks;
  const rmseTrigger = ret.settings.triggers.rmse_degradation_pct;
  const driftTrigger = ret.settings.triggers.critical_drift_pct;
  const label = (w: WeekFigures) => `${monthDay(w.start)}–${monthDay(w.end)}${w.days < 7 ? ` (${w.days} d)` : ""}`;
  const rows = weeks.flatMap((w) =>
    [w.rmse_increase_pct, w.drift_pct, w.critical_missing_pct].map((value, i) => ({week: label(w), series: weekSeries[i], value})),
  ).filter((r) => r.value !== null);
  return Plot.plot({
    title: "How far the model had moved, week by week",
    subtitle: `Dashed lines: the retraining triggers (RMSE more than ${rmseTrigger}% over validation; drift above ${driftTrigger}% in a critical feature).`,
    ariaLabel: "Grouped bar chart per production week of RMSE over validation, largest critical-feature drift and share of critical values missing, with the trigger lines",
    width: chartWidth(width),
    height: 280,
    marginLeft: 52,
    marginBottom: 40,
    fx: {label: "Production week (month-day)", domain: weeks.map(label), padding: 0.15},
    x: {axis: null, domain: weekSeries},
    y: {label: "Percent (%)", grid: true, tickFormat: (y: number) => `${y}%`},
    color: {domain: weekSeries, range: weekColors, legend: true},
    marks: [
      Plot.barY(rows, {fx: "week", x: "series", y: "value", fill: "series", tip: true}),
      Plot.ruleY([rmseTrigger], {stroke: weekColors[0], strokeDasharray: "4,3"}),
      Plot.ruleY([driftTrigger], {stroke: weekColors[1], strokeDasharray: "4,3"}),
      Plot.ruleY([0]),
    ],
  });
}

/** One trigger on one day, as the grid draws it. */
export interface TriggerCell {
  date: string;
  trigger: string;
  state: "fired" | "not fired" | "no data";
}

const stateMark: Record<TriggerCell["state"], string> = {"fired": "✕", "not fired": "", "no data": "?"};

/** Each trigger, each day: fired, not fired, or not judged (too few predictions in the window). */
export function triggerGrid(ret: RetrainingTable, {width}: WidthOption) {
  const triggers = ret.current.triggers.map((t) => t.name);
  const cells = ret.daily.flatMap((d) =>
    ret.current.triggers.map((t): TriggerCell => {
      const fired = d.fired[t.id];
      return {date: d.date, trigger: t.name, state: fired === null ? "no data" : fired ? "fired" : "not fired"};
    }),
  );
  return Plot.plot({
    title: "Which trigger fired on which day",
    subtitle: "Judged on the trailing window ending each day. ✕ fired; grey: did not fire; ? too few predictions to judge.",
    ariaLabel: "Grid of days by retraining trigger showing whether each trigger fired",
    width: chartWidth(width),
    height: 60 + 34 * triggers.length,
    marginLeft: 170,
    marginBottom: 36,
    x: {...dayBandAxis("Date (month-day)"), padding: 0.08},
    y: {label: null, domain: triggers},
    color: {domain: ["fired", "not fired", "no data"], range: [triggerStateColor.fired, triggerStateColor["not fired"], triggerStateColor["no data"]], legend: true},
    marks: [
      Plot.cell(cells, {x: "date", y: "trigger", fill: "state", stroke: "#90a4ae", strokeWidth: 0.5, tip: true}),
      Plot.text(cells, {x: "date", y: "trigger", text: (c: TriggerCell) => stateMark[c.state], fill: (c: TriggerCell) => (c.state === "fired" ? "white" : "#455a64"), fontWeight: "bold"}),
    ],
  });
}

type ScheduleBar = Pick<ScheduleRow, "schedule" | "low" | "high">;

/** Annual cost of each schedule; a range for triggered retraining. */
export function costChart(ret: RetrainingTable, {width}: WidthOption) {
  const bars: ScheduleBar[] = scheduleRows(ret);
  const usd0 = (x: number) => "$" + format(",.0f")(x);
  return Plot.plot({
    title: "Annual retraining cost by schedule",
    subtitle: "From the brief's inputs; the triggered schedule is a range (see the replay above).",
    ariaLabel: "Horizontal bar chart of the annual cost of each retraining schedule",
    width: chartWidth(width),
    height: 50 + 36 * bars.length,
    marginLeft: 90,
    marginRight: 120,
    x: {label: "Annual cost ($)", grid: true, tickFormat: usd0},
    y: {label: null, domain: bars.map((b) => b.schedule)},
    marks: [
      Plot.barX(bars, {y: "schedule", x1: "low", x2: "high", fill: series.navy, insetTop: 6, insetBottom: 6}),
      Plot.barX(bars.filter((b) => b.low === b.high), {y: "schedule", x: "high", fill: series.navy, insetTop: 6, insetBottom: 6}),
      Plot.text(bars, {y: "schedule", x: "high", text: (b: ScheduleBar) => (b.low === b.high ? usd0(b.high) : `${usd0(b.low)}–${usd0(b.high)}`), textAnchor: "start", dx: 4}),
      Plot.ruleX([0]),
    ],
  });
}
