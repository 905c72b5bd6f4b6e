import {createMarkdownIt, parseMarkdown, type FrameworkNode, type MarkdownIt, type RenderRule} from "@observablehq/framework/dist/markdown.js";

/**
 * A page's cells and where each one is in its .md file, so an error in the
 * built page (which knows only a cell id and a position inside the cell's
 * code) can be reported as `src/PAGE.md:LINE:COL`. The page is parsed by
 * Framework's own Markdown parser, with its two code renderers (```js blocks
 * and inline ${…} expressions) observed in passing: the cells, their ids and
 * their order are exactly those of the built page.
 */
export interface PageCell {
  /** Framework's cell id (the built page's `define({id})`), or null when the cell does not compile. */
  id: string | null;
  kind: "block" | "inline";
  /** The cell's code as Framework compiles it. */
  input: string;
  /** Where the code's first character is in the .md file, 1-based. */
  line: number;
  column: number;
  /** Framework's parse of the code (references, declarations, files), when it compiles. */
  node: FrameworkNode | null;
  /** The compiler's message when it does not, e.g. "Unexpected token (1:43)". */
  syntaxError: string | null;
}

/** A position in a .md file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Every cell of a page, in the page's order; `path` is the page's route ("/risk", "/" for index.md). */
export function pageCells(text: string, path: string): PageCell[] {
  const seen: {kind: "block" | "inline"; content: string; map: [number, number] | null; html: string; code: {id: string; node: FrameworkNode} | null}[] = [];
  const observe = (kind: "block" | "inline", rule: RenderRule | undefined): RenderRule => (tokens, idx, options, context, self) => {
    const before = context.code.length;
    const html = rule ? rule(tokens, idx, options, context, self) : "";
    const token = tokens[idx];
    const added = context.code.length > before ? context.code[context.code.length - 1] : null;
    // A cell is code Framework runs, or tried to and could not compile; a fence it only shows (```js run=false, ```css) is none.
    if (added !== null || html.includes("observablehq--error")) seen.push({kind, content: token.content, map: token.map, html, code: added ? {id: added.id, node: added.node} : null});
    return html;
  };
  const md = createMarkdownIt({
    markdownIt: (it: MarkdownIt) => {
      it.renderer.rules.fence = observe("block", it.renderer.rules.fence);
      it.renderer.rules.placeholder = observe("inline", it.renderer.rules.placeholder);
      return it;
    },
  });
  parseMarkdown(text, {md, path});

  const starts = lineStarts(text);
  const bodyLine = frontMatterLines(text);
  let cursor = starts[Math.min(bodyLine, starts.length - 1)];
  return seen.map(({kind, content, map, html, code}) => {
    let at: SourcePosition;
    if (kind === "block" && map) {
      // The fence is line map[0] of the body; its code starts on the next line.
      at = {line: bodyLine + map[0] + 2, column: 1};
      cursor = starts[Math.min(bodyLine + map[1], starts.length - 1)];
    } else {
      const found = text.indexOf("${" + content + "}", cursor);
      const offset = found >= 0 ? found + 2 : cursor;
      if (found >= 0) cursor = found + content.length + 3;
      at = positionAt(starts, offset);
    }
    const error = code ? null : /SyntaxError: ([^<]*)</.exec(html);
    return {id: code?.id ?? null, kind, input: code?.node.input ?? content, ...at, node: code?.node ?? null, syntaxError: code ? null : error ? unescapeHtml(error[1]) : "does not compile"};
  });
}

/** The .md position of an offset into a cell's code. */
export function cellPosition(cell: PageCell, offset: number): SourcePosition {
  const before = cell.input.slice(0, Math.max(0, Math.min(offset, cell.input.length)));
  const lines = before.split("\n");
  const last = lines[lines.length - 1];
  return lines.length === 1 ? {line: cell.line, column: cell.column + last.length} : {line: cell.line + lines.length - 1, column: last.length + 1};
}

/** The .md position of a compiler's "(LINE:COL)" inside a cell (acorn counts lines from 1, columns from 0). */
export function syntaxErrorPosition(cell: PageCell, message: string): {at: SourcePosition; message: string} {
  const m = /^(.*?)\s*\((\d+):(\d+)\)$/.exec(message);
  if (!m) return {at: {line: cell.line, column: cell.column}, message};
  const line = Number(m[2]);
  const column = Number(m[3]);
  const offset = cell.input.split("\n").slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column;
  return {at: cellPosition(cell, offset), message: m[1]};
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): SourcePosition {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return {line: line + 1, column: offset - starts[line] + 1};
}

/** How many lines the front matter (`---` … `---`) takes, which Framework's parser leaves out of its line numbers. */
function frontMatterLines(text: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].split("\n").length - 1 : 0;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

/**
 * Where in a cell a runtime error most likely is, from its message alone
 * (the built page's stack points into transpiled code): the property read of
 * "Cannot read properties of undefined (reading 'rmse')", the name of
 * "x is not defined" or "x is not a function"; else the cell's first character.
 */
export function runtimeErrorPosition(cell: PageCell, message: string): SourcePosition {
  const read = /reading '([^']+)'/.exec(message);
  const name = /(?:^|\s)([\w$.]+) is not (?:defined|a function|iterable)/.exec(message);
  let offset = -1;
  if (read) offset = searchOffset(cell.input, new RegExp(`\\??\\.${escapeRegExp(read[1])}\\b|\\[["'\`]${escapeRegExp(read[1])}["'\`]\\]`));
  else if (name) {
    const last = name[1].split(".").pop() ?? name[1];
    offset = searchOffset(cell.input, new RegExp(`(?<![\\w$])${escapeRegExp(name[1].includes(".") ? name[1] : last)}(?![\\w$])`));
  }
  return offset >= 0 ? cellPosition(cell, offset) : {line: cell.line, column: cell.column};
}

function searchOffset(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  return m ? m.index : -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
