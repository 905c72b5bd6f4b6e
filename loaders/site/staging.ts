import {existsSync, readdirSync, rmSync} from "node:fs";
import {basename, dirname, join} from "node:path";

/**
 * The build's staging folders next to the output (`dist.building-PID` while
 * building, `dist.previous-PID` during the swap). A build killed midway
 * leaves its folder behind; the next build removes those whose process is
 * gone, never one a build still running (another terminal, a test) is using.
 */
export function stagingFolder(outDir: string, kind: "building" | "previous", pid = process.pid): string {
  return `${outDir}.${kind}-${pid}`;
}

/** Removes the leftover staging folders of dead builds; returns their paths. */
export function removeStaleStaging(outDir: string): string[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^${escapeRegExp(basename(outDir))}\\.(?:building|previous)-(\\d+)$`);
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const m = pattern.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const path = join(parent, name);
    rmSync(path, {recursive: true, force: true});
    removed.push(path);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
