import {spawn, type ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {hasChromium, launch, open} from "./check.js";

// The README's own serving instruction, `python3 -m http.server -d dist`: no
// clean URLs, no rewrites. Every link a reader can click must work there.
let browser: Browser;
let server: ChildProcess | undefined;
let base = "";

/** Starts python3's static server on a free loopback port; resolves to its base URL. */
function pythonServer(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "-d", dir], {stdio: ["ignore", "pipe", "pipe"]});
    server = child;
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /port (\d+)/.exec(out);
      if (port) resolve(`http://127.0.0.1:${port[1]}`);
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`python3 http.server exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  if (!hasChromium()) throw new Error("Chromium not found at /usr/bin/chromium (apt-get install chromium; .ci/run does this)");
  if (!existsSync(join(root, "dist/index.html"))) throw new Error("dist/ is not built: run npm run build (npm test does)");
  browser = await launch();
  base = await pythonServer(join(root, "dist"));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

it("every sidebar, in-page and footer link works on python3 -m http.server", async () => {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const broken: string[] = [];
  const seen = new Set<string>();
  const queue = [base + "/"];
  const anchors: {from: string; page: string; id: string}[] = [];
  let followed = 0;
  while (queue.length > 0) {
    const url = queue.shift() ?? "";
    if (seen.has(url)) continue;
    seen.add(url);
    broken.push(...(await open(page, url)).map((p) => `${url}: ${p}`));
    // Links rendered by cells as well as the static ones: the page has finished rendering here.
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      if (!href.startsWith(base)) continue; // data: icons, blob: downloads
      const target = new URL(href);
      const file = target.origin + target.pathname;
      if (target.hash) anchors.push({from: url, page: file, id: decodeURIComponent(target.hash.slice(1))});
      const isPage = file.endsWith(".html") || file.endsWith("/");
      if (isPage) {
        if (!seen.has(file)) queue.push(file);
      } else if (!seen.has(file)) {
        seen.add(file);
        const response = await page.request.get(file);
        followed++;
        if (response.status() !== 200) broken.push(`${url} → ${file}: HTTP ${response.status()}`);
      }
    }
  }
  // Every page reached through the sidebar, and every #fragment names an element of its page.
  const pages = [...seen].filter((u) => u.endsWith(".html") || u.endsWith("/"));
  expect(pages.length).toBeGreaterThanOrEqual(8);
  anchors.sort((a, b) => a.page.localeCompare(b.page));
  for (const {from, page: target, id} of anchors) {
    if (page.url() !== target) await open(page, target);
    if ((await page.locator(`[id="${id}"]`).count()) === 0) broken.push(`${from} → ${target}#${id}: no such element`);
  }
  expect(followed).toBeGreaterThan(0);
  expect(broken).toEqual([]);
  await page.close();
}, 180_000);
