/**
 * Building elements without a template library (htl has no ESM entry for the
 * pages): `el("p", {className: "note"}, "text", child)`.
 */

/** What an element may be given besides its children. */
export interface ElementProps {
  className?: string;
  id?: string;
  /** Inline styles, by CSS property name in camelCase. */
  style?: Partial<Record<"background" | "borderLeft" | "borderColor" | "color" | "padding" | "borderRadius" | "fontWeight" | "textAlign" | "whiteSpace", string>>;
  /** Attributes set as given (aria-label, role, data-*). */
  attributes?: Record<string, string>;
}

/** An element with its class, styles, attributes and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.id) e.id = props.id;
  if (props.style) Object.assign(e.style, props.style);
  for (const [name, value] of Object.entries(props.attributes ?? {})) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

/** A paragraph of text, e.g. the note that stands where a chart has nothing to show. */
export function paragraph(text: string, className?: string): HTMLParagraphElement {
  return el("p", {className}, text);
}

/** What a FileAttachment gives a link: its URL and its file name. */
export interface Downloadable {
  href: string;
  name: string;
}

/** A link that downloads a data file under its own name. */
export function downloadLink(file: Downloadable, text: string): HTMLAnchorElement {
  const a = el("a", {}, text);
  a.href = file.href;
  a.download = file.name;
  return a;
}

/**
 * Nothing to show, as a node: `display(nothing())` adds nothing to the page
 * (the cell stays empty, with no margin), so a component can return it when
 * its data is absent and the page still reads `display(someTable(data))`.
 */
export function nothing(): DocumentFragment {
  return document.createDocumentFragment();
}
