import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {toJson} from "../pipeline/index.js";
import type {SiteFileName} from "../site/index.js";
import {runCli} from "./run.js";

/**
 * The whole body of a site data loader: print one of the site's data files.
 *
 * Framework runs every loader as its own process, and each would otherwise
 * read the inputs and compute all the tables again (at a million rows, over a
 * minute each). During `npm run build` (which sets REPORT_BUILD_CACHE to a
 * folder of its own, removed after the build) the first loader computes the
 * tables once and writes every data file there; the others only read theirs.
 * Outside a build (npm run dev) each loader computes its file afresh.
 * A bad input fails the loader, and so the build, with the CLI's message.
 */
export function emit(name: SiteFileName): void {
  runCli(async () => {
    const cache = process.env.REPORT_BUILD_CACHE;
    const cached = cache ? join(cache, `${name}.json`) : null;
    if (cached && existsSync(cached)) return void process.stdout.write(readFileSync(cached));
    // Imported here so that a loader served from the cache loads none of the engine.
    const {siteFileTexts} = await import("../site/index.js");
    const texts = await siteFileTexts(toJson);
    if (cache) {
      mkdirSync(cache, {recursive: true});
      for (const [file, text] of texts) {
        const path = join(cache, `${file}.json`);
        writeFileSync(`${path}.${process.pid}`, text);
        renameSync(`${path}.${process.pid}`, path);
      }
    }
    process.stdout.write(texts.get(name)!);
  });
}
