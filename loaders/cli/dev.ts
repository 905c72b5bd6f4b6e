import {spawn} from "node:child_process";
import {existsSync, utimesSync, watch} from "node:fs";
import {join, resolve} from "node:path";
import {forgetFrameworkKey, prepareFrameworkCache, siteDataDir, siteInputsKey} from "../site/index.js";

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
 * Extra arguments go to `observable preview` (e.g. --port 3001).
 */
const loader = join("src", "data", "[name].json.ts");

prepareFrameworkCache(siteInputsKey(siteDataDir()));

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
  preview.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
preview.on("exit", (code) => {
  for (const w of watchers) w.close();
  process.exitCode = code ?? 0;
});
