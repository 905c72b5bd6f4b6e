import {createHash, randomBytes} from "node:crypto";
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {deserialize, serialize} from "node:v8";
import {crc32} from "node:zlib";
import type {Accumulation, Rows} from "../accumulate/index.js";

/**
 * The per-file cache: each production file's contribution (its accumulation,
 * kept rows, feature columns and scores.csv rows) stored under the SHA-256 of
 * the file's bytes, so a rebuild reads only the files that changed.
 *
 *   <dir>/<engine>/<plan>/<sha256>[+scores]/   one entry: manifest.json, accumulation.bin, rows.bin, part files
 *                                    (with "+scores" when it holds the file's scores.csv rows too)
 *   <dir>/<engine>/files.json         what each path's size and mtime last hashed to (so an unchanged file is not hashed again)
 *
 * `engine` fingerprints the code that makes contributions (a cache from
 * another engine version is never read); `plan` fingerprints the choices made
 * from the model and statistics (the same file under another plan is another
 * entry). Entries are written into a temporary folder and renamed into place,
 * so two runs sharing the cache never see half an entry; an entry is never
 * replaced or removed while whole (a run may be reading it), and every file of an
 * entry is checked against the CRC-32 the manifest records before it is used:
 * a damaged entry is ignored (and replaced), never trusted.
 */
export interface EntryPart {
  rows: number;
  /** File names inside the entry (the spills check themselves, block by block; scores.csv rows are checked by their count when joined). */
  features: string;
  scores: string | null;
}

export interface EntryManifest {
  format: typeof format;
  engine: string;
  plan: string;
  sha256: string;
  size: number;
  rows: number;
  /** What the file's header held (for the checks across files and the data notes). */
  columns: {hasUnitsSold: boolean; hasLatency: boolean; extraColumns: string[]};
  parts: EntryPart[];
  accumulationCrc: number;
  rowsCrc: number;
}

export interface CachedContribution {
  manifest: EntryManifest;
  /** The entry's folder (its part files are read from there). */
  dir: string;
  accumulation: Accumulation;
  rows: Rows;
}

const format = "techmart-contribution-1";

export class ContributionCache {
  private readonly root: string;
  private readonly plansDir: string;
  private index: Record<string, {size: number; mtimeMs: number; ino: number; sha256: string}> | null = null;
  private indexChanged = false;

  constructor(
    dir: string,
    readonly engine: string,
    readonly plan: string,
  ) {
    this.root = join(dir, engine);
    this.plansDir = join(this.root, plan);
  }

  /** The SHA-256 recorded for a file whose size, modification time and inode are unchanged since it was hashed; null when unknown. */
  knownHash(path: string): string | null {
    const known = this.loadIndex()[path];
    if (!known) return null;
    const s = statSync(path);
    return s.size === known.size && s.mtimeMs === known.mtimeMs && s.ino === known.ino ? known.sha256 : null;
  }

  rememberHash(path: string, sha256: string, stat: {size: number; mtimeMs: number; ino: number}): void {
    this.loadIndex()[path] = {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, sha256};
    this.indexChanged = true;
  }

  /** Writes the hash index (aside and renamed: a concurrent run keeps its own or ours, never half of either). */
  saveIndex(): void {
    if (this.index === null || !this.indexChanged) return;
    mkdirSync(this.root, {recursive: true});
    const file = join(this.root, "files.json");
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temp, JSON.stringify(this.index));
    renameSync(temp, file);
  }

  /** Whether any entry exists under this engine and plan (else a file not seen before cannot be in the cache, and is not hashed before it is read). */
  hasEntries(): boolean {
    return existsSync(this.plansDir) && readdirSync(this.plansDir).length > 0;
  }

  /**
   * The entry of a file's contents (one with its scores.csv rows when `scores`,
   * else either), or null when there is none or it is damaged (a damaged one
   * is removed).
   */
  read(sha256: string, scores: boolean): CachedContribution | null {
    const names = scores ? [`${sha256}+scores`] : [`${sha256}+scores`, sha256];
    for (const name of names) {
      const entry = this.readEntry(name, sha256);
      if (entry !== null) return entry;
    }
    return null;
  }

  private readEntry(name: string, sha256: string): CachedContribution | null {
    const dir = join(this.plansDir, name);
    if (!existsSync(dir)) return null;
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as EntryManifest;
      if (manifest.format !== format || manifest.engine !== this.engine || manifest.plan !== this.plan || manifest.sha256 !== sha256) throw new Error("another entry's manifest");
      const accumulation = deserialize(checked(join(dir, "accumulation.bin"), manifest.accumulationCrc)) as Accumulation;
      const rows = deserialize(checked(join(dir, "rows.bin"), manifest.rowsCrc)) as Rows;
      if (rows.n !== manifest.rows || accumulation.rows !== manifest.rows) throw new Error("row counts disagree");
      for (const part of manifest.parts) for (const name of [part.features, part.scores]) if (name !== null && !existsSync(join(dir, name))) throw new Error("a part file is missing");
      return {manifest, dir, accumulation, rows};
    } catch {
      rmSync(dir, {recursive: true, force: true});
      return null;
    }
  }

  /** A new, empty folder to write an entry's files into, inside the cache (so the final rename stays on one file system). */
  newEntryDir(): string {
    const dir = join(this.root, "tmp", `${process.pid}-${randomBytes(6).toString("hex")}`);
    mkdirSync(dir, {recursive: true});
    return dir;
  }

  /**
   * Completes an entry written into `dir`: its accumulation and rows are
   * stored with their checksums, the manifest last, and the folder renamed
   * into place. If another run stored the same entry meanwhile, theirs stays
   * (the same bytes) and ours is dropped.
   */
  commit(dir: string, manifest: Omit<EntryManifest, "format" | "engine" | "plan" | "accumulationCrc" | "rowsCrc">, accumulation: Accumulation, rows: Rows): string {
    const accumulationBytes = serialize(accumulation);
    const rowsBytes = serialize(rows);
    writeFileSync(join(dir, "accumulation.bin"), accumulationBytes);
    writeFileSync(join(dir, "rows.bin"), rowsBytes);
    const full: EntryManifest = {format, engine: this.engine, plan: this.plan, ...manifest, accumulationCrc: crc32(accumulationBytes), rowsCrc: crc32(rowsBytes)};
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(full));
    const withScores = manifest.parts.every((p) => p.scores !== null);
    const target = join(this.plansDir, withScores ? `${manifest.sha256}+scores` : manifest.sha256);
    mkdirSync(this.plansDir, {recursive: true});
    try {
      renameSync(dir, target);
    } catch {
      // Another run stored it first: theirs stays, whole.
      rmSync(dir, {recursive: true, force: true});
    }
    return target;
  }

  /** Removes both entries of a file's contents (found damaged while in use). */
  discard(sha256: string): void {
    for (const name of [sha256, `${sha256}+scores`]) rmSync(join(this.plansDir, name), {recursive: true, force: true});
  }

  /** Removes the folders of other engine versions (never read again) and this run's leftovers. */
  prune(): void {
    const parent = join(this.root, "..");
    if (!existsSync(parent)) return;
    for (const name of readdirSync(parent)) if (name !== this.engine && /^[0-9a-f]{16}$/.test(name)) rmSync(join(parent, name), {recursive: true, force: true});
  }

  private loadIndex(): NonNullable<ContributionCache["index"]> {
    if (this.index === null) {
      try {
        this.index = JSON.parse(readFileSync(join(this.root, "files.json"), "utf8")) as NonNullable<ContributionCache["index"]>;
      } catch {
        this.index = {};
      }
    }
    return this.index;
  }
}

/** A file's bytes, when their CRC-32 is the one recorded; throws otherwise. */
function checked(path: string, crc: number): Buffer {
  const bytes = readFileSync(path);
  if (crc32(bytes) !== crc) throw new Error(`${path} does not match its checksum`);
  return bytes;
}

/** CRC-32 of a whole file, read block by block. */
export function fileCrc(path: string): number {
  const fd = openSync(path, "r");
  try {
    const block = Buffer.allocUnsafe(1 << 22);
    let crc = 0;
    for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; ) crc = crc32(block.subarray(0, n), crc);
    return crc;
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of a file, hex. */
export function fileSha256(path: string): string {
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    const block = Buffer.allocUnsafe(1 << 22);
    for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; ) hash.update(block.subarray(0, n));
    return hash.digest("hex");
  } finally {
    closeSync(fd);
  }
}

/** A short fingerprint of some text (an engine's sources, a plan). */
export function fingerprintOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(p);
  return hash.digest("hex").slice(0, 16);
}
