// Refreshes the README's screenshots (docs/*.png) from the built site: run
// `npm run build` first, then `npm run screenshots`. Chromium as the browser
// tests use it (/usr/bin/chromium, or CHROMIUM_PATH); the site is served the
// plain static way the README describes, so the pictures are what readers get.
import {join} from "node:path";
import {launch} from "../test/browser/check.js";
import {serve} from "../test/browser/server.js";

interface Shot {
  file: string;
  path: string;
  scheme: "light" | "dark";
  media: "screen" | "print";
  width: number;
  /** Pixels of the page's top to keep (the first screen a reader sees), or the whole page. */
  height: number | "page";
  /** A heading's id to scroll to first (the dashboard's tiles rather than the page's lead). */
  from?: string;
}

// Letter width at 96 px per inch for the printed memo.
const shots: Shot[] = [
  {file: "overview.png", path: "/index.html", scheme: "light", media: "screen", width: 1280, height: 900},
  {file: "monitoring.png", path: "/monitoring.html", scheme: "light", media: "screen", width: 1280, height: 900, from: "dashboard-status-on-the-last-day"},
  {file: "monitoring-dark.png", path: "/monitoring.html", scheme: "dark", media: "screen", width: 1280, height: 900, from: "dashboard-status-on-the-last-day"},
  {file: "drift-mix.png", path: "/drift.html", scheme: "light", media: "screen", width: 1280, height: 1400, from: "category-and-brand-mix"},
  {file: "drift-target.png", path: "/drift.html", scheme: "light", media: "screen", width: 1280, height: 1400, from: "target-drift-actual-prices"},
  {file: "drift-prediction.png", path: "/drift.html", scheme: "light", media: "screen", width: 1280, height: 1400, from: "prediction-drift"},
  {file: "monitoring-prediction.png", path: "/monitoring.html", scheme: "light", media: "screen", width: 1280, height: 1100, from: "prediction-drift"},
  {file: "memo-print.png", path: "/memo.html", scheme: "light", media: "print", width: 816, height: "page"},
];

const root = join(import.meta.dirname, "..");
const site = await serve(join(root, "dist"));
const browser = await launch();
try {
  for (const s of shots) {
    const page = await browser.newPage({viewport: {width: s.width, height: s.height === "page" ? 1056 : s.height}, colorScheme: s.scheme});
    await page.emulateMedia({media: s.media, colorScheme: s.scheme});
    await page.goto(site.url + s.path, {waitUntil: "networkidle"});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 30_000});
    if (s.from) {
      const heading = page.locator(`[id="${s.from}"]`);
      if ((await heading.count()) !== 1) throw new Error(`${s.path} has no heading #${s.from}`);
      await heading.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
    }
    await page.screenshot({path: join(root, "docs", s.file), fullPage: s.height === "page"});
    await page.close();
    process.stdout.write(`docs/${s.file}\n`);
  }
} finally {
  await browser.close();
  await site.close();
}
