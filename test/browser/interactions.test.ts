import type {Page} from "playwright-core";
import {expect, it} from "vitest";
import {open} from "./check.js";
import {builtSite} from "./built-site.js";

// What a reader does with the pages' controls, on the built site (dist/).
const site = builtSite();

/** The feature names in the drift page's 75-feature table, top to bottom. */
async function featureColumn(page: Page): Promise<string[]> {
  const table = page.locator("main form table").first();
  return table.locator("tbody tr td:nth-child(2)").allTextContents();
}

it("the drift table filters by search and by severity, and sorts by a clicked header", async () => {
  const page = await site.browser.newPage({viewport: {width: 1280, height: 900}});
  expect(await open(page, site.url + "/drift.html")).toEqual([]);
  const drift = JSON.parse(await (await page.request.get(site.url + (await dataUrl(page, "drift-report")))).text());
  const names: string[] = drift.features.map((f: {feature: string}) => f.feature);

  // Inputs.table renders rows lazily; everything visible must be a real feature.
  expect((await featureColumn(page)).every((n) => names.includes(n))).toBe(true);

  const search = page.locator('main input[type="search"]').first();
  const term = names[0].slice(0, 6);
  await search.fill(term);
  await page.waitForTimeout(300);
  const found = await featureColumn(page);
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((n) => n.includes(term))).toBe(true);
  expect(found.length).toBe(names.filter((n) => n.includes(term)).length);
  await search.fill("");

  await page.getByLabel("Severe only").check();
  await page.waitForTimeout(300);
  const severe = drift.features.filter((f: {severe: boolean}) => f.severe).map((f: {feature: string}) => f.feature);
  expect((await featureColumn(page)).sort()).toEqual([...severe].sort());
  await page.getByLabel("Severe only").uncheck();

  // Click the "Feature" header: rows sort by name (ascending, then descending on a second click).
  const header = page.locator("main form table").first().locator("thead th").nth(1);
  expect(await header.textContent()).toMatch(/Feature/);
  await header.click();
  await page.waitForTimeout(200);
  // Only the first rows are rendered until scrolled: compare with the head of each full order.
  const ascending = [...names].sort((a, b) => (a < b ? -1 : 1));
  const descending = [...ascending].reverse();
  const first = await featureColumn(page);
  expect(first).toEqual(ascending.slice(0, first.length));
  await header.click();
  await page.waitForTimeout(200);
  const second = await featureColumn(page);
  expect(second).toEqual(descending.slice(0, second.length));
  await page.close();
});

/** The hashed URL of a page's data file, read from the page's own FileAttachment registrations. */
async function dataUrl(page: Page, name: string): Promise<string> {
  const html = await page.content();
  const match = new RegExp(`"\\./?(_file/data/${name}\\.[0-9a-f]+\\.json)"`).exec(html);
  if (!match) throw new Error(`no ${name}.json registered on the page`);
  return "/" + match[1];
}
