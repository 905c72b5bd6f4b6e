/**
 * Read R's .rds files: `readRds(bytes)` takes the file's bytes (any of R's
 * compressions) and returns a plain typed RValue. Works in Node and browsers;
 * nothing here imports from node:.
 *
 * readRds is async only because the one xz decoder that runs everywhere
 * without native code is a WebAssembly stream; `readRdsSync` reads gzip,
 * bzip2 and uncompressed files synchronously, `parseRds` reads an already
 * decompressed stream.
 */
import {decompress, decompressSync, type DecompressOptions} from "./decompress.js";
import {parseRds, type ParseOptions} from "./read.js";
import type {RValue} from "./value.js";

export type ReadOptions = DecompressOptions & ParseOptions;

/** Read an .rds file (gzip, bzip2, xz or uncompressed; XDR, native binary or ASCII; version 2 or 3). */
export async function readRds(bytes: Uint8Array, options: ReadOptions = {}): Promise<RValue> {
  return parseRds(await decompress(bytes, options), options);
}

/** Synchronous readRds for gzip, bzip2 and uncompressed files (xz files raise an RdsError). */
export function readRdsSync(bytes: Uint8Array, options: ReadOptions = {}): RValue {
  return parseRds(decompressSync(bytes, options), options);
}

export {parseRds, parseRdsWithHeader, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ALTREP_LENGTH} from "./read.js";
export type {ParseOptions, StreamHeader} from "./read.js";
export {decompress, decompressSync, detectCompression, DEFAULT_MAX_BYTES} from "./decompress.js";
export type {Compression, DecompressOptions} from "./decompress.js";
export {RdsError, RValueError} from "./errors.js";
export {describe, describeToJson} from "./describe.js";
export type {JsonValue} from "./describe.js";
export * from "./value.js";
