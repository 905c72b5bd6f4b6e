import {existsSync, mkdirSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {InputError} from "../errors.js";
import {reportTables, toJson} from "../pipeline/index.js";
import {isVersion, type Release, releaseFigures, releasesDir, siteDataDir, versionStamp} from "../site/index.js";
import {runCli} from "./run.js";

const usage = "usage: npm run release -- <version> [--data DIR] [--releases DIR]   (e.g. npm run release -- 1.2.0)";

/** `npm run release -- <version>`: records the report's key figures and fingerprints in releases/<version>.json. */
runCli(async () => {
  const {values, positionals} = parseArgs({options: {data: {type: "string"}, releases: {type: "string", default: releasesDir}}, allowPositionals: true});
  const [version] = positionals;
  if (positionals.length !== 1 || !isVersion(version)) throw new InputError(`expected one semantic version such as 1.2.0 (${usage})`);
  const file = join(values.releases, `${version}.json`);
  if (existsSync(file)) throw new InputError("this release already exists; releases are never rewritten", {file});
  const dataDir = values.data ?? siteDataDir();
  const tables = await reportTables(dataDir);
  const stamp = versionStamp(dataDir, new Date());
  const release: Release = {
    version,
    released_at: stamp.built_at,
    commit: stamp.commit,
    dirty: stamp.dirty,
    inputs: stamp.inputs,
    figures: releaseFigures(tables),
  };
  mkdirSync(values.releases, {recursive: true});
  writeFileSync(`${file}.tmp`, toJson(release, 2) + "\n");
  renameSync(`${file}.tmp`, file);
  process.stdout.write(`recorded ${file}\n`);
});
