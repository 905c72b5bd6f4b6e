import {existsSync, mkdirSync, renameSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../errors.js";
import {reportTables, toJson} from "../pipeline/index.js";
import {isVersion, type Release, releaseFigures, releasesDir, siteDataDir, versionStamp} from "../site/index.js";
import {parseCommand, UsageError} from "./args.js";
import {runCli} from "./run.js";

const spec = {
  command: "npm run release --",
  positionals: "<version>",
  summary: "Records the report's key figures and the fingerprint of every input file in RELEASES/<version>.json (e.g. npm run release -- 1.2.0). A release is never rewritten.",
  options: {
    data: {type: "string", value: "DIR", help: "the data folder (default REPORT_DATA_DIR, else data)"},
    releases: {type: "string", value: "DIR", default: releasesDir, help: "where releases are recorded"},
  },
  notes: ["exit status: 0 recorded; 1 a problem with the inputs, or the release exists; 2 a usage mistake."],
} as const;

/** `npm run release -- <version>`: records the report's key figures and fingerprints in releases/<version>.json. */
runCli(async () => {
  const parsed = parseCommand(spec);
  if (parsed === null) return;
  const {values, positionals} = parsed;
  const [version] = positionals;
  if (positionals.length !== 1 || version === undefined || !isVersion(version)) throw new UsageError(`expected one semantic version such as 1.2.0, got ${positionals.length ? positionals.map((p) => `"${p}"`).join(" ") : "none"}`, spec.command);
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
  process.stderr.write(`release: recorded ${file}\n`);
});
