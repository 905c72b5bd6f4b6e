import type {Level} from "../../loaders/monitoring/index.js";
import type {Rating} from "../shared/risk-priority.js";
import {el} from "./dom.js";
import {levelColor} from "./palette.js";

/**
 * Status in words, with colour as a second signal (never colour alone): the
 * cells and badges tables and tiles show for alert levels, trigger states and
 * risk ratings. Each carries `data-level`, which the browser checks test reads
 * to make sure the word is there.
 */

/** A level's word and what it asks of the reader, as a tile's badge says it. */
export const levelWord: Record<Level, string> = {green: "GREEN · ok", yellow: "YELLOW · investigate", red: "RED · act now", no_data: "NO DATA"};
/** A level's word alone, as a table cell says it. */
export const levelName: Record<Level, string> = {green: "GREEN", yellow: "YELLOW", red: "RED", no_data: "NO DATA"};

/** White bold text on a colour, a small rounded box: the look of every status cell. */
function chip(text: string, background: string, level: string): HTMLSpanElement {
  return el("span", {style: {color: "white", background, padding: "0 0.4em", borderRadius: "3px", fontWeight: "bold"}, attributes: {"data-level": level}}, text);
}

/**
 * An alert level as a coloured word for a table cell ("RED" on red).
 * `not_monitored` (a feature whose mean shift is not watched) is plain text.
 */
export function levelCell(level: Level | "not_monitored"): HTMLSpanElement {
  if (level === "not_monitored") return el("span", {}, "not monitored");
  return chip(levelName[level], levelColor[level], levelName[level].toLowerCase());
}

/** An alert level as a tile's badge: the word and its meaning ("RED · act now") on the level's colour. */
export function levelBadge(level: Level): HTMLDivElement {
  return el("div", {className: "tile-level", style: {background: levelColor[level]}, attributes: {"data-level": levelName[level].toLowerCase()}}, levelWord[level]);
}

/** A retraining trigger's state for a table cell: "FIRED" on red, "not fired", or "not judged" (too few predictions). */
export function firedCell(fired: boolean | null): HTMLSpanElement {
  if (fired) return chip("FIRED", levelColor.red, "fired");
  return el("span", {}, fired === null ? "not judged" : "not fired");
}

/** What a rating badge says, when not the rating itself. */
export interface RatingBadgeOptions {
  /** The badge's text (default: the rating). */
  text?: string;
  /** The word in `text` that names the status, for `data-level` (default: the rating). */
  level?: string;
}

/** A risk rating as a badge (the `.rating` classes of style.css): its word in capitals on its pale colour. */
export function ratingBadge(rating: Rating, {text = rating, level = rating}: RatingBadgeOptions = {}): HTMLSpanElement {
  return el("span", {className: `rating rating-${rating}`, attributes: {"data-level": level}}, text);
}
