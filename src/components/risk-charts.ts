import * as Plot from "@observablehq/plot";
import {priority, ratings, riskScore, type Rating} from "../shared/risk-priority.js";

export {priority} from "../shared/risk-priority.js";

const chartWidth = (width: number) => Math.max(width, 320);

export interface MatrixRisk {
  name: string;
  likelihood: Rating;
  impact: Rating;
}

const priorityFill: Record<Rating, string> = {low: "#e8f5e9", medium: "#fff3cd", high: "#fde0dc"};

/** The 3 × 3 likelihood × impact grid with each risk named in its cell and each cell's priority in words. */
export function riskMatrixChart(risks: MatrixRisk[], width: number) {
  const cells = ratings.flatMap((likelihood) => ratings.map((impact) => {
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
      Plot.cell(cells, {x: "likelihood", y: "impact", fill: (c) => priorityFill[c.priority as Rating], stroke: "#b0bec5"}),
      // The priority word near the cell's foot, the risks' names above its middle.
      Plot.text(cells, {x: "likelihood", y: "impact", text: (c) => `${c.priority} priority`, dy: 30, fill: "#546e7a", fontSize: 10}),
      Plot.text(cells, {x: "likelihood", y: "impact", text: "names", dy: -6, fontWeight: "bold", fontSize: w < 500 ? 10 : 12, lineWidth: w < 500 ? 9 : 14}),
    ],
  });
}

export interface EscalationStep {
  role: string;
  within_hours: number;
}

export interface IncidentLevel {
  level: "yellow" | "red";
  meaning: string;
  response_hours: number;
  steps: EscalationStep[];
  channels: string[];
}

const levelColor = {yellow: "#b7791f", red: "#c62828"};

/** The escalation path as boxes and arrows, one row per alert level: who is called, and by when. */
export function escalationDiagram(levels: IncidentLevel[]): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "escalation";
  figure.setAttribute("role", "img");
  figure.setAttribute("aria-label", `Escalation diagram: ${levels.map((l) => `${l.level} alerts go to ${l.steps.map((s) => `${s.role} within ${s.within_hours} h`).join(", then ")}`).join("; ")}`);
  const caption = document.createElement("figcaption");
  caption.textContent = "Escalation path: each rung is called when the one before has not resolved the alert within the response time.";
  figure.append(caption);
  for (const l of levels) {
    const row = document.createElement("div");
    row.className = "escalation-row";
    const badge = document.createElement("div");
    badge.className = "escalation-level";
    badge.style.background = levelColor[l.level];
    badge.textContent = `${l.level.toUpperCase()} · ${l.meaning}`;
    row.append(badge);
    for (const step of l.steps) {
      const arrow = document.createElement("div");
      arrow.className = "escalation-arrow";
      arrow.textContent = "→";
      arrow.setAttribute("aria-hidden", "true");
      const box = document.createElement("div");
      box.className = "escalation-step";
      box.style.borderColor = levelColor[l.level];
      const role = document.createElement("strong");
      role.textContent = step.role;
      const when = document.createElement("span");
      when.textContent = `within ${step.within_hours} h`;
      box.append(role, when);
      row.append(arrow, box);
    }
    const channels = document.createElement("div");
    channels.className = "escalation-channels";
    channels.textContent = `Told in: ${l.channels.join(", ")}`;
    row.append(channels);
    figure.append(row);
  }
  return figure;
}
