/**
 * XDR (big-endian, what saveRDS writes) and native little-endian binary input.
 *
 * Vectors are read by copying the bytes into a fresh aligned buffer and, when
 * the stream's byte order differs from the host's, swapping them in place
 * through 32-bit words: no per-element objects, no DataView calls per value.
 */
import {RdsError} from "./errors.js";
import type {Format, Input} from "./input.js";

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class BinaryInput implements Input {
  readonly format: Format;
  private pos: number;
  private readonly view: DataView;
  private readonly littleEndian: boolean;
  private readonly swap: boolean;

  constructor(private readonly bytes: Uint8Array, start: number, format: "xdr" | "binary") {
    this.format = format;
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // R writes "B" streams in the writer's byte order; every platform R runs on today is little-endian.
    this.littleEndian = format === "binary";
    this.swap = this.littleEndian !== littleEndianHost;
  }

  get offset(): number {
    return this.pos;
  }

  fail(reason: string): never {
    throw new RdsError(reason, this.pos);
  }

  private need(nbytes: number, what: string): void {
    if (nbytes > this.bytes.length - this.pos) {
      this.fail(`the file ends before ${what} (${nbytes} bytes needed, ${this.bytes.length - this.pos} left)`);
    }
  }

  int(): number {
    if (this.pos + 4 > this.bytes.length) this.fail("the file ends in the middle of an object");
    const v = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  ints(n: number): Int32Array {
    this.need(n * 4, `the end of a vector of ${n} integers`);
    const out = new Int32Array(n);
    this.copyInto(out, n * 4);
    if (this.swap) swap32(new Uint32Array(out.buffer));
    return out;
  }

  doubles(n: number): Float64Array {
    this.need(n * 8, `the end of a vector of ${n} doubles`);
    const out = new Float64Array(n);
    this.copyInto(out, n * 8);
    if (this.swap) swap64(new Uint32Array(out.buffer));
    return out;
  }

  raw(n: number): Uint8Array {
    this.need(n, `the end of a raw vector of ${n} bytes`);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(n: number): Uint8Array {
    this.need(n, `the end of a string of ${n} bytes`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  requireItems(count: number, ints: number): void {
    this.need(count * ints * 4, `the end of a list of ${count} elements`);
  }

  private copyInto(target: Int32Array | Float64Array, nbytes: number): void {
    new Uint8Array(target.buffer).set(this.bytes.subarray(this.pos, this.pos + nbytes));
    this.pos += nbytes;
  }
}

function swap32(words: Uint32Array): void {
  for (let i = 0; i < words.length; i++) {
    const x = words[i];
    words[i] = ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }
}

function swap64(words: Uint32Array): void {
  for (let i = 0; i < words.length; i += 2) {
    const a = words[i];
    const b = words[i + 1];
    words[i] = ((b & 0xff) << 24) | ((b & 0xff00) << 8) | ((b >>> 8) & 0xff00) | (b >>> 24);
    words[i + 1] = ((a & 0xff) << 24) | ((a & 0xff00) << 8) | ((a >>> 8) & 0xff00) | (a >>> 24);
  }
}
