// Builds XDR serialization streams by hand, for inputs R would never write.
export class XdrBuilder {
  private readonly parts: number[] = [];

  constructor(version: 2 | 3 = 3) {
    this.raw(0x58, 0x0a).int(version).int(0x040202).int(0x030500);
    if (version === 3) this.int(5).raw(..."UTF-8".split("").map((c) => c.charCodeAt(0)));
  }

  raw(...bytes: number[]): this {
    this.parts.push(...bytes);
    return this;
  }

  int(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v, false);
    return this.raw(...b);
  }

  double(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    return this.raw(...b);
  }

  /** A flags word: type plus optional object/attribute/tag bits and levels. */
  flags(type: number, opts: {attr?: boolean; tag?: boolean; levels?: number} = {}): this {
    return this.int(type | (opts.attr ? 1 << 9 : 0) | (opts.tag ? 1 << 10 : 0) | ((opts.levels ?? 0) << 12));
  }

  /** A CHARSXP (UTF-8 flagged). */
  char(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.flags(9, {levels: 8}).int(b.length).raw(...b);
  }

  symbol(name: string): this {
    return this.flags(1).char(name);
  }

  nil(): this {
    return this.int(254);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}
