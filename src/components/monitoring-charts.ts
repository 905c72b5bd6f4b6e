import * as Plot from "@observablehq/plot";
import {format} from "d3";
import type {Direction, Level, MetricStatus} from "../../loaders/monitoring/index.js";

/** Level colours, always shown with the level's word (colour is never the only signal). */
export const levelColor: Record<Level, string> = {green: "#2e7d32", yellow: "#b7791f", red: "#c62828", no_data: "#757575"};
const bandFill: Record<"green" | "yellow" | "red", string> = {green: "#2e7d32", yellow: "#f2b705", red: "#d32f2f"};
export const levelWord: Record<Level, string> = {green: "GREEN · ok", yellow: "YELLOW · investigate", red: "RED · act now", no_data: "NO DATA"};

// Framework's `width` can be 0 before the page lays out; margins would then make negative bars.
const chartWidth = (width: number) => Math.max(width, 480);

export const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

export interface SeriesPoint {
  date: Date;
  value: number | null;
}

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
  const bands = below
    ? [
        {level: "red" as const, y1: 0, y2: o.red},
        {level: "yellow" as const, y1: o.red, y2: o.yellow},
        {level: "green" as const, y1: o.yellow, y2: top},
      ]
    : [
        {level: "green" as const, y1: 0, y2: o.yellow},
        {level: "yellow" as const, y1: o.yellow, y2: o.red},
        {level: "red" as const, y1: o.red, y2: top},
      ];
  const sign = below ? "<" : ">";
  const bandLabel = (b: (typeof bands)[number]) =>
    b.level === "green" ? "green" : `${b.level} ${sign} ${o.label(b.level === "red" ? o.red : o.yellow)}`;
  // The yellow word at the left edge and the others at the right, so they
  // cannot collide when the yellow and red lines are close.
  const labelX = (b: (typeof bands)[number]) => (b.level === "yellow" ? x1 : x2);
  const present = (points: SeriesPoint[]) => points.filter((p) => p.value !== null);
  const keys = [o.judgedLabel, ...(o.daily ? [o.dailyLabel ?? "daily"] : []), ...(o.context ?? []).map((c) => c.label)];
  const strokes = ["#1f3b73", ...(o.daily ? ["#6b7280"] : []), ...(o.context ?? []).map((c) => c.stroke)];
  return Plot.plot({
    title: o.title,
    subtitle: o.subtitle,
    ariaLabel: o.ariaLabel,
    width: chartWidth(o.width),
    height: 260,
    marginRight: 20,
    marginLeft: 56,
    x: {type: "utc", label: "Date", domain: [x1, x2], inset: 6},
    y: {label: o.yLabel, domain: [0, top], tickFormat: o.tick, grid: true},
    color: {domain: keys, range: strokes, legend: true},
    marks: [
      Plot.rectY(bands, {x1: () => x1, x2: () => x2, y1: "y1", y2: "y2", fill: (b) => bandFill[b.level as "green"], fillOpacity: 0.1}),
      Plot.ruleY([o.yellow], {stroke: bandFill.yellow, strokeDasharray: "4,3"}),
      Plot.ruleY([o.red], {stroke: bandFill.red, strokeDasharray: "4,3"}),
      // Each band's word sits inside it, next to the line that opens it.
      ...(["start", "end"] as const).map((anchor) =>
        Plot.text(
          bands.filter((b) => (b.level === "yellow") === (anchor === "start")),
          {
            x: labelX,
            y: (b) => (below ? b.y2 : b.y1),
            text: bandLabel,
            textAnchor: anchor,
            dx: anchor === "start" ? 4 : -4,
            dy: below ? 8 : -6,
            fill: (b) => levelColor[b.level as Level],
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

export interface VolumeDay {
  date: Date;
  n: number;
  baseline: number | null;
}

/** Predictions per day as bars, with the lines below which the volume rule turns yellow and red. */
export function volumeChart(days: VolumeDay[], yellowPct: number, redPct: number, width: number) {
  const lines = days
    .filter((d) => d.baseline !== null)
    .flatMap((d) => [
      {date: d.date, value: (d.baseline! * yellowPct) / 100, line: `yellow: below ${yellowPct}% of usual`},
      {date: d.date, value: (d.baseline! * redPct) / 100, line: `red: below ${redPct}% of usual`},
      {date: d.date, value: d.baseline!, line: "usual (median of previous days)"},
    ]);
  return Plot.plot({
    title: "Predictions per day",
    subtitle: "Bars: predictions logged each day. Lines: the usual volume and the levels below which the rule alerts.",
    ariaLabel: "Bar chart of predictions per day with the usual volume and the yellow and red alert levels",
    width: chartWidth(width),
    height: 240,
    marginLeft: 56,
    x: {type: "band", label: "Date", tickFormat: (d: Date) => (d.getUTCDate() % 5 === 1 ? format("02")(d.getUTCMonth() + 1) + "-" + format("02")(d.getUTCDate()) : "")},
    y: {label: "Predictions (rows)", grid: true},
    color: {
      domain: ["usual (median of previous days)", `yellow: below ${yellowPct}% of usual`, `red: below ${redPct}% of usual`],
      range: ["#1f3b73", bandFill.yellow, bandFill.red],
      legend: true,
    },
    marks: [
      Plot.barY(days, {x: "date", y: "n", fill: "#9aa5b8", tip: true}),
      Plot.line(lines, {x: "date", y: "value", z: "line", stroke: "line", strokeWidth: 2, curve: "step"}),
      Plot.ruleY([0]),
    ],
  });
}

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
    width: chartWidth(width),
    height: 240,
    marginLeft: 56,
    x: {type: "band", label: "Date", tickFormat: (d: Date) => (d.getUTCDate() % 5 === 1 ? format("02")(d.getUTCMonth() + 1) + "-" + format("02")(d.getUTCDate()) : "")},
    y: {label: "Alerts (count)", grid: true},
    color: {domain: ["red alerts", "yellow alerts"], range: [bandFill.red, bandFill.yellow], legend: true},
    marks: [
      Plot.barY(stacked, {x: "date", y: "count", fill: "level", tip: true}),
      Plot.ruleY([yellow], {stroke: levelColor.yellow, strokeDasharray: "4,3"}),
      Plot.ruleY([red], {stroke: levelColor.red, strokeDasharray: "4,3"}),
      Plot.ruleY([0]),
    ],
  });
}

export interface ImpactDay {
  date: Date;
  underpriced: number;
  overpriced: number;
}

/** Revenue left on the table (up) and at risk (down), per day. */
export function impactChart(days: ImpactDay[], width: number) {
  const rows = days.flatMap((d) => [
    {date: d.date, kind: "left on the table (under-pricing)", usd: d.underpriced},
    {date: d.date, kind: "at risk (over-pricing)", usd: -d.overpriced},
  ]);
  return Plot.plot({
    title: "Revenue effect of pricing errors per day",
    subtitle: "Up: revenue left on the table by under-pricing; down: revenue at risk from over-pricing (units × price gap).",
    ariaLabel: "Diverging bar chart of daily revenue left on the table and revenue at risk",
    width: chartWidth(width),
    height: 260,
    marginLeft: 64,
    x: {type: "band", label: "Date", tickFormat: (d: Date) => (d.getUTCDate() % 5 === 1 ? format("02")(d.getUTCMonth() + 1) + "-" + format("02")(d.getUTCDate()) : "")},
    y: {label: "Revenue ($)", grid: true, tickFormat: (v: number) => (v < 0 ? "−$" : "$") + format(",.0f")(Math.abs(v))},
    color: {domain: ["left on the table (under-pricing)", "at risk (over-pricing)"], range: ["#1f77b4", "#e07b00"], legend: true},
    marks: [Plot.barY(rows, {x: "date", y: "usd", fill: "kind", tip: true}), Plot.ruleY([0])],
  });
}

/** A metric's last-day status with what the tile prints beside it: names, unit and thresholds. */
export interface Tile extends MetricStatus {
  name: string;
  group: string;
  unit: string;
  yellow: number;
  red: number;
  direction: Direction;
  window: string;
}

/** The dashboard's status tiles: value, thresholds, and the level as colour and word. */
export function statusTiles(tiles: Tile[], fmt: (value: number, unit: string) => string): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4 monitoring-tiles";
  for (const t of tiles) {
    const card = document.createElement("div");
    card.className = "card";
    card.style.borderLeft = `6px solid ${levelColor[t.level]}`;
    const group = document.createElement("div");
    group.className = "tile-group";
    group.textContent = t.group;
    const name = document.createElement("h2");
    name.textContent = t.name;
    const value = document.createElement("div");
    value.className = "big";
    value.textContent = t.value === null ? "—" : fmt(t.value, t.unit);
    const badge = document.createElement("div");
    badge.className = "tile-level";
    badge.style.background = levelColor[t.level];
    badge.textContent = levelWord[t.level];
    const sign = t.direction === "below" ? "<" : ">";
    const abs = t.direction === "abs_above" ? "|shift| " : "";
    const rule = document.createElement("div");
    rule.className = "tile-rule";
    rule.textContent = `yellow ${abs}${sign} ${fmt(t.yellow, t.unit)} · red ${abs}${sign} ${fmt(t.red, t.unit)} · ${t.window}`;
    card.append(group, name, value, badge, rule);
    if (t.subject !== null && t.subjects > 1) {
      const subject = document.createElement("div");
      subject.className = "tile-rule";
      subject.textContent = `worst: ${t.subject} (${t.alerting} of ${t.subjects} features alerting)`;
      card.append(subject);
    }
    grid.append(card);
  }
  return grid;
}

/** A level as a coloured word, for table cells. */
export function levelCell(level: Level | "not_monitored"): HTMLElement {
  const span = document.createElement("span");
  if (level === "not_monitored") {
    span.textContent = "not monitored";
    return span;
  }
  span.textContent = levelWord[level].split(" · ")[0];
  span.style.color = "white";
  span.style.background = levelColor[level];
  span.style.padding = "0 0.4em";
  span.style.borderRadius = "3px";
  span.style.fontWeight = "bold";
  return span;
}

export interface Column<T> {
  label: string;
  value: (row: T) => string | Node;
  /** Numbers read best right-aligned. */
  align?: "left" | "right";
  /** Keep on one line (dates). */
  nowrap?: boolean;
}

/** A plain table that wraps long text (Inputs.table truncates it), for short tables read whole. */
export function simpleTable<T>(rows: readonly T[], columns: readonly Column<T>[], className = ""): HTMLTableElement {
  const table = document.createElement("table");
  table.className = `simple-table ${className}`;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.textContent = c.label;
    if (c.align === "right") th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      const v = c.value(row);
      if (typeof v === "string") td.textContent = v;
      else td.append(v);
      if (c.align === "right") td.style.textAlign = "right";
      if (c.nowrap) td.style.whiteSpace = "nowrap";
    }
  }
  return table;
}
