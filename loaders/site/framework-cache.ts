import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";

/**
 * Framework's cache of data-loader outputs (src/.observablehq/cache): it
 * treats an output as fresh while the loader file is older than it, and knows
 * nothing of the inputs. So it is kept only when a key file says it was made
 * from the same inputs (loaders/site/inputs-key.ts); otherwise every cached
 * output is dropped. The stamp (it holds the build time) is always made again.
 */
const cacheDir = join("src", ".observablehq", "cache");
const keyFile = join(cacheDir, ".inputs-key");
// Framework's own caches of bundled modules: unaffected by our inputs.
const moduleCaches = new Set(["_node", "_npm", "_jsr", "_observablehq", "_import"]);

/** Keeps Framework's cached data files when they were made from these inputs (returns whether it did), else drops them. */
export function prepareFrameworkCache(key: string): boolean {
  const same = existsSync(keyFile) && readFileSync(keyFile, "utf8") === key;
  if (same) rmSync(join(cacheDir, "data", "stamp.json"), {force: true});
  else forgetFrameworkCache();
  return same;
}

/** Records that the cached data files are these inputs' (after a build that succeeded). */
export function markFrameworkCache(key: string): void {
  if (existsSync(cacheDir)) writeFileSync(keyFile, key);
}

/** Drops every cached loader output and the key. */
export function forgetFrameworkCache(): void {
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) if (!moduleCaches.has(entry)) rmSync(join(cacheDir, entry), {recursive: true, force: true});
}

/** Forgets which inputs the cached data files were made from (a preview saw a change: the next build checks them afresh). */
export function forgetFrameworkKey(): void {
  rmSync(keyFile, {force: true});
}
