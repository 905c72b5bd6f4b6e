import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {hasChromium, launch, open} from "./check.js";
import {serve} from "./server.js";

// The pages' "Download CSV" links, clicked as a reader would: each file parses
// back to the figures of the table's JSON exactly, and formula-like text arrives defused.
let browser: Browser;
let site: {url: string; close: () => Promise<void>};
const dist = join(root, "dist");
const hostile = "=cmd|' /C calc'!A7";

type Row = Record<string, unknown>;

beforeAll(async () => {
  if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
  if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is not built: run npm run build (npm test does)");
  browser = await launch();
  site = await serve(dist);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A data file of the build, as the pages read it. */
function data(name: string): Record<string, unknown> {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(f));
  if (!file) throw new Error(`no ${name}.json in dist/`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

const get = (o: unknown, path: string): unknown => path.split(".").reduce<unknown>((x, k) => (x !== null && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), o);

/** Clicks the download link for `file` and returns its text. */
async function download(page: Page, file: string): Promise<string> {
  const link = page.locator(`a[download="${file}"]`);
  const [event] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await event.path();
  return readFileSync(path, "utf8");
}

/** What a cell must read for a JSON value: numbers in full, text as is (prefixed when formula-like), nothing for null. */
function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return String(value);
}

/** Compares a downloaded file with its JSON rows, matched by `key`: every column the file has, every row. */
function compare(text: string, rows: readonly Row[], key: (r: Row) => string): string[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = csvParse(text.slice(1));
  const problems: string[] = [];
  if (parsed.length !== rows.length) problems.push(`${parsed.length} rows, expected ${rows.length}`);
  const byKey = new Map(rows.map((r) => [key(r), r]));
  for (const line of parsed) {
    const row = byKey.get(key(Object.fromEntries(parsed.columns.map((c) => [c, line[c]?.replace(/^'(?=[=+\-@\t\r])/, "")]))));
    if (!row) {
      problems.push(`a row not in the JSON: ${JSON.stringify(line)}`);
      continue;
    }
    for (const column of parsed.columns) {
      if (!(column in row)) continue; // a derived column (the rank)
      const value = row[column];
      const cell = line[column] ?? "";
      if (typeof value === "number" ? Number(cell) !== value : cell !== expectedCell(value)) problems.push(`${key(row)}.${column}: ${cell} ≠ ${String(value)}`);
    }
  }
  return problems;
}

describe("each main table's CSV parses back to its figures", () => {
  const cases: {page: string; file: string; json: string; rows: string; key: (r: Row) => string; filter?: (r: Row) => boolean}[] = [
    {page: "performance", file: "segments-category.csv", json: "performance", rows: "segments", key: (r) => String(r.segment), filter: (r) => r.dimension === "category"},
    {page: "performance", file: "worst-segments.csv", json: "performance", rows: "worst_segments", key: (r) => `${String(r.dimension)}/${String(r.segment)}`},
    {page: "drift", file: "drift-features.csv", json: "drift-report", rows: "features", key: (r) => String(r.feature)},
    {page: "drift", file: "missing-by-feature.csv", json: "drift-report", rows: "missingness.features", key: (r) => String(r.feature)},
    {page: "monitoring", file: "monitoring-daily.csv", json: "monitoring", rows: "daily", key: (r) => String(r.date)},
    {page: "memo", file: "feature-requirements.csv", json: "memo", rows: "requirements.features", key: (r) => String(r.feature)},
    {page: "risk", file: "risk-matrix.csv", json: "risk", rows: "matrix", key: (r) => String(r.id)},
  ];
  it.each(cases)("$file on $page", async ({page: name, file, json, rows, key, filter}) => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    expect(await open(page, `${site.url}/${name}.html`)).toEqual([]);
    const all = get(data(json), rows) as Row[];
    const text = await download(page, file);
    expect(compare(text, filter ? all.filter(filter) : all, key)).toEqual([]);
    await page.close();
  });
});

it("a formula-like product or brand name from the log arrives prefixed with '", async () => {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  // The page's own data, with one brand renamed to a hostile one on the way in.
  await page.route(/\/_file\/data\/performance\.[0-9a-f]+\.json$/, async (route) => {
    const response = await route.fetch();
    const perf = (await response.json()) as {segments: Row[]};
    const brand = perf.segments.find((s) => s.dimension === "brand");
    if (brand) brand.segment = hostile;
    await route.fulfill({response, json: perf});
  });
  await open(page, `${site.url}/performance.html`);
  const parsed = csvParse((await download(page, "segments-brand.csv")).slice(1));
  expect(parsed.map((r) => r.segment)).toContain(`'${hostile}`);
  expect(parsed.map((r) => r.segment)).not.toContain(hostile);
  await page.close();
});
