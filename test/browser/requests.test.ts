import {expect, it} from "vitest";
import {open} from "./check.js";
import {builtSite} from "./built-site.js";

// What the pages fetch: only the site's own files (fonts included), nothing from another origin.
const site = builtSite();

it("every page fetches from the site's own origin only, and sets its prose in the self-hosted Source Serif 4", async () => {
  const foreign: string[] = [];
  const fonts = new Set<string>();
  for (const path of site.paths) {
    const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
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
