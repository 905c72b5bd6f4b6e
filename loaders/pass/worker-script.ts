import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {sourcesHash} from "./sources-hash.js";

/**
 * How to start a range worker thread. Worker threads do not inherit tsx's
 * TypeScript loader, and loading the worker's modules through tsx's API costs
 * about 0.7 s of CPU per thread, more than a whole 50,000-row file takes to
 * read. So the worker is bundled once into one plain JavaScript file with
 * esbuild (what tsx itself uses), cached in the temp folder under a hash of the
 * loaders' sources, and started from there in a few milliseconds. Without
 * esbuild, it falls back to tsx's API.
 */
export interface WorkerScript {
  url: URL;
  /** Extra worker data the script needs. */
  data: Record<string, unknown>;
}

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, "range-worker.ts");
const loaders = dirname(here);

let cached: WorkerScript | null = null;

export function rangeWorkerScript(): WorkerScript {
  return (cached ??= bundled() ?? {url: new URL("./worker-boot.mjs", import.meta.url), data: {entry: pathToFileURL(entry).href}});
}

function bundled(): WorkerScript | null {
  const require = createRequire(import.meta.url);
  let esbuild: typeof import("esbuild");
  try {
    esbuild = require("esbuild") as typeof import("esbuild");
  } catch {
    return null;
  }
  const dir = join(tmpdir(), "techmart-report-workers");
  const file = join(dir, `range-worker-${sourceHash(esbuild.version)}.mjs`);
  if (!existsSync(file)) {
    const result = esbuild.buildSync({entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", write: false, logLevel: "silent"});
    mkdirSync(dir, {recursive: true});
    // Written aside and renamed, so a concurrent build never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0].contents);
    renameSync(temp, file);
  }
  return {url: pathToFileURL(file), data: {}};
}

/** Every loader source, package.json (its sideEffects decide what a bundle keeps), the lockfile (bundled dependencies) and the bundler's version: any change gives a new bundle. */
function sourceHash(version: string): string {
  return sourcesHash(["."], version);
}
