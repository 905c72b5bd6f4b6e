import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {hasChromium, launch, open} from "./check.js";
import {serve} from "./server.js";

// What a reader finds around the figures: search, the page language, light and dark.
let browser: Browser;
let site: {url: string; close: () => Promise<void>};

beforeAll(async () => {
  if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
  if (!existsSync(join(root, "dist/index.html"))) throw new Error("dist/ is not built: run npm run build (npm test does)");
  browser = await launch();
  site = await serve(join(root, "dist"));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("search, from the index built into the site", () => {
  it.each([
    ["PSI", "drift.html"],
    ["rollback", "risk.html"],
  ])("finds %s on %s", async (term, target) => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    expect(await open(page, site.url + "/")).toEqual([]);
    await page.locator("#observablehq-search input").fill(term);
    const results = page.locator("#observablehq-search-results a");
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => new URL(h).pathname === `/${target}`), hrefs.join(", ")).toBe(true);
    await page.close();
  });
});

it("every page says its language", async () => {
  const page = await browser.newPage();
  await open(page, site.url + "/monitoring.html");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await page.close();
});

describe("light and dark", () => {
  /** The brightness (0–255) of the page's text colour: dark text on a light theme, light on a dark one. */
  const ink = (scheme: "light" | "dark", media: "screen" | "print") => async () => {
    const page = await browser.newPage({colorScheme: scheme});
    await open(page, site.url + "/");
    await page.emulateMedia({media, colorScheme: scheme});
    const rgb = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.close();
    const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (r + g + b) / 3;
  };
  it("follows the reader's colour-scheme preference on screen", async () => {
    expect(await ink("light", "screen")()).toBeLessThan(60);
    expect(await ink("dark", "screen")()).toBeGreaterThan(200);
  });
  it("prints light whatever the preference", async () => {
    expect(await ink("dark", "print")()).toBeLessThan(60);
  });
});
