import {spawn, type ChildProcess} from "node:child_process";
import {copyFileSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ProjectCopy} from "../builders/project.js";
import {hasChromium, launch} from "./check.js";
import {freePort} from "../builders/free-port.js";

// The preview (`npm run dev`) as an analyst meets it, on a copy of the project: it must show the figures of
// the inputs it names after a build from other inputs, after the data folder changes under it, and after a
// threshold in loaders/config.ts changes. Framework itself would serve its cached loader output in all three.

const alt = join(import.meta.dirname, "..", "fixtures", "alt-inputs");
let project: ProjectCopy;
let browser: Browser;
let preview: ChildProcess;
let url: string;

/** Rows of a CSV file (lines after the header, ignoring a final newline). */
function csvRows(file: string): number {
  return readFileSync(file, "utf8").trimEnd().split("\n").length - 1;
}

/** Reloads the page until its main text matches, or fails with what it last showed. */
async function showsEventually(page: Page, path: string, pattern: RegExp, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = "";
  while (Date.now() < deadline) {
    await page.goto(`${url}${path}`, {waitUntil: "load"}).catch(() => undefined);
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000}).catch(() => undefined);
    text = (await page.textContent("main").catch(() => "")) ?? "";
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${path} never showed ${pattern}; it showed: ${text.slice(0, 600)}`);
}

beforeAll(async () => {
  if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
  project = new ProjectCopy();
  // A build from the alternative inputs leaves Framework's cache holding their figures.
  const build = project.build([], {REPORT_DATA_DIR: alt});
  if (build.status !== 0) throw new Error(`build from the alternative inputs failed: ${build.stderr}`);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  preview = spawn(process.execPath, ["--import", "tsx", "loaders/cli/dev.ts", "--port", String(port), "--no-open"], {
    cwd: project.dir,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "REPORT_DATA_DIR")),
    stdio: "ignore",
    detached: true,
  });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  // The preview and its Framework child: the whole process group.
  if (preview?.pid) {
    try {
      process.kill(-preview.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  project?.remove();
});

describe("the preview is never stale", () => {
  it("shows the embedded inputs after a build from others, then the data folder's new files, then a changed threshold", async () => {
    const page = await browser.newPage();
    const embedded = csvRows(project.path("data", "production_simulation.csv"));
    await showsEventually(page, "/", new RegExp(`This review scores ${embedded} production predictions`));

    // Replace the data folder's files with the alternative inputs while the preview runs.
    rmSync(project.path("data", "production_simulation.csv"));
    for (const file of ["march_prices.csv", "production_model.rds", "training_stats.rds"]) copyFileSync(join(alt, file), project.path("data", file));
    const replaced = csvRows(join(alt, "march_prices.csv"));
    expect(replaced).not.toBe(embedded);
    await showsEventually(page, "/", new RegExp(`This review scores ${replaced} production predictions`));

    // Change the brief's severe mean-shift threshold; the Drift page must show the count the tables CLI gives.
    const severeByCli = (): {count: number; features: number} => {
      const out = project.path("cli-out");
      const cli = project.run("loaders/cli/tables.ts", ["--data", "data", "--out", out]);
      expect(cli.status, cli.stderr).toBe(0);
      const drift = JSON.parse(readFileSync(join(out, "drift.json"), "utf8")) as {severe_count: number; features: unknown[]};
      return {count: drift.severe_count, features: drift.features.length};
    };
    const before = severeByCli();
    await showsEventually(page, "/drift", new RegExp(`Severe drift\\s*${before.count} of ${before.features}\\s*Mean shift > 20%`));
    project.replace("loaders/config.ts", "severeMeanShiftPct: 20,", "severeMeanShiftPct: 10,");
    const after = severeByCli();
    // A threshold that changes nothing would test nothing.
    expect(after.count).not.toBe(before.count);
    await showsEventually(page, "/drift", new RegExp(`Severe drift\\s*${after.count} of ${after.features}\\s*Mean shift > 10%`));
    await page.close();
  }, 600_000);
});
