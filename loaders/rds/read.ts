/**
 * The SEXP parser: turns a decompressed R serialization stream (what
 * serialize() writes, and what saveRDS writes before compressing) into
 * RValues. Follows ReadItem in R's src/main/serialize.c.
 *
 * Safety rules, because the bytes may be anything:
 * - every length is checked against the bytes left before anything is allocated;
 * - nesting is capped (maxDepth) well below the JS stack limit, and pairlist
 *   tails are read in a loop, so long pairlists cost no depth;
 * - reference indices are checked against the reference table.
 */
import {expandAltrep} from "./altrep.js";
import {RdsError} from "./errors.js";
import type {Input} from "./input.js";
import {AsciiInput} from "./input-ascii.js";
import {BinaryInput} from "./input-binary.js";
import * as T from "./sexptype.js";
import {emptyAttributes, rNull, type Attributes, type EnvironmentKind, type REnvironment, type RPairlist, type RValue} from "./value.js";

export interface ParseOptions {
  /** Deepest nesting of objects accepted; deeper input is an error, not a stack overflow. */
  maxDepth?: number;
  /** Most elements an ALTREP compact sequence may expand to. */
  maxAltrepLength?: number;
}

/** Nesting cap: far deeper than real objects, far shallower than the JS stack. */
export const DEFAULT_MAX_DEPTH = 1000;
/**
 * 2^24 elements (128 MiB as doubles): a compact sequence is a few bytes in the
 * file, so without a cap a tiny file could ask for gigabytes. Raise it through
 * the option for files known to hold longer ones.
 */
export const DEFAULT_MAX_ALTREP_LENGTH = 2 ** 24;

export interface StreamHeader {
  format: Input["format"];
  version: 2 | 3;
  /** R version that wrote the stream, e.g. "4.2.2". */
  writerVersion: string;
  minReaderVersion: string;
  /** Native encoding of the writer (version 3 only). */
  nativeEncoding: string | null;
}

/** Parse an uncompressed serialization stream. */
export function parseRds(bytes: Uint8Array, options: ParseOptions = {}): RValue {
  return parseRdsWithHeader(bytes, options).value;
}

export function parseRdsWithHeader(bytes: Uint8Array, options: ParseOptions = {}): {header: StreamHeader; value: RValue} {
  const {input, header} = openStream(bytes);
  const reader = new Reader(input, header, options);
  return {header, value: reader.item(0)};
}

function openStream(bytes: Uint8Array): {input: Input; header: StreamHeader} {
  let start = 0;
  // save() files (.RData) put "RDX2\n"/"RDX3\n" (or RDA/RDB) before the same stream.
  if (bytes.length >= 5 && bytes[0] === 0x52 && bytes[1] === 0x44 && bytes[4] === 0x0a) start = 5;
  if (bytes.length < start + 2) throw new RdsError("the file is too short to be an R serialization", 0);
  const f = bytes[start];
  const nl = bytes[start + 1];
  let input: Input;
  if (f === 0x58 /* X */ && nl === 0x0a) input = new BinaryInput(bytes, start + 2, "xdr");
  else if (f === 0x42 /* B */ && nl === 0x0a) input = new BinaryInput(bytes, start + 2, "binary");
  else if (f === 0x41 /* A */ && nl === 0x0a) input = new AsciiInput(bytes, start + 2);
  else throw new RdsError("not an R serialization (no X, B or A format mark; is it really an .rds file?)", start);

  const version = input.int();
  const writer = input.int();
  const minReader = input.int();
  if (version !== 2 && version !== 3) {
    return input.fail(`unsupported serialization version ${version} (only 2 and 3 exist)`);
  }
  let nativeEncoding: string | null = null;
  if (version === 3) {
    const n = input.int();
    // R_CODESET_MAX
    if (n < 0 || n > 63) input.fail("invalid length of the native encoding name");
    nativeEncoding = latin1(input.string(n));
  }
  return {
    input,
    header: {
      format: input.format,
      version,
      writerVersion: decodeVersion(writer),
      minReaderVersion: decodeVersion(minReader),
      nativeEncoding,
    },
  };
}

function decodeVersion(packed: number): string {
  if (packed < 0) return "unreleased";
  return `${Math.floor(packed / 65536)}.${Math.floor((packed % 65536) / 256)}.${packed % 256}`;
}

const utf8 = new TextDecoder("utf-8", {fatal: true});

/** Bytes as code points 0-255: ISO-8859-1, and plain ASCII. */
function latin1(bytes: Uint8Array): string {
  // Chunks keep the argument count of apply() small.
  if (bytes.length <= 8192) return codePoints(bytes);
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += codePoints(bytes.subarray(i, i + 8192));
  return s;
}

function codePoints(bytes: Uint8Array): string {
  // apply() takes the typed array directly; spreading it is several times slower.
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/**
 * How unflagged non-ASCII strings become text, as R 4.2 does it in a UTF-8
 * session. A writer whose native encoding was UTF-8 (or unknown: version 2)
 * left the bytes as they are, so they must be valid UTF-8. Any other native
 * encoding in a version-3 header is converted to UTF-8 (R uses iconv; here
 * CP1252 and latin1 are done by hand, the rest by TextDecoder with the WHATWG
 * labels). R converts "ISO-8859-1" spelled exactly so as CP1252, other latin1
 * names ("latin1", "ISO8859-1") as true ISO-8859-1. The decoder returns null
 * when the bytes are not valid in that encoding, or the encoding is unknown:
 * R then keeps the bytes (with a warning) and prints them with \xNN escapes.
 */
type NativeDecoder = (bytes: Uint8Array) => string | null;

/** iconv names R writes that the WHATWG encoding labels do not cover. */
const ENCODING_ALIASES: Record<string, string> = {
  cp932: "shift_jis",
  ms932: "shift_jis",
  cp936: "gbk",
  cp949: "euc-kr",
  cp950: "big5",
  eucjp: "euc-jp",
  euckr: "euc-kr",
};

function nativeDecoder(encoding: string | null): NativeDecoder {
  if (encoding === "ISO-8859-1") return (bytes) => cp1252(bytes, null);
  const label = (encoding ?? "").trim().toLowerCase();
  const bare = label.replace(/[-_]/g, "");
  if (bare === "" || bare === "utf8") return strictUtf8;
  if (bare === "ansix3.41968" || bare === "ascii" || bare === "usascii" || bare === "646" || bare === "c" || bare === "posix") {
    return () => null;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(ENCODING_ALIASES[bare] ?? label, {fatal: true});
  } catch {
    return () => null;
  }
  if (decoder.encoding === "utf-8") return strictUtf8;
  // WHATWG gives every latin1 label windows-1252, and Node's windows-1252 decoder is really latin1.
  if (decoder.encoding === "windows-1252") return bare.includes("1252") ? (bytes) => cp1252(bytes, null) : latin1;
  return (bytes) => {
    try {
      return decoder.decode(bytes);
    } catch {
      return null;
    }
  };
}

/** Windows-1252's characters for bytes 0x80-0x9f (0 where it has none). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Bytes as Windows-1252. The five bytes it leaves undefined become
 * `undefinedAs(byte)`, or make the whole string null (not valid) without it.
 */
function cp1252(bytes: Uint8Array, undefinedAs: ((byte: number) => string) | null): string | null {
  let s = "";
  for (const b of bytes) {
    if (b < 0x80 || b > 0x9f) s += String.fromCharCode(b);
    else if (CP1252_HIGH[b - 0x80] !== 0) s += String.fromCharCode(CP1252_HIGH[b - 0x80]);
    else if (undefinedAs === null) return null;
    else s += undefinedAs(b);
  }
  return s;
}

/**
 * A latin1-flagged string as R translates it to UTF-8 (enc2utf8, print): R
 * reads "latin1" as Windows-1252 and spells the bytes that has no character
 * for as "<81>".
 */
function latin1Flagged(bytes: Uint8Array): string {
  return cp1252(bytes, (b) => `<${b.toString(16).padStart(2, "0")}>`) as string;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

class Reader {
  private readonly refs: RValue[] = [];
  private readonly maxDepth: number;
  private readonly maxAltrepLength: number;
  private readonly native: NativeDecoder;
  /** The bytes of the last string charContent could not decode (null when it could). */
  private undecoded: Uint8Array | null = null;

  constructor(private readonly input: Input, header: StreamHeader, options: ParseOptions) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxAltrepLength = options.maxAltrepLength ?? DEFAULT_MAX_ALTREP_LENGTH;
    this.native = nativeDecoder(header.nativeEncoding);
  }

  private fail(reason: string): never {
    return this.input.fail(reason);
  }

  item(depth: number): RValue {
    return this.dispatch(this.input.int(), depth);
  }

  private dispatch(flags: number, depth: number): RValue {
    if (depth > this.maxDepth) this.fail(`objects are nested more than ${this.maxDepth} levels deep`);
    const type = flags & 0xff;
    const hasAttr = (flags & T.HAS_ATTR_BIT) !== 0;
    const levels = flags >>> 12;
    switch (type) {
      case T.NILVALUE_SXP:
        return rNull();
      case T.EMPTYENV_SXP:
        return specialEnv("empty");
      case T.BASEENV_SXP:
        return specialEnv("base");
      case T.GLOBALENV_SXP:
        return specialEnv("global");
      case T.BASENAMESPACE_SXP:
        return specialEnv("base-namespace");
      case T.UNBOUNDVALUE_SXP:
        return {type: "symbol", name: "", special: "unbound", attributes: emptyAttributes()};
      case T.MISSINGARG_SXP:
        return {type: "symbol", name: "", special: "missing", attributes: emptyAttributes()};
      case T.REFSXP:
        return this.reference(flags);
      case T.PERSISTSXP: {
        const v: RValue = {type: "persistent", spec: this.stringVec(depth), attributes: emptyAttributes()};
        this.refs.push(v);
        return v;
      }
      case T.NAMESPACESXP:
      case T.PACKAGESXP: {
        const env = specialEnv(type === T.NAMESPACESXP ? "namespace" : "package");
        env.spec = this.stringVec(depth);
        this.refs.push(env);
        return env;
      }
      case T.ALTREP_SXP: {
        const info = this.item(depth + 1);
        const state = this.item(depth + 1);
        const attributes = this.attributesFrom(this.item(depth + 1));
        return expandAltrep(info, state, attributes, {
          maxLength: this.maxAltrepLength,
          fail: (reason) => this.fail(reason),
        });
      }
      case T.SYMSXP: {
        const name = this.item(depth + 1);
        if (name.type !== "char") this.fail("a symbol's name is not a string");
        const v: RValue = {type: "symbol", name: name.value ?? "NA", attributes: emptyAttributes()};
        this.refs.push(v);
        return v;
      }
      case T.ENVSXP:
        return this.environment(depth);
      case T.LISTSXP:
      case T.LANGSXP:
      case T.DOTSXP:
        return this.pairlist(flags, depth);
      case T.CLOSXP:
      case T.PROMSXP:
        return this.closureOrPromise(flags, depth);
      case T.CHARSXP: {
        const value = this.charContent(levels);
        if (hasAttr) this.skipKeepingUndecoded(depth + 1); // R reads and drops these.
        return {type: "char", value, attributes: emptyAttributes()};
      }
      case T.ATTRLANGSXP:
      case T.ATTRLISTSXP:
      case T.BCREPDEF:
      case T.BCREPREF:
        return this.fail("bytecode structure found outside compiled code");
      case T.CLASSREFSXP:
        return this.fail("the file holds a class reference, which R itself cannot read");
      case T.GENERICREFSXP:
        return this.fail("the file holds a generic function reference, which R itself cannot read");
      default:
        return this.withAttributes(this.vectorLike(type, depth), hasAttr, depth);
    }
  }

  /** Objects whose attributes follow their contents in the stream. */
  private vectorLike(type: number, depth: number): RValue {
    const input = this.input;
    const attributes = emptyAttributes();
    switch (type) {
      case T.LGLSXP:
        return {type: "logical", values: input.ints(this.length()), attributes};
      case T.INTSXP:
        return {type: "integer", values: input.ints(this.length()), attributes};
      case T.REALSXP:
        return {type: "double", values: input.doubles(this.length()), attributes};
      case T.CPLXSXP:
        return {type: "complex", values: input.doubles(2 * this.length()), attributes};
      case T.RAWSXP:
        return {type: "raw", values: input.raw(this.length()), attributes};
      case T.STRSXP: {
        const n = this.length();
        // Each element is at least a flags word and a length word.
        input.requireItems(n, 2);
        const values: (string | null)[] = new Array(n);
        let undecoded: Map<number, Uint8Array> | undefined;
        for (let i = 0; i < n; i++) {
          values[i] = this.stringElement(depth);
          if (this.undecoded !== null) (undecoded ??= new Map()).set(i, this.undecoded);
        }
        return undecoded ? {type: "character", values, undecoded, attributes} : {type: "character", values, attributes};
      }
      case T.VECSXP:
      case T.EXPRSXP: {
        const n = this.length();
        input.requireItems(n, 1);
        const values: RValue[] = new Array(n);
        for (let i = 0; i < n; i++) values[i] = this.item(depth + 1);
        return {type: type === T.VECSXP ? "list" : "expression", values, attributes};
      }
      case T.S4SXP:
        return {type: "S4", attributes};
      case T.SPECIALSXP:
      case T.BUILTINSXP: {
        const n = input.int();
        if (n < 0) this.fail("a builtin function has a negative name length");
        return {type: type === T.SPECIALSXP ? "special" : "builtin", name: latin1(input.string(n)), attributes};
      }
      case T.EXTPTRSXP: {
        const v: RValue = {type: "externalptr", protected: rNull(), tag: rNull(), attributes};
        this.refs.push(v);
        v.protected = this.item(depth + 1);
        v.tag = this.item(depth + 1);
        return v;
      }
      case T.WEAKREFSXP: {
        const v: RValue = {type: "weakref", attributes};
        this.refs.push(v);
        return v;
      }
      case T.BCODESXP:
        return this.bytecode(depth);
      default:
        return this.fail(`unknown object type ${type} (damaged file, or written by a newer R)`);
    }
  }

  private withAttributes(v: RValue, hasAttr: boolean, depth: number): RValue {
    if (hasAttr) {
      for (const [k, a] of this.attributesFrom(this.item(depth + 1))) v.attributes.set(k, a);
    }
    return v;
  }

  /** R's ReadLENGTH: an int, or -1 followed by the upper and lower words of a long length. */
  private length(): number {
    const n = this.input.int();
    if (n >= 0) return n;
    if (n !== -1) this.fail("negative vector length");
    const upper = this.input.int() >>> 0;
    const lower = this.input.int() >>> 0;
    if (upper > 65536) this.fail("invalid upper part of a long vector length");
    return upper * 2 ** 32 + lower;
  }

  private reference(flags: number): RValue {
    let index = flags >> 8;
    if (index === 0) index = this.input.int();
    if (index < 1 || index > this.refs.length) {
      this.fail(`reference to object #${index}, but only ${this.refs.length} have been read`);
    }
    return this.refs[index - 1];
  }

  /** InStringVec: a 0, a length, then that many CHARSXPs (used for package/namespace/persistent names). */
  private stringVec(depth: number): (string | null)[] {
    if (this.input.int() !== 0) this.fail("names in persistent strings are not supported");
    const n = this.input.int();
    if (n < 0) this.fail("negative string vector length");
    this.input.requireItems(n, 2);
    const out: (string | null)[] = [];
    for (let i = 0; i < n; i++) out.push(this.stringElement(depth));
    return out;
  }

  private stringElement(depth: number): string | null {
    const flags = this.input.int();
    if ((flags & 0xff) === T.CHARSXP) {
      const value = this.charContent(flags >>> 12);
      if ((flags & T.HAS_ATTR_BIT) !== 0) this.skipKeepingUndecoded(depth + 1);
      return value;
    }
    this.undecoded = null;
    const v = this.dispatch(flags, depth + 1);
    if (v.type !== "char") this.fail("an element of a character vector is not a string");
    return v.value;
  }

  /** Read and drop an item (a CHARSXP's attributes) without losing what charContent noted. */
  private skipKeepingUndecoded(depth: number): void {
    const undecoded = this.undecoded;
    this.item(depth);
    this.undecoded = undecoded;
  }

  /**
   * A CHARSXP body: length (-1 for NA_character_) and bytes, decoded by its
   * encoding flag. Bytes that are not valid text in their encoding (R keeps
   * them as they are) come back read as latin1, and `undecoded` holds them.
   */
  private charContent(levels: number): string | null {
    this.undecoded = null;
    const n = this.input.int();
    if (n === -1) return null;
    if (n < 0) this.fail("negative string length");
    const bytes = this.input.string(n);
    if (isAscii(bytes)) return latin1(bytes);
    if ((levels & T.LATIN1_MASK) !== 0) return latin1Flagged(bytes);
    // Strings marked "bytes" have no encoding: each byte becomes the code point of the same value.
    if ((levels & T.BYTES_MASK) !== 0) return latin1(bytes);
    const text = (levels & T.UTF8_MASK) !== 0 ? strictUtf8(bytes) : this.native(bytes);
    if (text !== null) return text;
    this.undecoded = bytes;
    return latin1(bytes);
  }

  private attributesFrom(v: RValue): Attributes {
    const out = emptyAttributes();
    if (v.type === "NULL") return out;
    if (v.type !== "pairlist") this.fail("attributes are not stored as a pairlist");
    v.values.forEach((value, i) => {
      const tag = v.tags[i];
      if (tag === null) this.fail("an attribute has no name");
      out.set(tag, value);
    });
    return out;
  }

  private tagName(v: RValue): string | null {
    switch (v.type) {
      case "symbol":
        return v.name;
      case "NULL":
        return null;
      case "char":
        return v.value;
      default:
        return this.fail("a pairlist tag is not a symbol");
    }
  }

  /**
   * LISTSXP, LANGSXP and DOTSXP chains: each cell is (attributes?, tag?, CAR)
   * and its CDR is the next cell, so cells are read in a loop. A CDR that is
   * not a cell ends the chain as a dotted tail.
   */
  private pairlist(firstFlags: number, depth: number): RValue {
    const startType = firstFlags & 0xff;
    const values: RValue[] = [];
    const tags: (string | null)[] = [];
    let attributes: Attributes = emptyAttributes();
    let tail: RValue | undefined;
    let flags = firstFlags;
    for (let cell = 0; ; cell++) {
      const attr = (flags & T.HAS_ATTR_BIT) !== 0 ? this.attributesFrom(this.item(depth + 1)) : null;
      // Only the first cell's attributes are the object's; R keeps the others on inner cells nobody sees.
      if (cell === 0 && attr !== null) attributes = attr;
      tags.push((flags & T.HAS_TAG_BIT) !== 0 ? this.tagName(this.item(depth + 1)) : null);
      values.push(this.item(depth + 1));
      const next = this.input.int();
      const nextType = next & 0xff;
      if (nextType === T.NILVALUE_SXP) break;
      if (nextType === T.LISTSXP || nextType === T.LANGSXP || nextType === T.DOTSXP) {
        flags = next;
        continue;
      }
      tail = this.dispatch(next, depth + 1);
      if (tail.type === "NULL") tail = undefined;
      break;
    }
    const type = startType === T.LANGSXP ? "language" : startType === T.DOTSXP ? "..." : "pairlist";
    if (type === "language") return {type, values, tags, attributes, ...(tail ? {tail} : {})};
    const v: RPairlist = {type, values, tags, attributes};
    if (tail) v.tail = tail;
    return v;
  }

  /** CLOSXP (env, formals, body) and PROMSXP (env, value, code) share the cell layout. */
  private closureOrPromise(flags: number, depth: number): RValue {
    const attributes = (flags & T.HAS_ATTR_BIT) !== 0 ? this.attributesFrom(this.item(depth + 1)) : emptyAttributes();
    const env = (flags & T.HAS_TAG_BIT) !== 0 ? this.item(depth + 1) : specialEnv("base");
    const car = this.item(depth + 1);
    const cdr = this.item(depth + 1);
    if ((flags & 0xff) === T.CLOSXP) return {type: "closure", formals: car, body: cdr, environment: env, attributes};
    return {type: "promise", value: car, code: cdr, environment: env, attributes};
  }

  private environment(depth: number): RValue {
    const locked = this.input.int() !== 0;
    const env: REnvironment = {
      type: "environment",
      kind: "user",
      spec: [],
      locked,
      enclosure: null,
      bindings: new Map(),
      attributes: emptyAttributes(),
    };
    // Registered before its contents: they may refer back to it.
    this.refs.push(env);
    const enclosure = this.item(depth + 1);
    env.enclosure = enclosure.type === "NULL" ? specialEnv("base") : enclosure;
    this.bind(env, this.item(depth + 1));
    const hashtab = this.item(depth + 1);
    if (hashtab.type === "list") for (const bucket of hashtab.values) this.bind(env, bucket);
    env.attributes = this.attributesFrom(this.item(depth + 1));
    return env;
  }

  private bind(env: REnvironment, frame: RValue): void {
    if (frame.type !== "pairlist") return;
    frame.values.forEach((value, i) => {
      const tag = frame.tags[i];
      if (tag !== null) env.bindings.set(tag, value);
    });
  }

  /**
   * Compiled code (BCODESXP, ReadBC in serialize.c). It is read in full, so
   * the stream stays aligned, and returned as an opaque value.
   */
  private bytecode(depth: number): RValue {
    const repCount = this.input.int();
    if (repCount < 0) this.fail("negative bytecode reference count");
    // Shared cells are only checked for existence: nothing here looks inside compiled code.
    const reps = new Set<number>();
    this.bytecodeBody(reps, repCount, depth);
    return {type: "bytecode", attributes: emptyAttributes()};
  }

  private bytecodeBody(reps: Set<number>, repCount: number, depth: number): void {
    if (depth > this.maxDepth) this.fail(`objects are nested more than ${this.maxDepth} levels deep`);
    this.item(depth + 1); // the instructions
    const n = this.input.int();
    if (n < 0) this.fail("negative bytecode constant count");
    this.input.requireItems(n, 1);
    for (let i = 0; i < n; i++) {
      const type = this.input.int();
      switch (type) {
        case T.BCODESXP:
          this.bytecodeBody(reps, repCount, depth + 1);
          break;
        case T.LANGSXP:
        case T.LISTSXP:
        case T.BCREPDEF:
        case T.BCREPREF:
        case T.ATTRLANGSXP:
        case T.ATTRLISTSXP:
          this.bytecodeLang(type, reps, repCount, depth + 1);
          break;
        default:
          this.item(depth + 1);
      }
    }
  }

  /** ReadBCLang; the CDR chain is followed in a loop so long argument lists cost no depth. */
  private bytecodeLang(type: number, reps: Set<number>, repCount: number, depth: number): void {
    if (depth > this.maxDepth) this.fail(`objects are nested more than ${this.maxDepth} levels deep`);
    for (;;) {
      switch (type) {
        case T.BCREPREF:
          if (!reps.has(this.input.int())) this.fail("bytecode refers to a shared cell that was not defined");
          return;
        case T.BCREPDEF:
        case T.LANGSXP:
        case T.LISTSXP:
        case T.ATTRLANGSXP:
        case T.ATTRLISTSXP:
          if (type === T.BCREPDEF) {
            const pos = this.input.int();
            type = this.input.int();
            if (pos < 0 || pos >= repCount) this.fail("bytecode shared cell index out of range");
            reps.add(pos);
          }
          if (type === T.ATTRLANGSXP || type === T.ATTRLISTSXP) this.item(depth + 1);
          this.item(depth + 1); // tag
          this.bytecodeLang(this.input.int(), reps, repCount, depth + 1); // CAR
          type = this.input.int(); // CDR, read by the next turn of the loop
          break;
        default:
          this.item(depth + 1);
          return;
      }
    }
  }
}

function specialEnv(kind: EnvironmentKind): REnvironment {
  return {
    type: "environment",
    kind,
    spec: [],
    locked: kind !== "global" && kind !== "user",
    enclosure: null,
    bindings: new Map(),
    attributes: emptyAttributes(),
  };
}
