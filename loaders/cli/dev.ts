import {spawn} from "node:child_process";
import {existsSync, utimesSync, watch} from "node:fs";
import {join, resolve} from "node:path";
import {checkPage, checkPages, forgetFrameworkKey, prepareFrameworkCache, siteDataDir, siteInputsKey, sitePages, siteRoot} from "../site/index.js";

/**
 * `npm run dev`: Framework's preview, never stale. Framework reuses a data
 * loader's cached output until the loader file itself changes, and knows
 * nothing of the data folder, the engine (loaders/) or REPORT_DATA_DIR, so a
 * preview could show the figures of other inputs than those it names. Here:
 * - at start the cached data files are kept only if they were made from the
 *   inputs of this run (loaders/site/framework-cache.ts);
 * - while it runs, any change in the data folder or in loaders/ touches the
 *   site's data loader, so Framework runs it again and pushes the new figures
 *   to open pages (a reload shows them, footer stamp included).
 * - a page using one of Framework's implicit imports that fetch from the npm
 *   CDN (`Plot`, `d3`, `Inputs`, `html`) stops the preview at start with one
 *   line naming the page and the import to write (the page would answer 500
 *   "fetch failed"); saved while the preview runs, it prints that line.
 * Extra arguments go to `observable preview` (e.g. --port 3001).
 */
const loader = join("src", "data", "[name].json.ts");

const blocking = checkPages().filter((p) => p.kind === "implicit-import");
if (blocking.length > 0) {
  for (const p of blocking) process.stderr.write(`error: ${p.line}\n`);
  process.exit(1);
}

prepareFrameworkCache(siteInputsKey(siteDataDir()));

// A page saved with an implicit CDN import: say so in the terminal, where the preview's 500 says only "fetch failed".
const pageWatcher = watch(siteRoot, {recursive: true}, (_event, name) => {
  if (typeof name !== "string" || !name.endsWith(".md")) return;
  const page = sitePages().find((p) => p.file === join(siteRoot, name));
  if (!page) return;
  try {
    for (const p of checkPage(page)) if (p.kind === "implicit-import") process.stderr.write(`error: ${p.line}\n`);
  } catch {
    // A file caught mid-save: the next event checks it again.
  }
});

const watched = [resolve(siteDataDir()), resolve("loaders")];
let pending: NodeJS.Timeout | null = null;
const touch = () => {
  // Several events come for one save: touch once, a moment after the last.
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    forgetFrameworkKey();
    const now = new Date();
    utimesSync(loader, now, now);
  }, 200);
};
const watchers = watched.filter((dir) => existsSync(dir)).map((dir) => watch(dir, {recursive: true}, touch));

const preview = spawn(join("node_modules", ".bin", "observable"), ["preview", ...process.argv.slice(2)], {stdio: "inherit"});
const stop = () => {
  for (const w of watchers) w.close();
  pageWatcher.close();
  preview.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
preview.on("exit", (code) => {
  for (const w of watchers) w.close();
  pageWatcher.close();
  process.exitCode = code ?? 0;
});
