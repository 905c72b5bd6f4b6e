import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {hasChromium, launch, layoutProblems, open, sidebarLinks} from "./check.js";
import {serve} from "./server.js";

// Tables at a phone's, a small laptop's and a desktop's width: each fits the
// main column or scrolls inside its own box, and the page never scrolls sideways.
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

describe.each([390, 1024, 1280])("at %i px wide", (width) => {
  it("no page scrolls sideways and every table stays in the main column", async () => {
    const found: string[] = [];
    for (const path of paths) {
      const page = await browser.newPage({viewport: {width, height: 900}});
      await open(page, site.url + path);
      found.push(...(await layoutProblems(page)).map((p) => `${path}: ${p}`));
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
