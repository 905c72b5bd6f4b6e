/**
 * R's ASCII serialization (saveRDS(ascii = TRUE)): whitespace-separated words,
 * "NA"/"NaN"/"Inf"/"-Inf" for special doubles, strings with C-style escapes
 * and raw bytes as two hex digits. Mirrors InWord/InInteger/InReal/InString
 * in R's serialize.c.
 */
import {RdsError} from "./errors.js";
import type {Format, Input} from "./input.js";
import {NA_INTEGER, setNAReal} from "./value.js";

// R reads a word into a 128-byte buffer and rejects longer ones.
const MAX_WORD = 127;
// The shortest element an ASCII stream can hold is one character plus a separator.
const MIN_ELEMENT_BYTES = 2;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

export class AsciiInput implements Input {
  readonly format: Format = "ascii";
  private pos: number;

  constructor(private readonly bytes: Uint8Array, start: number) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  fail(reason: string): never {
    throw new RdsError(reason, this.pos);
  }

  private need(nbytes: number, what: string): void {
    if (nbytes > this.bytes.length - this.pos) {
      this.fail(`the file ends before ${what} (at least ${nbytes} bytes needed, ${this.bytes.length - this.pos} left)`);
    }
  }

  private word(): string {
    const b = this.bytes;
    while (this.pos < b.length && isSpace(b[this.pos])) this.pos++;
    if (this.pos >= b.length) this.fail("the file ends in the middle of an object");
    const start = this.pos;
    while (this.pos < b.length && !isSpace(b[this.pos])) {
      if (this.pos - start >= MAX_WORD) this.fail("a word in the ASCII stream is too long");
      this.pos++;
    }
    let s = "";
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(b[i]);
    return s;
  }

  int(): number {
    const w = this.word();
    if (w === "NA") return NA_INTEGER;
    const m = /^[+-]?\d+/.exec(w);
    if (m === null) this.fail(`expected an integer, found "${w}"`);
    const v = Number(m[0]);
    if (v > 2147483647 || v < -2147483648) this.fail(`integer "${w}" is out of range`);
    return v;
  }

  private double(target: Float64Array, i: number): void {
    const w = this.word();
    switch (w) {
      case "NA":
        setNAReal(target, i);
        return;
      case "NaN":
        target[i] = NaN;
        return;
      case "Inf":
        target[i] = Infinity;
        return;
      case "-Inf":
        target[i] = -Infinity;
        return;
    }
    const m = DECIMAL.exec(w);
    if (m !== null) {
      target[i] = Number(m[0]);
      return;
    }
    // sscanf("%lg") also takes C's spellings of infinities and NaN.
    const lower = w.toLowerCase();
    const sign = lower.startsWith("-") ? -1 : 1;
    const body = lower.replace(/^[+-]/, "");
    if (body.startsWith("inf")) target[i] = sign * Infinity;
    else if (body.startsWith("nan")) target[i] = NaN;
    else this.fail(`expected a number, found "${w}"`);
  }

  ints(n: number): Int32Array {
    this.need(n * MIN_ELEMENT_BYTES, `the end of a vector of ${n} integers`);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int();
    return out;
  }

  doubles(n: number): Float64Array {
    this.need(n * MIN_ELEMENT_BYTES, `the end of a vector of ${n} doubles`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) this.double(out, i);
    return out;
  }

  raw(n: number): Uint8Array {
    this.need(n * MIN_ELEMENT_BYTES, `the end of a raw vector of ${n} bytes`);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const w = this.word();
      const m = /^[0-9a-fA-F]{1,2}/.exec(w);
      if (m === null) this.fail(`expected a hex byte, found "${w}"`);
      out[i] = parseInt(m[0], 16);
    }
    return out;
  }

  string(n: number): Uint8Array {
    const b = this.bytes;
    if (n === 0) return new Uint8Array(0);
    while (this.pos < b.length && isSpace(b[this.pos])) this.pos++;
    this.need(n, `the end of a string of ${n} bytes`);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = this.next();
      if (c !== 0x5c /* backslash */) {
        out[i] = c;
        continue;
      }
      const e = this.next();
      switch (e) {
        case 0x6e: out[i] = 0x0a; break; // \n
        case 0x74: out[i] = 0x09; break; // \t
        case 0x76: out[i] = 0x0b; break; // \v
        case 0x62: out[i] = 0x08; break; // \b
        case 0x72: out[i] = 0x0d; break; // \r
        case 0x66: out[i] = 0x0c; break; // \f
        case 0x61: out[i] = 0x07; break; // \a
        default:
          if (e >= 0x30 && e <= 0x37) {
            // Up to three octal digits.
            let d = e - 0x30;
            for (let j = 1; j < 3 && this.pos < b.length && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; j++) {
              d = d * 8 + (b[this.pos++] - 0x30);
            }
            out[i] = d & 0xff;
          } else {
            // \\, \?, \', \" and any other escaped character stand for themselves.
            out[i] = e;
          }
      }
    }
    return out;
  }

  private next(): number {
    if (this.pos >= this.bytes.length) this.fail("the file ends in the middle of a string");
    return this.bytes[this.pos++];
  }

  requireItems(count: number, ints: number): void {
    this.need(count * ints * MIN_ELEMENT_BYTES, `the end of a list of ${count} elements`);
  }
}
