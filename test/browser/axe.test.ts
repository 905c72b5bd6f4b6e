import {describe, expect, it} from "vitest";
import {axeViolations} from "./a11y.js";
import {open} from "./check.js";
import {builtSite} from "./built-site.js";

// axe-core's WCAG 2.1 A/AA rules on every rendered page, light and dark: no serious or critical violation.
const site = builtSite();

describe.each(["light", "dark"] as const)("in the %s theme", (scheme) => {
  it("every page passes axe-core with no serious or critical violation", async () => {
    const found: string[] = [];
    for (const path of site.paths) {
      const page = await site.browser.newPage({viewport: {width: 1280, height: 900}, colorScheme: scheme});
      await open(page, site.url + path);
      for (const v of await axeViolations(page)) found.push(`${path}: ${v.rule} (${v.impact}, ${v.nodes} nodes) e.g. ${v.targets.join(" | ")}`);
      await page.close();
    }
    if (process.env.AXE_REPORT) console.log(found.join("\n"));
    expect(found).toEqual([]);
  }, 240_000);
});
