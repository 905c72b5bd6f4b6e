/**
 * The few internals of Observable Framework 1.13 that the page checks read
 * (Framework ships no types). Its own Markdown parser is used, not a copy, so
 * a cell's id and text are exactly those of the built page.
 */
declare module "@observablehq/framework/dist/markdown.js" {
  export interface FrameworkIdentifier {
    name: string;
    start: number;
    end: number;
  }
  export interface FrameworkFile {
    node: {start: number; end: number};
    /** Relative to the page, e.g. "./data/drift.json". */
    name: string;
  }
  export interface FrameworkImport {
    name: string;
    type: string;
    node: {start: number; end: number};
  }
  export interface FrameworkNode {
    input: string;
    references: FrameworkIdentifier[];
    declarations: FrameworkIdentifier[] | null;
    files: FrameworkFile[];
    imports: FrameworkImport[];
    expression: boolean;
  }
  export interface FrameworkCode {
    id: string;
    node: FrameworkNode;
    mode: string;
  }
  export interface MarkdownToken {
    type: string;
    content: string;
    info: string;
    /** The token's lines in the page body (after the front matter), 0-based, end exclusive. */
    map: [number, number] | null;
  }
  export interface RenderContext {
    code: FrameworkCode[];
    path: string;
  }
  export type RenderRule = (tokens: MarkdownToken[], idx: number, options: unknown, context: RenderContext, self: unknown) => string;
  export interface MarkdownIt {
    renderer: {rules: Record<string, RenderRule | undefined>};
  }
  export function createMarkdownIt(options?: {markdownIt?: (md: MarkdownIt) => MarkdownIt}): MarkdownIt;
  export function parseMarkdown(input: string, options: {md: MarkdownIt; path: string}): {code: FrameworkCode[]; title: string | null};
}
