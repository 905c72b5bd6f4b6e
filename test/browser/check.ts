import {existsSync} from "node:fs";
import {chromium, type Browser, type Page} from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Opens a page and collects console errors, failed requests and uncaught exceptions while it loads. */
export async function open(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url, {waitUntil: "networkidle"});
  // Framework renders cells after load; wait until no cell is still loading.
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 15_000}).catch(() => {
    problems.push("cells still loading after 15 s");
  });
  return problems;
}

/**
 * What a reader would notice on a rendered page: error cells, charts without
 * marks or without a title/label, empty tables, status levels shown by
 * colour alone. Returns one line per problem.
 */
export async function pageProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const e of document.querySelectorAll(".observablehq--error")) problems.push(`error cell: ${e.textContent?.slice(0, 200)}`);
    if (!document.querySelector("main h1")) problems.push("no h1 title");
    for (const svg of document.querySelectorAll("main svg[class^='plot']")) {
      const figure = svg.closest("figure");
      const label = svg.getAttribute("aria-label") || figure?.querySelector("h2, figcaption")?.textContent;
      if (!label) problems.push("a chart without a title or aria-label");
      // Plot draws each mark in a <g aria-label="…">; axes and grids are marks too, so require a data mark.
      const marks = [...svg.querySelectorAll("g[aria-label]")].filter((g) => !/axis|grid|tick|frame/.test(g.getAttribute("aria-label") ?? ""));
      const drawn = marks.some((g) => g.querySelector("path, circle, rect, line, text, image"));
      if (!drawn) problems.push(`a chart with no data marks: ${label ?? "(untitled)"}`);
    }
    for (const table of document.querySelectorAll("main table")) {
      if (table.querySelectorAll("tbody tr").length === 0) problems.push("an empty table");
    }
    for (const el of document.querySelectorAll("[data-level]")) {
      const level = el.getAttribute("data-level") ?? "";
      if (!(el.textContent ?? "").toLowerCase().includes(level.toLowerCase())) problems.push(`level "${level}" shown by colour only`);
    }
    return problems;
  });
}

/** The sidebar's page links, as paths relative to the site root. */
export async function sidebarLinks(page: Page): Promise<{name: string; href: string}[]> {
  return page.$$eval("#observablehq-sidebar a", (links) => links.map((a) => ({name: a.textContent?.trim() ?? "", href: (a as HTMLAnchorElement).href})));
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Pages in a PDF: counts the page objects (Chromium writes one "/Type /Page" per page). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * Where the page or a table spills: the document wider than the viewport, or a
 * table whose visible box (the table clipped by its scrolling ancestors) leaves
 * the main column or reaches under the sidebar. One line per problem.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) problems.push(`page ${doc.scrollWidth - window.innerWidth} px wider than the viewport`);
    const main = document.querySelector("#observablehq-main");
    if (!main) return [...problems, "no main column"];
    const column = main.getBoundingClientRect();
    const sidebar = document.querySelector("#observablehq-sidebar");
    const bar = sidebar && getComputedStyle(sidebar).visibility !== "hidden" && getComputedStyle(sidebar).display !== "none" ? sidebar.getBoundingClientRect() : null;
    const tables = [...main.querySelectorAll("table")];
    tables.forEach((table, i) => {
      let left = table.getBoundingClientRect().left;
      let right = table.getBoundingClientRect().right;
      for (let e = table.parentElement; e && e !== main; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX;
        if (overflow !== "visible") {
          const box = e.getBoundingClientRect();
          left = Math.max(left, box.left);
          right = Math.min(right, box.right);
        }
      }
      const name = table.closest("figure, form, div[aria-label]")?.getAttribute("aria-label") ?? table.querySelector("th")?.textContent ?? `table ${i + 1}`;
      if (right > column.right + 1) problems.push(`${name}: ${Math.round(right - column.right)} px past the main column`);
      if (left < column.left - 1) problems.push(`${name}: ${Math.round(column.left - left)} px left of the main column`);
      if (bar && bar.width > 0 && left < bar.right - 1 && bar.right <= column.left + 1) problems.push(`${name}: under the sidebar`);
    });
    return problems;
  });
}
