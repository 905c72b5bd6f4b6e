import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {axeViolations} from "./a11y.js";
import {hasChromium, launch, open, sidebarLinks} from "./check.js";
import {serve} from "./server.js";

// axe-core's WCAG 2.1 A/AA rules on every rendered page, light and dark: no serious or critical violation.
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

describe.each(["light", "dark"] as const)("in the %s theme", (scheme) => {
  it("every page passes axe-core with no serious or critical violation", async () => {
    const found: string[] = [];
    for (const path of paths) {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme: scheme});
      await open(page, site.url + path);
      for (const v of await axeViolations(page)) found.push(`${path}: ${v.rule} (${v.impact}, ${v.nodes} nodes) e.g. ${v.targets.join(" | ")}`);
      await page.close();
    }
    if (process.env.AXE_REPORT) console.log(found.join("\n"));
    expect(found).toEqual([]);
  }, 240_000);
});
