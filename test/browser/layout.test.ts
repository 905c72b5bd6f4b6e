import {describe, expect, it} from "vitest";
import {layoutProblems, open} from "./check.js";
import {builtSite} from "./built-site.js";

// Tables at a phone's, a small laptop's and a desktop's width: each fits the
// main column or scrolls inside its own box, and the page never scrolls sideways.
const site = builtSite();

describe.each([390, 1024, 1280])("at %i px wide", (width) => {
  it("no page scrolls sideways and every table stays in the main column", async () => {
    const found: string[] = [];
    for (const path of site.paths) {
      const page = await site.browser.newPage({viewport: {width, height: 900}});
      await open(page, site.url + path);
      found.push(...(await layoutProblems(page)).map((p) => `${path}: ${p}`));
      await page.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
