import {existsSync, readFileSync} from "node:fs";
import type {Browser, BrowserContext} from "playwright-core";
import {pageCells, runtimeErrorPosition} from "./page-source.js";
import type {SitePage} from "./pages.js";
import {serveFolder} from "./static-server.js";

/**
 * The last look before a build is published: every built page opened in
 * headless Chromium, its cells left to settle, and any error cell or
 * uncaught exception reported as `src/PAGE.md:LINE:COL: message`. Framework
 * exits 0 on a page whose code throws (`perf.overal.rmse`): only running the
 * page shows it. Without Chromium the check is skipped, and says so.
 */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export type RenderCheck = {skipped: string} | {problems: string[]; pages: number};

/** How long a page's cells may take to settle (the Monitoring page, the slowest, takes about 2 s). */
const settleMs = 30_000;
/** Pages opened at once: two share the machine's two cores with the server. */
const parallel = 2;

export async function renderCheck(folder: string, pages: readonly SitePage[]): Promise<RenderCheck> {
  if (!existsSync(chromiumPath)) return {skipped: `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`};
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({chromium} = await import("playwright-core"));
  } catch {
    return {skipped: "playwright-core is not installed (npm ci installs it)"};
  }
  const server = await serveFolder(folder);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]});
    const queue = [...pages];
    const problems: string[] = [];
    // One context for every page: its cache keeps the bundled libraries (Plot, d3) compiled once, not once a page (about half the check's time).
    const context = await browser.newContext();
    const worker = async () => {
      for (let page = queue.shift(); page; page = queue.shift()) problems.push(...(await checkPage(context, server.url, page)));
    };
    await Promise.all(Array.from({length: Math.min(parallel, pages.length)}, worker));
    // Report in the pages' order, whichever finished first.
    const order = (line: string) => pages.findIndex((p) => line.startsWith(`${p.file}:`));
    return {problems: problems.sort((a, b) => order(a) - order(b)), pages: pages.length};
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** A page's URL in the built site (preserveExtension: /drift is drift.html). */
function pageUrl(base: string, page: SitePage): string {
  return base + (page.path.endsWith("/") ? `${page.path}index.html` : `${page.path}.html`);
}

interface ErrorCell {
  id: string | null;
  text: string;
}

async function checkPage(context: BrowserContext, base: string, page: SitePage): Promise<string[]> {
  const tab = await context.newPage();
  const uncaught: string[] = [];
  tab.on("pageerror", (error) => uncaught.push(error.message.split("\n")[0]));
  try {
    await tab.goto(pageUrl(base, page), {waitUntil: "domcontentloaded"});
    const settled = await tab
      .waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: settleMs, polling: 100})
      .then(() => true)
      .catch(() => false);
    const cells = await tab.evaluate((): ErrorCell[] =>
      [...document.querySelectorAll(".observablehq--error")].map((el) => {
        // Framework inserts a cell's output just before the cell's <!--:id:--> marker.
        let node: Node | null = el;
        while (node && !(node.nodeType === Node.COMMENT_NODE && /^:.+:$/.test(node.textContent ?? ""))) node = node.nextSibling;
        return {id: node ? (node.textContent ?? "").slice(1, -1) : null, text: (el.textContent ?? "").trim().split("\n")[0]};
      }),
    );
    const text = readFileSync(page.file, "utf8");
    const source = pageCells(text, page.path);
    const lines = cells.map(({id, text}) => {
      const cell = id === null ? undefined : source.find((c) => c.id === id);
      if (!cell) return `${page.file}: ${text}`;
      const at = runtimeErrorPosition(cell, text);
      return `${page.file}:${at.line}:${at.column}: ${text}`;
    });
    for (const message of uncaught) {
      if (lines.some((l) => l.endsWith(message))) continue;
      // A script's error knows only the built page's line; the message's text, when the page holds it, is the better pointer.
      const found = message.length >= 4 ? text.indexOf(message) : -1;
      const at = found >= 0 ? `:${text.slice(0, found).split("\n").length}:${found - text.lastIndexOf("\n", found - 1)}` : "";
      lines.push(`${page.file}${at}: uncaught ${message}`);
    }
    if (!settled) lines.push(`${page.file}: cells still running after ${settleMs / 1000} s`);
    return lines;
  } finally {
    await tab.close();
  }
}
