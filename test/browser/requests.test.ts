import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {hasChromium, launch, open, sidebarLinks} from "./check.js";
import {serve} from "./server.js";

// What the pages fetch: only the site's own files (fonts included), nothing from another origin.
let browser: Browser;
let site: {url: string; close: () => Promise<void>};
let paths: string[] = [];

beforeAll(async () => {
  if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
  if (!existsSync(join(root, "dist/index.html"))) throw new Error("dist/ is not built: run npm run build (npm test does)");
  browser = await launch();
  site = await serve(join(root, "dist"));
  const page = await browser.newPage();
  await page.goto(site.url + "/");
  paths = (await sidebarLinks(page)).map(({href}) => new URL(href).pathname);
  await page.close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it("every page fetches from the site's own origin only, and sets its prose in the self-hosted Source Serif 4", async () => {
  const foreign: string[] = [];
  const fonts = new Set<string>();
  for (const path of paths) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol === "data:" || url.protocol === "blob:") return;
      if (url.origin !== site.url) foreign.push(`${path}: ${r.url()}`);
      else if (url.pathname.endsWith(".woff2")) fonts.add(url.pathname);
    });
    expect(await open(page, site.url + path), path).toEqual([]);
    const font = await page.evaluate(async () => {
      await document.fonts.ready;
      const p = document.querySelector("main p");
      return {family: p ? getComputedStyle(p).fontFamily : "", loaded: [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Source Serif 4" && f.status === "loaded")};
    });
    expect(font.family, path).toMatch(/^"Source Serif 4"/);
    expect(font.loaded, path).toBe(true);
    await page.close();
  }
  expect(foreign).toEqual([]);
  expect([...fonts].every((f) => f.startsWith("/fonts/source-serif-4-"))).toBe(true);
  expect(fonts.size).toBeGreaterThan(0);
}, 120_000);
