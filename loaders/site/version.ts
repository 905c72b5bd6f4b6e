import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {findInputFiles} from "../inputs/index.js";

/** Which data and which code a built report came from: shown on every page and in version.json. */
export interface VersionStamp {
  report_version: string;
  /** Short commit hash, or null outside a git checkout. */
  commit: string | null;
  /** Whether the working tree had uncommitted changes when the site was built. */
  dirty: boolean;
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
  const roles = ["production", "model", "stats"] as const;
  return {
    report_version: readJson(join(root, "package.json")).version,
    ...gitState(root),
    inputs: roles.map((role) => ({role, file: basename(files[role]), sha256: fingerprint(readFileSync(files[role]))})),
    built_at: builtAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    framework_version: readJson(join(root, "node_modules/@observablehq/framework/package.json")).version,
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
