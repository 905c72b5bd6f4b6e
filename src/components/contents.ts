import {el} from "./dom.js";

/**
 * "On this page": a long page's conclusions up front, each linking to the
 * section that argues it, as the Overview does for the whole report. The ids
 * are Framework's slugs of the section headings (the links test follows
 * every #fragment, so a renamed heading fails there).
 */

/** One section: its heading's id and text, and the conclusion it reaches. */
export interface ContentsEntry {
  id: string;
  title: string;
  conclusion: string;
}

export function onThisPage(entries: readonly ContentsEntry[]): HTMLElement {
  const list = el("ul", {}, ...entries.map((e) => el("li", {}, linkTo(e), `: ${e.conclusion}`)));
  return el("nav", {className: "on-this-page", attributes: {"aria-label": "On this page"}}, el("p", {className: "on-this-page-title"}, "On this page"), list);
}

function linkTo(e: ContentsEntry): HTMLAnchorElement {
  const a = el("a", {}, el("strong", {}, e.title));
  a.href = `#${e.id}`;
  return a;
}
