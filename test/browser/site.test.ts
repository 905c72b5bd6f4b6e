import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {root} from "../builders/helpers.js";
import {hasChromium, horizontalOverflow, launch, open, pageProblems, pdfPageCount, sidebarLinks} from "./check.js";
import {serve} from "./server.js";

// Tests the built site (dist/, which `npm test` builds first) in Chromium as a reader would see it.
const dist = join(root, "dist");
const shots = join(root, "test-results", "screenshots");
let browser: Browser;
let site: {url: string; close: () => Promise<void>};
let pages: {name: string; path: string}[];

beforeAll(async () => {
  if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
  if (!existsSync(join(dist, "index.html"))) {
    const run = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "loaders/cli/build.ts")], {cwd: root, encoding: "utf8"});
    if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  }
  mkdirSync(shots, {recursive: true});
  browser = await launch();
  site = await serve(dist);
  const page = await browser.newPage();
  await page.goto(site.url);
  pages = (await sidebarLinks(page)).map(({name, href}) => ({name, path: new URL(href).pathname}));
  await page.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("every page", () => {
  it("is in the sidebar, which navigates to it", async () => {
    expect(pages.map((p) => p.path)).toContain("/");
    const page = await browser.newPage();
    for (const {name, path} of pages) {
      await page.goto(site.url);
      await page.click(`#observablehq-sidebar a[href$="${path === "/" ? "./" : "." + path}"]`);
      await page.waitForURL(site.url + path);
      expect(await page.locator("main h1").count(), name).toBeGreaterThan(0);
    }
    await page.close();
  });

  it("renders without errors: charts with marks and titles, tables filled, levels in words (screenshots in test-results/)", async () => {
    const found: string[] = [];
    for (const {path} of pages) {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}});
      const problems = [...(await open(page, site.url + path)), ...(await pageProblems(page))];
      found.push(...problems.map((p) => `${path}: ${p}`));
      await page.screenshot({path: join(shots, `${path === "/" ? "index" : path.slice(1, -".html".length)}.png`), fullPage: true});
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it("prints legibly: no chart wider than a Letter page", async () => {
    const found: string[] = [];
    for (const {path} of pages) {
      const page = await browser.newPage();
      await open(page, site.url + path);
      await page.emulateMedia({media: "print"});
      await page.setViewportSize({width: 816, height: 1056}); // Letter at 96 dpi
      const wide = await page.$$eval("main svg", (svgs) => svgs.filter((s) => s.getBoundingClientRect().right > 816).length);
      if (wide > 0) found.push(`${path}: ${wide} chart(s) cut off in print`);
      const pdf = await page.pdf({format: "Letter", printBackground: true});
      expect(pdfPageCount(pdf), path).toBeGreaterThan(0);
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});

describe("on a phone (390 px wide)", () => {
  it.each(["/", "/memo.html"])("%s has no horizontal overflow", async (path) => {
    expect(pages.map((p) => p.path)).toContain(path);
    const page = await browser.newPage({viewport: {width: 390, height: 844}});
    await open(page, site.url + path);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({path: join(shots, `phone-${path === "/" ? "index" : path.slice(1, -".html".length)}.png`), fullPage: true});
    await page.close();
  });
});

describe("the memo", () => {
  it("prints on exactly one Letter page, without the site's navigation", async () => {
    const page = await browser.newPage();
    await open(page, site.url + "/memo.html");
    await page.emulateMedia({media: "print"});
    const chrome = await page.evaluate(() =>
      ["#observablehq-sidebar", "#observablehq-toc", "#observablehq-footer", ".memo-details"].filter((sel) => {
        const el = document.querySelector(sel);
        return el !== null && getComputedStyle(el).display !== "none";
      }),
    );
    expect(chrome).toEqual([]);
    const pdf = await page.pdf({format: "Letter"});
    expect(pdfPageCount(pdf)).toBe(1);
    await page.close();
  });
});

describe("the retraining calculator", () => {
  it("recomputes the cost when an input changes", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    expect(await open(page, site.url + "/retraining.html")).toEqual([]);
    const result = page.locator("#retraining-cost-result");
    const before = await result.textContent();
    const hours = page.locator("form", {hasText: "Engineering hours per retrain"}).locator("input[type=number]");
    await hours.fill("4");
    await hours.dispatchEvent("input");
    await expect.poll(() => result.textContent()).not.toBe(before);
    // 4 h at the default rate and compute.
    const {hourlyRateUsd: rate, computeUsd: compute} = config.retraining.cost;
    const per = 4 * rate + compute;
    const usd = (x: number) => "$" + x.toLocaleString("en-US");
    expect(await result.textContent()).toContain(`4 h × ${usd(rate)} + ${usd(compute)} = ${usd(per)} a retrain`);
    await page.locator("label", {hasText: "Weekly"}).click();
    const weekly = config.retraining.retrainsPerYear.weekly;
    await expect.poll(() => result.textContent()).toContain(`× ${weekly} retrains a year = ${usd(weekly * per)}.`);
    await page.close();
  });
});

describe("the checks themselves", () => {
  it("catch every defect of a deliberately broken page", async () => {
    const broken = await serve(join(root, "test/browser/fixtures/broken"));
    const page = await browser.newPage({viewport: {width: 390, height: 800}});
    const problems = [...(await open(page, broken.url + "/")), ...(await pageProblems(page))].join("\n");
    expect(problems).toMatch(/console error: deliberate failure/);
    expect(problems).toMatch(/HTTP 404: .*no-such-file\.json/);
    expect(problems).toMatch(/error cell: SyntaxError/);
    expect(problems).toMatch(/no h1 title/);
    expect(problems).toMatch(/a chart without a title or aria-label/);
    expect(problems).toMatch(/a chart with no data marks/);
    expect(problems).toMatch(/an empty table/);
    expect(problems).toMatch(/level "red" shown by colour only/);
    expect(await horizontalOverflow(page)).toBeGreaterThan(0);
    await page.close();
    await broken.close();
  });
});
