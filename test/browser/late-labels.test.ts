import {spawnSync} from "node:child_process";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {root, tempDir} from "../builders/helpers.js";
import {awaitingRows, blankedFolder} from "../builders/late-labels.js";
import {hasChromium, launch, open, pageProblems} from "./check.js";
import {serve} from "./server.js";

// Issue 22: the whole site built from a log whose last three days have no
// actual prices yet renders every page without an error, and says so.
const pages = ["index.html", "performance.html", "drift.html", "monitoring.html", "retraining.html", "risk.html", "memo.html", "versions.html"];
let browser: Browser;
let site: {url: string; close: () => Promise<void>};

beforeAll(async () => {
  const out = join(tempDir("late-site-"), "site");
  // Without the build's render check: the suite opens every page itself, with more checks than the build's.
  const run = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "loaders/cli/build.ts"), "--no-render-check"], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, REPORT_DATA_DIR: blankedFolder(), REPORT_OUT_DIR: out},
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  site = await serve(out);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.skipIf(!hasChromium())("a site built from a log with late labels", () => {
  it.each(pages)("%s renders without an error", async (name) => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const problems = await open(page, `${site.url}/${name}`);
    expect([...problems, ...(await pageProblems(page))]).toEqual([]);
    await page.close();
  });

  it("the Overview's data notes and the Performance page count the rows awaiting labels; the dashboard's RMSE reads no data", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await open(page, `${site.url}/index.html`);
    expect(await page.locator("main").innerText()).toContain(`${awaitingRows} rows await their actual price`);
    await open(page, `${site.url}/performance.html`);
    expect(await page.locator("main").innerText()).toContain(`${awaitingRows} rows await their actual price`);
    await open(page, `${site.url}/monitoring.html`);
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/RMSE\s*\n\s*—/);
    await page.close();
  });
});
