import {spawn} from "node:child_process";
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {cliJson, reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {engineVersion} from "../../loaders/pass/index.js";
import {freshCache} from "../builders/engine.js";
import {root, seedData, tempDir} from "../builders/helpers.js";

/** The seed log as three daily-ish files (split by date) under logs/, with the seed model and statistics. */
function threeFiles(): string {
  const dir = tempDir("report-cache-data-");
  for (const f of ["production_model.rds", "training_stats.rds"]) copyFileSync(join(seedData, f), join(dir, f));
  const [header, ...lines] = readFileSync(join(seedData, "production_simulation.csv"), "utf8").trimEnd().split("\n");
  const date = (line: string) => line.split(",")[1];
  const cut = [date(lines[Math.floor(lines.length / 3)]), date(lines[Math.floor((2 * lines.length) / 3)])];
  const parts: string[][] = [[], [], []];
  for (const line of lines) parts[date(line) < cut[0] ? 0 : date(line) < cut[1] ? 1 : 2].push(line);
  mkdirSync(join(dir, "logs"));
  parts.forEach((p, i) => writeFileSync(join(dir, "logs", `part-${i}.csv`), [header, ...p].join("\n") + "\n"));
  return dir;
}

const tablesText = (t: Tables) => cliJson(t).filter(([name]) => name !== "summary.json").map(([, text]) => text);
const cachedFlags = (t: Tables) => t.inputs.log.files.map((f) => f.cached);

/** The one entry folder of each file, by the file's SHA-256. */
function entryDirs(cache: string): Map<string, string> {
  const out = new Map<string, string>();
  const engine = join(cache, engineVersion());
  for (const plan of readdirSync(engine).filter((n) => /^[0-9a-f]{16}$/.test(n))) {
    for (const sha of readdirSync(join(engine, plan))) out.set(sha, join(engine, plan, sha));
  }
  return out;
}

describe("the per-file cache", () => {
  it("a second run reads no file and gives the same tables, byte for byte", async () => {
    const dir = threeFiles();
    const cache = freshCache();
    const cold = await reportTables(dir, {cacheDir: cache});
    expect(cachedFlags(cold)).toEqual([false, false, false]);
    const warm = await reportTables(dir, {cacheDir: cache});
    expect(cachedFlags(warm)).toEqual([true, true, true]);
    expect(tablesText(warm)).toEqual(tablesText(cold));
  });

  it("a changed file invalidates its own entry only; a removed one drops out of the log", async () => {
    const dir = threeFiles();
    const cache = freshCache();
    await reportTables(dir, {cacheDir: cache});
    const middle = join(dir, "logs", "part-1.csv");
    const lines = readFileSync(middle, "utf8").trimEnd().split("\n");
    writeFileSync(middle, [...lines.slice(0, -1), ""].join("\n"));
    const changed = await reportTables(dir, {cacheDir: cache});
    expect(cachedFlags(changed)).toEqual([true, false, true]);
    expect(changed.performance.n).toBe(499);
    // The same tables as a cold run over the changed folder.
    expect(tablesText(changed)).toEqual(tablesText(await reportTables(dir, {cacheDir: freshCache()})));
    rmSync(join(dir, "logs", "part-2.csv"));
    const removed = await reportTables(dir, {cacheDir: cache});
    expect(removed.inputs.log.files.map((f) => f.name)).toEqual(["logs/part-0.csv", "logs/part-1.csv"]);
    expect(cachedFlags(removed)).toEqual([true, true]);
  });

  it("an unchanged file touched (new modification time, same bytes) is hashed again and still served from its entry", async () => {
    const dir = threeFiles();
    const cache = freshCache();
    await reportTables(dir, {cacheDir: cache});
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, "logs", "part-0.csv"), later, later);
    const again = await reportTables(dir, {cacheDir: cache});
    expect(cachedFlags(again)).toEqual([true, true, true]);
  });

  it("a damaged entry is never trusted: a bad checksum, a cut spill or a missing part file rebuilds it, with the same tables", async () => {
    const dir = threeFiles();
    const cache = freshCache();
    const cold = await reportTables(dir, {cacheDir: cache});
    const entries = [...entryDirs(cache).values()];
    expect(entries).toHaveLength(3);
    // One byte of an accumulation flipped; a feature spill cut in half; another feature spill gone.
    const acc = join(entries[0], "accumulation.bin");
    const bytes = readFileSync(acc);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(acc, bytes);
    const spill = join(entries[1], readdirSync(entries[1]).find((f) => f.startsWith("features-")) ?? "");
    writeFileSync(spill, readFileSync(spill).subarray(0, readFileSync(spill).length >> 1));
    rmSync(join(entries[2], readdirSync(entries[2]).find((f) => f.startsWith("features-")) ?? ""));
    const again = await reportTables(dir, {cacheDir: cache});
    expect(tablesText(again)).toEqual(tablesText(cold));
    // Every entry is whole again: the next run serves all three.
    expect(cachedFlags(await reportTables(dir, {cacheDir: cache}))).toEqual([true, true, true]);
  });

  it("a cache of another engine version is never read, and removed", async () => {
    const cache = freshCache();
    const other = join(cache, "0123456789abcdef");
    mkdirSync(join(other, "plan"), {recursive: true});
    writeFileSync(join(other, "files.json"), "{}");
    const t = await reportTables(seedData, {cacheDir: cache});
    expect(cachedFlags(t)).toEqual([false]);
    expect(existsSync(other)).toBe(false);
  });

  it("two runs sharing a cold cache at once (the CLI twice) both succeed with the same files, and leave whole entries", async () => {
    const dir = threeFiles();
    const cache = freshCache();
    const outs = [tempDir(), tempDir()].map((d) => join(d, "out"));
    const run = (out: string) =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, ["--import", "tsx", join(root, "loaders/cli/tables.ts"), "--data", dir, "--out", out], {cwd: root, env: {...process.env, REPORT_CACHE_DIR: cache}, stdio: "ignore"});
        p.on("exit", (code) => resolve(code ?? -1));
      });
    expect(await Promise.all(outs.map(run))).toEqual([0, 0]);
    for (const name of readdirSync(outs[0])) expect(readFileSync(join(outs[1], name)).equals(readFileSync(join(outs[0], name))), name).toBe(true);
    expect(cachedFlags(await reportTables(dir, {cacheDir: cache, scores: true}))).toEqual([true, true, true]);
    // No temporary folder is left behind.
    expect(readdirSync(join(cache, engineVersion(), "tmp"))).toEqual([]);
  }, 120_000);
});
