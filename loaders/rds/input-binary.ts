/**
 * XDR (big-endian, what saveRDS writes) and native little-endian binary input.
 *
 * Vectors in the host's byte order are one bulk copy. Otherwise each 32-bit
 * word is read with DataView and stored through an Int32Array view of the
 * result: integer moves only, so a double's exact bits (the NA_real_ payload)
 * survive, which storing a NaN *number* would not guarantee.
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
    if (this.swap) {
      const view = this.view;
      const le = this.littleEndian;
      for (let i = 0, at = this.pos; i < n; i++, at += 4) out[i] = view.getInt32(at, le);
      this.pos += n * 4;
    } else {
      this.copyInto(out, n * 4);
    }
    return out;
  }

  doubles(n: number): Float64Array {
    this.need(n * 8, `the end of a vector of ${n} doubles`);
    const out = new Float64Array(n);
    if (this.swap) {
      const words = new Int32Array(out.buffer);
      const view = this.view;
      const le = this.littleEndian;
      // Byte orders differ, so the host's first word is the stream's second one.
      for (let i = 0, at = this.pos; i < words.length; i += 2, at += 8) {
        words[i] = view.getInt32(at + 4, le);
        words[i + 1] = view.getInt32(at, le);
      }
      this.pos += n * 8;
    } else {
      this.copyInto(out, n * 8);
    }
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
