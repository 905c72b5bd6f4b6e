import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/** The loaders folder, from this file's place in it. */
export const loadersDir = dirname(dirname(fileURLToPath(import.meta.url)));
/** The project root (package.json, the default cache folder). */
export const projectDir = dirname(loadersDir);

/**
 * A hash of source files and folders (paths relative to loaders/, visited in
 * name order) and the project's package files: a change to any of them gives
 * another hash. `extra` adds what else the result depends on.
 */
export function sourcesHash(paths: readonly string[], ...extra: string[]): string {
  const hash = createHash("sha256");
  for (const e of extra) hash.update(e).update("\0");
  for (const file of ["package.json", "package-lock.json"]) {
    const path = join(projectDir, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  const visit = (path: string) => {
    const full = join(loadersDir, path);
    if (!existsSync(full)) return;
    if (!path.endsWith(".ts") && !path.endsWith(".mjs")) {
      for (const entry of readdirSync(full, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory() || /\.(ts|mjs)$/.test(entry.name)) visit(join(path, entry.name));
      }
      return;
    }
    hash.update(path).update(readFileSync(full));
  };
  for (const p of paths) visit(p);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The engine version of a cached contribution: the code that reads, scores
 * and accumulates a production file, and the Node.js version (its v8
 * serialisation stores the entries). The tables' own code is not part of it:
 * a changed threshold or sentence reuses every file's contribution.
 */
export function engineVersion(): string {
  return sourcesHash(["accumulate", "inputs", "model", "pass", "rds", "scoring", "shared", "stats", "errors.ts", "config.ts"], process.version, "contribution-1");
}
