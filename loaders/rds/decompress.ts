/**
 * Compression detection and decompression of .rds files.
 *
 * saveRDS compresses with gzip by default and with bzip2 or xz on request; the
 * magic bytes tell which. The decoders are maintained libraries that run in
 * Node and in browsers without native code: fflate (gzip), @openpgp/seek-bzip
 * (bzip2) and xz-decompress (xz, WebAssembly). xz-decompress only offers an
 * asynchronous stream, which is why `decompress` is async; gzip and bzip2 also
 * have the synchronous `decompressSync`.
 *
 * Every decoder runs under an output cap so a small hostile file cannot make
 * us allocate gigabytes.
 */
import {Gunzip} from "fflate";
import seekBzip from "@openpgp/seek-bzip";
import xzDecompress from "xz-decompress";
import {RdsError} from "./errors.js";

export type Compression = "gzip" | "bzip2" | "xz" | "none";

/** Default cap on decompressed size: past 2 GiB a typed array is not portable across JS engines anyway. */
export const DEFAULT_MAX_BYTES = 2 ** 31 - 1;

export interface DecompressOptions {
  /** Refuse to produce more than this many bytes. */
  maxBytes?: number;
}

/** Which compression the file uses, by its magic bytes. */
export function detectCompression(bytes: Uint8Array): Compression {
  const b = bytes;
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return "gzip";
  if (b.length >= 3 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return "bzip2";
  if (
    b.length >= 6 &&
    b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0x00
  ) {
    return "xz";
  }
  return "none";
}

/** Decompress any supported file (uncompressed input is returned as is). */
export async function decompress(bytes: Uint8Array, options: DecompressOptions = {}): Promise<Uint8Array> {
  const kind = detectCompression(bytes);
  if (kind === "xz") return unxz(bytes, maxBytes(options));
  return decompressSync(bytes, options);
}

/** Synchronous decompression for gzip, bzip2 and uncompressed files; xz needs the async `decompress`. */
export function decompressSync(bytes: Uint8Array, options: DecompressOptions = {}): Uint8Array {
  const kind = detectCompression(bytes);
  switch (kind) {
    case "none":
      return bytes;
    case "gzip":
      return gunzip(bytes, maxBytes(options));
    case "bzip2":
      return bunzip2(bytes, maxBytes(options));
    case "xz":
      throw new RdsError("the file is xz-compressed, which only the asynchronous readRds can read", 0);
  }
}

function maxBytes(options: DecompressOptions): number {
  return options.maxBytes ?? DEFAULT_MAX_BYTES;
}

/** Collects output chunks and enforces the size cap as they arrive. */
class Sink {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes collected so far. */
  total = 0;

  constructor(private readonly limit: number, private readonly what: string) {}

  add(chunk: Uint8Array): void {
    this.total += chunk.length;
    if (this.total > this.limit) {
      throw new RdsError(`${this.what} data expands past the ${this.limit}-byte limit`, 0);
    }
    this.chunks.push(chunk);
  }

  result(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

// Deflate expands at most ~1032:1, so feeding 64 KiB at a time bounds each burst of output.
const GZIP_FEED = 64 * 1024;

function gunzip(bytes: Uint8Array, limit: number): Uint8Array {
  const sink = new Sink(limit, "gzip");
  // Where the last member's output starts: its trailer records that member's size only.
  let lastMemberStart = 0;
  const stream = new Gunzip((chunk) => sink.add(chunk));
  stream.onmember = () => {
    lastMemberStart = sink.total;
  };
  let at = 0;
  try {
    do {
      const end = Math.min(bytes.length, at + GZIP_FEED);
      stream.push(bytes.subarray(at, end), end === bytes.length);
      at = end;
    } while (at < bytes.length);
  } catch (e) {
    if (e instanceof RdsError) throw e;
    throw new RdsError("gzip data is corrupt or truncated", at);
  }
  const out = sink.result();
  // fflate does not check the trailer; its size field (mod 2^32) catches a cut-off file.
  if (bytes.length < 18 || trailerSize(bytes) !== (out.length - lastMemberStart) % 2 ** 32) {
    throw new RdsError("gzip data is truncated", bytes.length);
  }
  return out;
}

function trailerSize(bytes: Uint8Array): number {
  const n = bytes.length;
  return (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
}

function bunzip2(bytes: Uint8Array, limit: number): Uint8Array {
  // Reading past the end must fail: without this the decoder would treat the
  // missing bytes as zeros and could return a silently shortened stream.
  let pos = 0;
  const input = {
    readByte(): number {
      if (pos >= bytes.length) throw new RdsError("bzip2 data is truncated", bytes.length);
      return bytes[pos++];
    },
    read(buffer: Uint8Array, offset: number, length: number): number {
      for (let i = 0; i < length; i++) buffer[offset + i] = input.readByte();
      return length;
    },
  };
  const block = new Uint8Array(64 * 1024);
  let filled = 0;
  const sink = new Sink(limit, "bzip2");
  const output = {
    writeByte(byte: number): void {
      block[filled++] = byte;
      if (filled === block.length) {
        sink.add(block.slice());
        filled = 0;
      }
    },
  };
  try {
    seekBzip.decode(input, output, true);
  } catch (e) {
    if (e instanceof RdsError) throw e;
    throw new RdsError("bzip2 data is corrupt", pos);
  }
  if (filled > 0) sink.add(block.slice(0, filled));
  return sink.result();
}

// An xz stream that stops making progress (e.g. truncated input) must end in an error, not spin.
const XZ_MAX_IDLE_CHUNKS = 64;

async function unxz(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = new xzDecompress.XzReadableStream(source).getReader();
  const sink = new Sink(limit, "xz");
  let idle = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      if (value.length === 0) {
        if (++idle > XZ_MAX_IDLE_CHUNKS) throw new RdsError("xz data is truncated", bytes.length);
        continue;
      }
      idle = 0;
      sink.add(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    if (e instanceof RdsError) throw e;
    throw new RdsError("xz data is corrupt or truncated", 0);
  }
  return sink.result();
}
