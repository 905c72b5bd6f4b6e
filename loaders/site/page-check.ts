import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, posix} from "node:path";
import {siteFileNames} from "./files.js";
import {implicitImports} from "./implicit-imports.js";
import {cellPosition, pageCells, syntaxErrorPosition, type PageCell} from "./page-source.js";
import {siteRoot, sitePages, type SitePage} from "./pages.js";

/**
 * What can be known of a page before Framework builds it, each as one line
 * `src/PAGE.md:LINE:COL: message`: code that does not compile (Framework
 * would render it as an error cell and exit 0), a data file that no file or
 * loader provides (Framework would stop with "Not found: /data/…", naming no
 * page), and an implicit import that needs the CDN (Framework would stop, or
 * the preview answer 500, with "fetch failed"). Runtime errors need the page
 * run: render-check.ts.
 */
export interface PageProblem {
  kind: "syntax" | "file" | "implicit-import";
  line: string;
}

export function checkPages(root = siteRoot): PageProblem[] {
  return sitePages(root).flatMap((page) => checkPage(page, root));
}

export function checkPage(page: SitePage, root = siteRoot): PageProblem[] {
  const cells = pageCells(readFileSync(page.file, "utf8"), page.path);
  const where = (at: {line: number; column: number}) => `${page.file}:${at.line}:${at.column}`;
  const problems: PageProblem[] = [];
  for (const cell of cells) {
    if (cell.syntaxError === null) continue;
    const {at, message} = syntaxErrorPosition(cell, cell.syntaxError);
    problems.push({kind: "syntax", line: `${where(at)}: SyntaxError: ${message}`});
  }
  const available = dataFiles(root);
  for (const cell of cells) {
    for (const file of cell.node?.files ?? []) {
      const path = posix.join(posix.dirname(page.path.endsWith("/") ? `${page.path}index` : page.path), file.name);
      if (fileExists(root, path)) continue;
      const wrote = file.name.replace(/^\.\//, "");
      problems.push({kind: "file", line: `${where(cellPosition(cell, file.node.start))}: no data file ${wrote}${wrote === path.slice(1) ? "" : ` (${path.slice(1)})`}; the data files are ${available.join(", ")}`});
    }
  }
  problems.push(...implicitImportProblems(cells).map(({cell, offset, name}) => ({kind: "implicit-import" as const, line: `${where(cellPosition(cell, offset))}: ${name} is Framework's implicit import from the npm CDN, which the build cannot reach: write ${implicitImports[name]} in a js block of the page`})));
  return problems;
}

/** The first use of each implicit import a page does not declare itself. */
function implicitImportProblems(cells: PageCell[]): {cell: PageCell; offset: number; name: string}[] {
  const declared = new Set(cells.flatMap((c) => (c.node?.declarations ?? []).map((d) => d.name)));
  const found = new Map<string, {cell: PageCell; offset: number; name: string}>();
  for (const cell of cells) {
    for (const ref of cell.node?.references ?? []) {
      if (Object.hasOwn(implicitImports, ref.name) && !declared.has(ref.name) && !found.has(ref.name)) found.set(ref.name, {cell, offset: ref.start, name: ref.name});
    }
  }
  return [...found.values()];
}

/** Framework's loader extensions: `data/x.json` is made by `data/x.json.ts` and the like. */
const loaderExtensions = [".ts", ".js", ".mjs", ".py", ".R", ".rs", ".go", ".java", ".jl", ".php", ".sh", ".exe"];

/** Whether the site serves a file at this path: a static file, a loader of that name, or the one loader of every site data file. */
function fileExists(root: string, path: string): boolean {
  const file = join(root, path);
  if (existsSync(file) || loaderExtensions.some((ext) => existsSync(file + ext))) return true;
  // src/data/[name].json.ts makes exactly the site's data files (loaders/site/files.ts).
  const m = /^\/data\/([^/]+)\.json$/.exec(path);
  return m !== null && existsSync(join(root, "data", "[name].json.ts")) && (siteFileNames as string[]).includes(m[1]);
}

/** The data files a page can load: the site's data files and any other file under src/data. */
export function dataFiles(root = siteRoot): string[] {
  const names = siteFileNames.map((n) => `data/${n}.json`);
  const folder = join(root, "data");
  if (existsSync(folder)) {
    for (const f of readdirSync(folder)) {
      if (f.startsWith(".") || f.startsWith("[")) continue;
      const ext = loaderExtensions.find((e) => f.endsWith(e));
      const name = `data/${ext ? f.slice(0, -ext.length) : f}`;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}
