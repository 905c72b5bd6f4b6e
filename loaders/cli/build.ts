import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../errors.js";
import {toJson} from "../pipeline/index.js";
import {checkPages, markFrameworkCache, prepareFrameworkCache, removeStaleStaging, renderCheck, siteDataDir, siteInputsKey, sitePages, stagingFolder, versionStamp} from "../site/index.js";
import {parseCommand} from "./args.js";
import {runCli} from "./run.js";

/**
 * `npm run build`: Framework's build, made safe for a report.
 * - Never stale: Framework reuses a cached loader output unless the loader file
 *   itself changed, and knows nothing of data/ or loaders/; so its cached
 *   outputs are kept only when they were made from the same inputs
 *   (loaders/site/framework-cache.ts), and dropped otherwise.
 * - Safe: the pages are checked before building (code that does not compile,
 *   a data file nothing provides, an implicit import that needs the CDN:
 *   loaders/site/page-check.ts); the site is built into a temporary folder,
 *   every page is opened in headless Chromium (loaders/site/render-check.ts),
 *   and dist/ is replaced only when no page showed an error, so a failed
 *   build leaves the previous site untouched. Each error names its line in
 *   src/PAGE.md. A killed build's staging folder is removed by the next.
 * - Versioned: version.json (report version, commit, input fingerprints,
 *   build time) is published at the site root, a stable URL; every page's
 *   footer shows the same stamp.
 */
const outDir = process.env.REPORT_OUT_DIR || "dist";

const spec = {
  command: "npm run build --",
  summary: "Builds the site into dist/ from the data folder (REPORT_DATA_DIR, else data/): every loader's output comes from the inputs named, dist/ is replaced only when every page built without an error.",
  options: {
    "no-render-check": {type: "boolean", help: "do not open the built pages in Chromium before publishing (a quicker local build; also REPORT_RENDER_CHECK=0)"},
  },
  notes: [
    "environment: REPORT_DATA_DIR the data folder; REPORT_OUT_DIR the output folder (default dist); CHROMIUM_PATH the browser of the render check (default /usr/bin/chromium).",
    "exit status: 0 built; 1 the build failed (one line per problem, src/PAGE.md:LINE:COL: message; dist/ untouched); 2 a usage mistake.",
  ],
} as const;

runCli(async () => {
  const command = parseCommand(spec);
  if (command === null) return;
  const renderChecked = !command.values["no-render-check"] && process.env.REPORT_RENDER_CHECK !== "0";
  removeStaleStaging(outDir);
  // Problems visible in the sources stop the build before Framework spends a minute on it.
  const problems = checkPages();
  if (problems.length > 0) throw new InputError(problems.map((p) => p.line).join("\n"));
  const key = siteInputsKey(siteDataDir());
  prepareFrameworkCache(key);
  const temp = stagingFolder(outDir, "building");
  rmSync(temp, {recursive: true, force: true});
  try {
    const framework = join("node_modules", ".bin", "observable");
    const builtAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const env = {...process.env, REPORT_BUILD_OUTPUT: temp, REPORT_BUILT_AT: builtAt.toISOString()};
    const result = spawnSync(framework, ["build"], {env, encoding: "utf8", maxBuffer: 1 << 28});
    const log = (result.stdout ?? "") + (result.stderr ?? "");
    for (const line of new Set(log.split("\n").filter((l) => l.startsWith("warning: ")))) process.stderr.write(`${line}\n`);
    if (result.status !== 0) throw new InputError(buildFailure(log));
    const broken = pagesWithErrorCells(temp);
    if (broken.length > 0) throw new InputError(`build failed: ${broken.join("; ")}`);
    // Said on the build's own line, so a build published without the check never reads as checked.
    let checked = " (no render check: asked for)";
    if (renderChecked) {
      const started = performance.now();
      const check = await renderCheck(temp, sitePages());
      if ("skipped" in check) {
        process.stderr.write(`warning: render check skipped: ${check.skipped}\n`);
        checked = " (no render check: no browser)";
      }
      else if (check.problems.length > 0) throw new InputError(check.problems.join("\n"));
      else checked = ` (render check: ${check.pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s)`;
    }
    writeFileSync(join(temp, "version.json"), toJson(versionStamp(siteDataDir(), builtAt), 2) + "\n");
    const old = stagingFolder(outDir, "previous");
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
    rmSync(old, {recursive: true, force: true});
    markFrameworkCache(key);
    process.stdout.write(`built ${outDir}/${checked}\n`);
  } finally {
    rmSync(temp, {recursive: true, force: true});
  }
});

/** The loader's own one-line message when a loader failed; else Framework's error line. */
function buildFailure(log: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = log.replace(/\x1b\[[0-9;]*m/g, "");
  // A loader's stderr interleaves with Framework's progress lines in any order.
  const loader = /(?:^|\] )error: (.+)$/m.exec(plain);
  if (loader) return loader[1];
  const framework = /^(?:Unexpected error|Error): (.+)$/m.exec(plain);
  return `build failed: ${framework ? framework[1] : plain.trim().split("\n").slice(-3).join(" ")}`;
}

/** Framework renders a page whose code does not compile with an error cell, and still exits 0. */
function pagesWithErrorCells(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith("_")) visit(path);
      } else if (entry.name.endsWith(".html")) {
        const error = /class="observablehq--inspect observablehq--error">([^<]*)</.exec(readFileSync(path, "utf8"));
        if (error) found.push(`${path.slice(dir.length + 1)}: ${error[1]}`);
      }
    }
  };
  visit(dir);
  return found;
}
