import type {Level} from "../../loaders/monitoring/index.js";
import {el} from "./dom.js";
import {levelBadge} from "./status.js";
import {levelColor} from "./palette.js";

/** One KPI card: what it counts, the figure, and a line of context. */
export interface Card {
  title: string;
  value: string;
  note: string;
}

/**
 * A row of KPI cards (Framework's `grid` and `card` classes): each a title,
 * a big figure and a line of context. Four to a row on a wide screen, two on
 * a tablet, one on a phone.
 */
export function kpiCards(cards: readonly Card[]): HTMLDivElement {
  return el("div", {className: "grid grid-cols-4"}, ...cards.map((c) => el("div", {className: "card"}, el("h2", {}, c.title), el("span", {className: "big"}, c.value), el("p", {}, c.note))));
}

/** One status tile: a metric's figure and level, with the lines that explain the level. */
export interface StatusTile {
  /** The metric's group, in small capitals above its name. */
  group: string;
  name: string;
  value: string;
  level: Level;
  /** Small print under the badge, one line each (the thresholds, the worst subject). */
  notes: readonly string[];
}

/**
 * The dashboard's status tiles: each a card edged in its level's colour, with
 * the figure, the level as a badge that says it in words, and its notes.
 * Styles: `.status-tiles` and `.tile-*` in style.css.
 */
export function statusTiles(tiles: readonly StatusTile[]): HTMLDivElement {
  return el(
    "div",
    {className: "grid grid-cols-4 status-tiles"},
    ...tiles.map((t) =>
      el(
        "div",
        {className: "card", style: {borderLeft: `6px solid ${levelColor[t.level]}`}},
        el("div", {className: "tile-group"}, t.group),
        el("h2", {}, t.name),
        el("div", {className: "big"}, t.value),
        levelBadge(t.level),
        ...t.notes.map((n) => el("div", {className: "tile-rule"}, n)),
      ),
    ),
  );
}
