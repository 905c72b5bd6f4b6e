import * as Plot from "@observablehq/plot";
import {format} from "d3";

// Framework's `width` can be 0 before the page lays out.
const chartWidth = (width: number) => Math.max(width, 320);
const shortDate = (d: string) => d.slice(5);

export interface WeekRow {
  week: number;
  start: string;
  end: string;
  days: number;
  rmse_increase_pct: number | null;
  drift_pct: number | null;
  critical_missing_pct: number | null;
}

const weekSeries = ["RMSE over validation", "largest critical-feature drift", "critical values missing"] as const;
const weekColors = ["#1f3b73", "#b35806", "#7b3294"];

/** Week by week: how far accuracy and the critical inputs had moved, against the retraining triggers' lines. */
export function weeklyChart(weeks: WeekRow[], rmseTrigger: number, driftTrigger: number, width: number) {
  const label = (w: WeekRow) => `${shortDate(w.start)}–${shortDate(w.end)}${w.days < 7 ? ` (${w.days} d)` : ""}`;
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

export interface TriggerCell {
  date: string;
  trigger: string;
  state: "fired" | "not fired" | "no data";
}

const stateColor = {"fired": "#c62828", "not fired": "#cfd8dc", "no data": "#ffffff"};
const stateMark = {"fired": "✕", "not fired": "", "no data": "?"};

/** Each trigger, each day: fired, not fired, or not judged (too few predictions in the window). */
export function triggerGrid(cells: TriggerCell[], triggers: string[], width: number) {
  return Plot.plot({
    title: "Which trigger fired on which day",
    subtitle: "Judged on the trailing window ending each day. ✕ fired; grey: did not fire; ? too few predictions to judge.",
    ariaLabel: "Grid of days by retraining trigger showing whether each trigger fired",
    width: chartWidth(width),
    height: 60 + 34 * triggers.length,
    marginLeft: 170,
    marginBottom: 36,
    x: {type: "band", label: "Date (month-day)", tickFormat: (d: string) => (+d.slice(8) % 5 === 1 ? shortDate(d) : ""), padding: 0.08},
    y: {label: null, domain: triggers},
    color: {domain: ["fired", "not fired", "no data"], range: [stateColor.fired, stateColor["not fired"], "#eceff1"], legend: true},
    marks: [
      Plot.cell(cells, {x: "date", y: "trigger", fill: "state", stroke: "#90a4ae", strokeWidth: 0.5, tip: true}),
      Plot.text(cells, {x: "date", y: "trigger", text: (c: TriggerCell) => stateMark[c.state], fill: (c: TriggerCell) => (c.state === "fired" ? "white" : "#455a64"), fontWeight: "bold"}),
    ],
  });
}

/** Fired / not fired as a word with a colour, for table cells. */
export function firedCell(fired: boolean | null): HTMLElement {
  const span = document.createElement("span");
  span.textContent = fired === null ? "not judged" : fired ? "FIRED" : "not fired";
  if (fired) {
    span.style.color = "white";
    span.style.background = stateColor.fired;
    span.style.padding = "0 0.4em";
    span.style.borderRadius = "3px";
    span.style.fontWeight = "bold";
  }
  return span;
}

export interface ScheduleBar {
  schedule: string;
  low: number;
  high: number;
}

/** Annual cost of each schedule; a range for triggered retraining. */
export function costChart(bars: ScheduleBar[], width: number) {
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
      Plot.barX(bars, {y: "schedule", x1: "low", x2: "high", fill: "#1f3b73", insetTop: 6, insetBottom: 6}),
      Plot.barX(bars.filter((b) => b.low === b.high), {y: "schedule", x: "high", fill: "#1f3b73", insetTop: 6, insetBottom: 6}),
      Plot.text(bars, {y: "schedule", x: "high", text: (b: ScheduleBar) => (b.low === b.high ? usd0(b.high) : `${usd0(b.low)}–${usd0(b.high)}`), textAnchor: "start", dx: 4}),
      Plot.ruleX([0]),
    ],
  });
}
