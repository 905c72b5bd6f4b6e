import {describe, expect, it} from "vitest";
import {open} from "./check.js";
import {builtSite} from "./built-site.js";

// What a reader finds around the figures: search, the page language, light and dark.
const site = builtSite();

describe("search, from the index built into the site", () => {
  it.each([
    ["PSI", "drift.html"],
    ["rollback", "risk.html"],
  ])("finds %s on %s", async (term, target) => {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
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
  const page = await site.browser.newPage();
  await open(page, site.url + "/monitoring.html");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await page.close();
});

describe("light and dark", () => {
  /** The brightness (0–255) of the page's text colour: dark text on a light theme, light on a dark one. */
  const ink = (scheme: "light" | "dark", media: "screen" | "print") => async () => {
    const page = await site.browser.newPage({colorScheme: scheme});
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
