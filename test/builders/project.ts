import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

/** The project this file belongs to. */
export const projectRoot = resolve(import.meta.dirname, "../..");

/** What a copy of the project holds: the engine, the site, the inputs, and what builds them (node_modules is linked). */
const copied = ["loaders", "src", "data", "releases", "package.json", "package-lock.json", "observablehq.config.ts", "tsconfig.json"];

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * A copy of the project in a temporary folder, to edit pages, thresholds and
 * inputs and build it as an analyst would, without touching the real src/
 * (the suites and bench/rebuild.ts use it). It has its own dist/, its own
 * Framework cache and site cache; `env` adds or overrides variables (the
 * per-file contribution cache is the caller's REPORT_CACHE_DIR, else the
 * copy's own .cache/report).
 */
export class ProjectCopy {
  readonly dir: string;

  constructor(from = projectRoot) {
    this.dir = mkdtempSync(join(tmpdir(), "report-project-"));
    for (const name of copied) {
      // verbatimSymlinks keeps src/shared a relative link to the copy's own loaders/shared; Framework's cache is not copied.
      cpSync(join(from, name), join(this.dir, name), {recursive: true, verbatimSymlinks: true, filter: (path) => !path.includes(".observablehq")});
    }
    symlinkSync(realpathSync(join(from, "node_modules")), join(this.dir, "node_modules"));
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  read(file: string): string {
    return readFileSync(this.path(file), "utf8");
  }

  write(file: string, text: string): void {
    writeFileSync(this.path(file), text);
  }

  /** Replaces text in a file, failing loudly when the text is not there (an edit that silently misses tests nothing). */
  replace(file: string, from: string, to: string): void {
    const text = this.read(file);
    if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
    this.write(file, text.replace(from, to));
  }

  /** `npm run build -- …args` in the copy. */
  build(args: string[] = [], env: Record<string, string> = {}): RunResult {
    return this.run("loaders/cli/build.ts", args, env);
  }

  /** A TypeScript entry point of the copy, run as its npm script would (tsx, node_modules/.bin on the PATH: Framework runs the data loader with tsx). */
  run(script: string, args: string[] = [], env: Record<string, string> = {}, timeoutMs = 600_000): RunResult {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["REPORT_DATA_DIR", "REPORT_OUT_DIR", "REPORT_BUILD_OUTPUT", "REPORT_SITE_CACHE", "REPORT_BUILT_AT"].includes(k)));
    const started = performance.now();
    const result = spawnSync(this.path("node_modules/.bin/tsx"), [script, ...args], {
      cwd: this.dir,
      encoding: "utf8",
      timeout: timeoutMs,
      env: {...clean, PATH: `${this.path("node_modules/.bin")}:${process.env.PATH ?? ""}`, ...env},
    });
    return {status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000};
  }

  /** Forgets every computed thing: the site's and the engine's caches, Framework's, and the built site (a cold build follows). */
  clearCaches(): void {
    for (const dir of [".cache", "src/.observablehq", "dist"]) rmSync(this.path(dir), {recursive: true, force: true});
  }

  remove(): void {
    rmSync(this.dir, {recursive: true, force: true});
  }
}
