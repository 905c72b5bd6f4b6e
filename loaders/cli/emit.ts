import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../errors.js";
import {runCli} from "./run.js";

/**
 * The whole body of the site's data loader (src/data/[name].json.ts): print
 * one of the site's data files, `--name=<name>` (`--list` prints the names).
 *
 * Framework runs the loader once per data file, each as its own process, and
 * each would otherwise read the inputs and compute all the tables again (at a
 * million rows, over a minute each). During `npm run build` (which sets
 * REPORT_BUILD_CACHE to a folder of its own, removed after the build) the
 * first run computes the tables once and writes every data file there; the
 * others only read theirs. Outside a build (npm run dev) each run computes its
 * file afresh. A bad input fails the loader, and so the build, with the CLI's
 * message.
 */
export function emit(args: readonly string[]): void {
  runCli(async () => {
    if (args.includes("--list")) {
      const {siteFileNames} = await import("../site/index.js");
      return void process.stdout.write(siteFileNames.join("\n") + "\n");
    }
    const name = /^--name=(.+)$/.exec(args.find((a) => a.startsWith("--name=")) ?? "")?.[1] ?? "";
    const cache = process.env.REPORT_BUILD_CACHE;
    const cached = cache ? join(cache, `${name}.json`) : null;
    if (cached && existsSync(cached)) return void process.stdout.write(readFileSync(cached));
    // Imported here so that a run served from the cache loads none of the engine.
    const {isSiteFileName, siteFileNames, siteFileTexts, stampText} = await import("../site/index.js");
    if (!isSiteFileName(name)) throw new InputError(`no data file data/${name}.json: the site's data files are ${siteFileNames.map((n) => `${n}.json`).join(", ")}`);
    // The stamp needs no tables, and holds the build time, so it is never shared through the cache.
    if (name === "stamp") return void process.stdout.write(stampText());
    const texts = await siteFileTexts();
    if (cache) {
      mkdirSync(cache, {recursive: true});
      for (const [file, text] of texts) {
        const path = join(cache, `${file}.json`);
        writeFileSync(`${path}.${process.pid}`, text);
        renameSync(`${path}.${process.pid}`, path);
      }
    }
    process.stdout.write(texts.get(name) ?? "");
  });
}
