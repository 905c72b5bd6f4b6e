import {createHash} from "node:crypto";
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {projectDir, sourcesHash} from "../pass/index.js";
import {releasesDir} from "./release-files.js";

/**
 * What the site's data files are computed from, as one fingerprint: the data
 * folder (its path, and every file's name, size and modification time), the
 * engine's and the data loader's sources, the package files and the recorded
 * releases. Two builds or previews with the same key give the same data
 * files; any change to one of these gives another key, so cached data files
 * are never shown for other inputs than the ones they name.
 */
export function siteInputsKey(dataDir: string): string {
  const hash = createHash("sha256");
  const dir = resolve(dataDir);
  hash.update(dir).update("\0");
  for (const [path, s] of filesUnder(dir)) hash.update(`${path}\0${s.size}\0${s.mtimeMs}\0`);
  const releases = resolve(releasesDir);
  for (const [path, s] of filesUnder(releases)) hash.update(`release:${path}\0${s.size}\0${s.mtimeMs}\0`);
  hash.update(sourcesHash(["."], process.version));
  hash.update(sourcesHash(["../src/data"]));
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(dir: string): [string, {size: number; mtimeMs: number}][] {
  if (!existsSync(dir)) return [];
  const out: [string, {size: number; mtimeMs: number}][] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else {
        const s = statSync(path);
        out.push([relative(dir, path), {size: s.size, mtimeMs: s.mtimeMs}]);
      }
    }
  };
  visit(dir);
  return out;
}

/** Where the site's computed data files are kept, by inputs key: REPORT_SITE_CACHE, else .cache/site in the project. */
export function siteCacheDir(): string {
  return process.env.REPORT_SITE_CACHE || join(projectDir, ".cache", "site");
}
