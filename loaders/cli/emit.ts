import {closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../errors.js";
import {progressLine} from "./progress.js";
import {runCli} from "./run.js";

/**
 * The whole body of the site's data loader (src/data/[name].json.ts): print
 * one of the site's data files, `--name=<name>` (`--list` prints the names).
 *
 * Framework runs the loader once per data file, each as its own process, and
 * each would otherwise compute all the tables again. So the first run for a
 * set of inputs computes them once and writes every data file into a folder
 * named by the inputs' key (loaders/site/inputs-key.ts); the others, and any
 * later build or preview of the same inputs, only read theirs. Concurrent
 * first runs take turns on a lock file, so one computes and the rest wait.
 * A bad input fails the loader, and so the build, with the CLI's message.
 */
export function emit(args: readonly string[]): void {
  runCli(async () => {
    const site = await import("../site/index.js");
    if (args.includes("--list")) return void process.stdout.write(site.siteFileNames.join("\n") + "\n");
    const name = /^--name=(.+)$/.exec(args.find((a) => a.startsWith("--name=")) ?? "")?.[1] ?? "";
    if (!site.isSiteFileName(name)) throw new InputError(`no data file data/${name}.json: the site's data files are ${site.siteFileNames.map((n) => `${n}.json`).join(", ")}`);
    // The stamp needs no tables, and holds the build time, so it is never shared through the cache.
    if (name === "stamp") return void process.stdout.write(site.stampText());
    const dir = join(site.siteCacheDir(), site.siteInputsKey(site.siteDataDir()));
    const file = join(dir, `${name}.json`);
    if (!existsSync(file)) {
      const progress = progressLine("reading the log");
      await computeOnce(dir, () => site.siteFileTexts({progress: progress.update}));
      progress.done();
    }
    process.stdout.write(readFileSync(file));
  });
}

/** Computes every data file into `dir` unless another process is doing it (then waits for it). */
async function computeOnce(dir: string, texts: () => Promise<Map<string, string>>): Promise<void> {
  mkdirSync(dir, {recursive: true});
  const done = join(dir, ".complete");
  const lock = join(dir, ".lock");
  for (;;) {
    if (existsSync(done)) return;
    let fd: number | null = null;
    try {
      fd = openSync(lock, "wx");
    } catch {
      // Another run holds the lock: wait for it, or take over a lock left by a run that died (older than ten minutes).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, {force: true});
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      for (const [name, text] of await texts()) {
        const path = join(dir, `${name}.json`);
        writeFileSync(`${path}.${process.pid}`, text);
        renameSync(`${path}.${process.pid}`, path);
      }
      writeFileSync(done, "");
    } finally {
      closeSync(fd);
      rmSync(lock, {force: true});
    }
  }
}
