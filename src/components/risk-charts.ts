import * as Plot from "@observablehq/plot";
import type {IncidentLevel, RiskTable} from "../../loaders/risk/index.js";
import {priority, ratings, riskScore, type Rating} from "../shared/risk-priority.js";
import {el} from "./dom.js";
import {levelColor, ratingFill} from "./palette.js";
import {chartWidth as widthRule} from "./width.js";

/** The Risk page's risk matrix and escalation diagram. */

/** Narrower than this, the matrix scrolls (see width.ts). */
const chartWidth = (width: number) => widthRule(width, 320);

interface MatrixCell {
  likelihood: Rating;
  impact: Rating;
  score: number;
  priority: Rating;
  names: string;
}

/** The 3 × 3 likelihood × impact grid with each risk named in its cell and each cell's priority in words. */
export function riskMatrixChart(risk: RiskTable, {width}: {width: number}) {
  const risks = risk.matrix;
  const cells = ratings.flatMap((likelihood) => ratings.map((impact): MatrixCell => {
    const score = riskScore(likelihood, impact);
    const names = risks.filter((r) => r.likelihood === likelihood && r.impact === impact).map((r) => r.name);
    return {likelihood, impact, score, priority: priority(score), names: names.length > 1 ? names.map((n) => `• ${n}`).join("\n") : (names[0] ?? "")};
  }));
  const w = chartWidth(width);
  return Plot.plot({
    title: "Risk matrix: likelihood × impact",
    subtitle: "Each cell's priority is likelihood × impact (low 1, medium 2, high 3): 6 or more is high, 3–4 medium.",
    ariaLabel: "Three by three grid of likelihood against impact with each risk placed in its cell",
    width: w,
    height: 340,
    marginLeft: 70,
    marginBottom: 44,
    x: {domain: ratings, label: "Likelihood", padding: 0.04},
    y: {domain: [...ratings].reverse(), label: "Impact", padding: 0.04},
    marks: [
      Plot.cell(cells, {x: "likelihood", y: "impact", fill: (c: MatrixCell) => ratingFill[c.priority], stroke: "#b0bec5"}),
      // The priority word near the cell's foot, the risks' names above its middle; dark ink, as the fills are light in either theme.
      Plot.text(cells, {x: "likelihood", y: "impact", text: (c: MatrixCell) => `${c.priority} priority`, dy: 30, fill: "#455a64", fontSize: 10}),
      Plot.text(cells, {x: "likelihood", y: "impact", text: "names", dy: -6, fill: "#1b1e23", fontWeight: "bold", fontSize: w < 500 ? 10 : 12, lineWidth: w < 500 ? 9 : 14}),
    ],
  });
}

/** The escalation path as boxes and arrows, one row per alert level: who is called, and by when (styles: `.escalation*` in style.css). */
export function escalationDiagram(risk: RiskTable): HTMLElement {
  const levels = risk.incident.levels;
  const label = `Escalation diagram: ${levels.map((l) => `${l.level} alerts go to ${l.steps.map((s) => `${s.role} within ${s.within_hours} h`).join(", then ")}`).join("; ")}`;
  const row = (l: IncidentLevel) =>
    el(
      "div",
      {className: "escalation-row"},
      el("div", {className: "escalation-level", style: {background: levelColor[l.level]}}, `${l.level.toUpperCase()} · ${l.meaning}`),
      ...l.steps.flatMap((step) => [
        el("div", {className: "escalation-arrow", attributes: {"aria-hidden": "true"}}, "→"),
        el("div", {className: "escalation-step", style: {borderColor: levelColor[l.level]}}, el("strong", {}, step.role), el("span", {}, `within ${step.within_hours} h`)),
      ]),
      el("div", {className: "escalation-channels"}, `Told in: ${l.channels.join(", ")}`),
    );
  return el(
    "figure",
    {className: "escalation", attributes: {role: "img", "aria-label": label}},
    el("figcaption", {}, "Escalation path: each rung is called when the one before has not resolved the alert within the response time."),
    ...levels.map(row),
  );
}
