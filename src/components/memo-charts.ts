import * as Plot from "@observablehq/plot";
import {utcFormat} from "d3";
import type {MemoTable, Task, TaskSummary} from "../../loaders/memo/index.js";
import {toDate} from "./dates.js";
import {keyed} from "./lookup.js";
import {series} from "./palette.js";
import {chartWidth} from "./width.js";

/** Each task's colour and symbol on the calendar (the review is a tick, the others dots). */
const taskColor: Record<Task, string> = {review: series.slate, retraining: series.navy, audit: series.orange, architecture: series.purple};
const taskSymbol: Record<Exclude<Task, "review">, string> = {retraining: "circle", audit: "square", architecture: "diamond"};

/** What the calendar chart may change: its width, and its height on a wide screen (default 120). */
export interface CalendarOptions {
  width: number;
  height?: number;
}

/** The 12-month maintenance calendar as a timeline: one row per task (named with its owner), one mark per date. */
export function calendarChart(memo: MemoTable, {width, height = 120}: CalendarOptions) {
  const {tasks, events, start, end} = memo.calendar;
  const label = (t: TaskSummary) => `${t.name} · ${t.owner}`;
  const byTask = keyed(tasks, (t) => t.task, "calendar task");
  const rows = events.map((e) => ({date: toDate(e.date), row: label(byTask.get(e.task)), task: e.task}));
  type Row = (typeof rows)[number];
  const narrow = width < 560;
  // On a narrow screen each row's name sits above its marks, so the rows need more room.
  const h = narrow ? Math.max(height, 60 + 34 * tasks.length) : height;
  return Plot.plot({
    title: `Maintenance calendar, ${utcFormat("%b %Y")(toDate(start))} to ${utcFormat("%b %Y")(toDate(end))}`,
    ariaLabel: `Timeline of the maintenance calendar: ${tasks.map((t) => `${t.name} (${t.owner}), ${events.filter((e) => e.task === t.task).length} dates`).join("; ")}`,
    width: chartWidth(width, 300),
    height: h,
    marginLeft: narrow ? 10 : 230,
    marginTop: narrow ? 24 : 20,
    marginBottom: 24,
    x: {type: "utc", domain: [toDate(start), toDate(end)], label: null, tickFormat: utcFormat("%b"), ticks: "month"},
    y: {domain: tasks.map(label), label: null, axis: narrow ? null : "left", tickSize: 0},
    marks: [
      Plot.ruleY(tasks.map(label), {stroke: "#eceff1"}),
      Plot.tickX(rows.filter((r) => r.task === "review"), {x: "date", y: "row", stroke: taskColor.review, strokeWidth: 1.2, insetTop: narrow ? 12 : 3, insetBottom: 3}),
      Plot.dot(rows.filter((r) => r.task !== "review"), {x: "date", y: "row", fill: (r: Row) => taskColor[r.task], r: 4, symbol: (r: Row) => (r.task === "review" ? "circle" : taskSymbol[r.task]), tip: true}),
      ...(narrow ? [Plot.text(tasks.map(label), {y: (d: string) => d, frameAnchor: "left", dy: -11, fontSize: 9, fill: "#37474f", stroke: "white", strokeWidth: 3, paintOrder: "stroke"})] : []),
    ],
  });
}
