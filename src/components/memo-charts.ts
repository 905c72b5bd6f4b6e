import * as Plot from "@observablehq/plot";
import {utcFormat} from "d3";

export interface CalendarTask {
  task: string;
  name: string;
  owner: string;
}

export interface CalendarEvent {
  date: string;
  task: string;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const taskColor: Record<string, string> = {review: "#607d8b", retraining: "#1f3b73", audit: "#b35806", architecture: "#7b3294"};

/** The 12-month maintenance calendar as a timeline: one row per task (named with its owner), one mark per date. */
export function calendarChart(tasks: CalendarTask[], events: CalendarEvent[], start: string, end: string, width: number, height = 120) {
  const label = (t: CalendarTask) => `${t.name} · ${t.owner}`;
  const byTask = new Map(tasks.map((t) => [t.task, label(t)]));
  const rows = events.map((e) => ({date: toDate(e.date), row: byTask.get(e.task)!, task: e.task}));
  const narrow = width < 560;
  // On a narrow screen each row's name sits above its marks, so the rows need more room.
  const h = narrow ? Math.max(height, 60 + 34 * tasks.length) : height;
  return Plot.plot({
    title: `Maintenance calendar, ${utcFormat("%b %Y")(toDate(start))} to ${utcFormat("%b %Y")(toDate(end))}`,
    ariaLabel: `Timeline of the maintenance calendar: ${tasks.map((t) => `${t.name} (${t.owner}), ${events.filter((e) => e.task === t.task).length} dates`).join("; ")}`,
    width: Math.max(width, 300),
    height: h,
    marginLeft: narrow ? 10 : 230,
    marginTop: narrow ? 24 : 20,
    marginBottom: 24,
    x: {type: "utc", domain: [toDate(start), toDate(end)], label: null, tickFormat: utcFormat("%b"), ticks: "month"},
    y: {domain: tasks.map(label), label: null, axis: narrow ? null : "left", tickSize: 0},
    marks: [
      Plot.ruleY(tasks.map(label), {stroke: "#eceff1"}),
      Plot.tickX(rows.filter((r) => r.task === "review"), {x: "date", y: "row", stroke: taskColor.review, strokeWidth: 1.2, insetTop: narrow ? 12 : 3, insetBottom: 3}),
      Plot.dot(rows.filter((r) => r.task !== "review"), {x: "date", y: "row", fill: (r) => taskColor[r.task], r: 4, symbol: (r) => (r.task === "retraining" ? "circle" : r.task === "audit" ? "square" : "diamond"), tip: true}),
      ...(narrow ? [Plot.text(tasks.map(label), {y: (d) => d, frameAnchor: "left", dy: -11, fontSize: 9, fill: "#37474f", stroke: "white", strokeWidth: 3, paintOrder: "stroke"})] : []),
    ],
  });
}
