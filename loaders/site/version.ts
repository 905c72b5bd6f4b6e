import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {findInputFiles} from "../inputs/index.js";
import {ContributionCache, engineVersion, fileSha256} from "../pass/index.js";
import {defaultCacheDir} from "../pipeline/index.js";

/** Which data and which code a built report came from: shown on every page and in version.json. */
export interface VersionStamp {
  report_version: string;
  /** Short commit hash, or null outside a git checkout. */
  commit: string | null;
  /** Whether the working tree had uncommitted changes when the site was built. */
  dirty: boolean;
  /** Every input file: each production file of the log (by its path in the data folder), the model, the statistics. */
  inputs: {role: "production" | "model" | "stats"; file: string; sha256: string}[];
  /** ISO 8601, UTC, to the second. */
  built_at: string;
  framework_version: string;
}

/** The build's time: `npm run build` passes it (REPORT_BUILT_AT) so the footer, the stamp file and version.json agree to the second. */
export function builtAt(): Date {
  return new Date(process.env.REPORT_BUILT_AT || Date.now());
}

/** The first 12 hex digits of a file's SHA-256: enough to tell inputs apart, short enough to read. */
export function fingerprint(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

export function versionStamp(dataDir: string, builtAt: Date, root = "."): VersionStamp {
  const files = findInputFiles(dataDir);
  const known = knownHashes();
  return {
    report_version: readJson(join(root, "package.json")).version,
    ...gitState(root),
    inputs: [
      ...files.productions.map((f) => ({role: "production" as const, file: f.name, sha256: (known(f.path) ?? fileSha256(f.path)).slice(0, 12)})),
      {role: "model" as const, file: basename(files.model), sha256: fingerprint(readFileSync(files.model))},
      {role: "stats" as const, file: basename(files.stats), sha256: fingerprint(readFileSync(files.stats))},
    ],
    built_at: builtAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    framework_version: readJson(join(root, "node_modules/@observablehq/framework/package.json")).version,
  };
}

/** The production files' SHA-256 the pass's cache recorded (for an unchanged file: a large log is not hashed again for each stamp). */
function knownHashes(): (path: string) => string | null {
  const cache = new ContributionCache(defaultCacheDir(), engineVersion(), "");
  return (path) => {
    try {
      return cache.knownHash(path);
    } catch {
      return null;
    }
  };
}

function gitState(root: string): {commit: string | null; dirty: boolean} {
  const git = (...args: string[]) => execFileSync("git", args, {cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
  try {
    return {commit: git("rev-parse", "--short=7", "HEAD"), dirty: git("status", "--porcelain") !== ""};
  } catch {
    return {commit: null, dirty: false};
  }
}

function readJson(path: string): {version: string} {
  return JSON.parse(readFileSync(path, "utf8"));
}
