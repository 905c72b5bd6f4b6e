/**
 * The plain, typed representation of R values that the reader produces, and
 * small helpers to get at what a caller usually needs (names, attributes,
 * data.frame columns, factor levels, numbers and strings).
 *
 * Representation, in short:
 * - `type` is R's `typeof()` (plus "char" for a bare CHARSXP and "persistent"
 *   for an object saved through a reference hook).
 * - Every value carries `attributes`, an insertion-ordered Map.
 * - logical and integer vectors are Int32Array with NA = INT32_MIN (as in R);
 *   logical TRUE/FALSE are 1/0.
 * - double vectors are Float64Array holding R's exact bits, so NA_real_ and
 *   NaN stay distinct: use `isNAReal(values, i)`, which looks at the NaN
 *   payload (low word 1954) like R's R_IsNA.
 * - complex vectors are Float64Array of interleaved (re, im) pairs.
 * - character vectors are `(string | null)[]`, null = NA_character_; strings
 *   whose bytes are not valid text in their encoding are also in `undecoded`.
 * - raw vectors are Uint8Array.
 * - Pairlists and calls are flattened into `values` plus `tags`.
 */
import {RValueError} from "./errors.js";

export type Attributes = Map<string, RValue>;

interface Base {
  attributes: Attributes;
}

export interface RNull extends Base {
  type: "NULL";
}
export interface RLogical extends Base {
  type: "logical";
  values: Int32Array;
}
export interface RInteger extends Base {
  type: "integer";
  values: Int32Array;
}
export interface RDouble extends Base {
  type: "double";
  values: Float64Array;
}
export interface RComplex extends Base {
  type: "complex";
  /** Interleaved real and imaginary parts: element i is (values[2i], values[2i+1]). */
  values: Float64Array;
}
export interface RCharacter extends Base {
  type: "character";
  values: (string | null)[];
  /**
   * Elements whose bytes are not valid text in their encoding: unflagged
   * strings that are not UTF-8 from a UTF-8 (or, version 2, unknown) writer,
   * strings the writer's native encoding does not decode, and UTF-8-flagged
   * strings that are not UTF-8. R keeps such strings as bytes and prints them
   * with \xNN escapes. Index -> the bytes; `values` holds them read as latin1
   * (one code point per byte). Absent when every string decoded.
   */
  undecoded?: Map<number, Uint8Array>;
}
export interface RRaw extends Base {
  type: "raw";
  values: Uint8Array;
}
export interface RList extends Base {
  type: "list";
  values: RValue[];
}
export interface RExpression extends Base {
  type: "expression";
  values: RValue[];
}
/** A CHARSXP met outside a character vector (R's typeof "char"); valid files rarely have one. */
export interface RChar extends Base {
  type: "char";
  value: string | null;
}
export interface RSymbol extends Base {
  type: "symbol";
  name: string;
  /** R's two special symbols: the empty "missing argument" and the "unbound value" marker. */
  special?: "missing" | "unbound";
}
export interface RPairlist extends Base {
  type: "pairlist" | "...";
  values: RValue[];
  tags: (string | null)[];
  /** The CDR of the last cell when it is not NULL (a "dotted" pairlist). */
  tail?: RValue;
}
export interface RLanguage extends Base {
  type: "language";
  /** values[0] is the function, the rest are the arguments. */
  values: RValue[];
  tags: (string | null)[];
  tail?: RValue;
}
export interface RClosure extends Base {
  type: "closure";
  formals: RValue;
  body: RValue;
  environment: RValue;
}
export interface RPromise extends Base {
  type: "promise";
  value: RValue;
  code: RValue;
  environment: RValue;
}
export type EnvironmentKind = "global" | "empty" | "base" | "base-namespace" | "namespace" | "package" | "user";
export interface REnvironment extends Base {
  type: "environment";
  kind: EnvironmentKind;
  /** For namespace and package environments: the strings R saved to find them again. */
  spec: (string | null)[];
  locked: boolean;
  /** The enclosing environment of a user environment (null for the special ones). */
  enclosure: RValue | null;
  bindings: Map<string, RValue>;
}
export interface RBuiltin extends Base {
  type: "builtin" | "special";
  name: string;
}
export interface RExternalPtr extends Base {
  type: "externalptr";
  protected: RValue;
  tag: RValue;
}
export interface RWeakRef extends Base {
  type: "weakref";
}
/** Compiled code (a byte-compiled closure's body); read past, kept opaque. */
export interface RBytecode extends Base {
  type: "bytecode";
}
export interface RS4 extends Base {
  type: "S4";
}
/** An object written through a reference hook (saveRDS(refhook=)); R itself needs that hook to restore it. */
export interface RPersistent extends Base {
  type: "persistent";
  spec: (string | null)[];
}

export type RValue =
  | RNull
  | RLogical
  | RInteger
  | RDouble
  | RComplex
  | RCharacter
  | RRaw
  | RList
  | RExpression
  | RChar
  | RSymbol
  | RPairlist
  | RLanguage
  | RClosure
  | RPromise
  | REnvironment
  | RBuiltin
  | RExternalPtr
  | RWeakRef
  | RBytecode
  | RS4
  | RPersistent;

export type RType = RValue["type"];
export type RVector = RLogical | RInteger | RDouble | RComplex | RCharacter | RRaw | RList | RExpression;

/** R's NA_integer_ (and NA for logicals). */
export const NA_INTEGER = -2147483648;
/** The low word of R's NA_real_ payload. */
export const NA_REAL_PAYLOAD = 1954;

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const naRealBits = new Float64Array(1);
{
  const words = new Uint32Array(naRealBits.buffer);
  words[littleEndianHost ? 1 : 0] = 0x7ff00000;
  words[littleEndianHost ? 0 : 1] = NA_REAL_PAYLOAD;
}

/** Write R's NA_real_ (exact bits) at index i. */
export function setNAReal(values: Float64Array, i: number): void {
  // Copy through a byte view: assigning a NaN number may not keep its payload.
  new Uint8Array(values.buffer, values.byteOffset + i * 8, 8).set(new Uint8Array(naRealBits.buffer));
}

/** True when values[i] is NA_real_ (not NaN): R's test on the low word of the NaN. */
export function isNAReal(values: Float64Array, i: number): boolean {
  const x = values[i];
  if (x === x) return false;
  const view = new DataView(values.buffer, values.byteOffset + i * 8, 8);
  return view.getUint32(littleEndianHost ? 0 : 4, littleEndianHost) === NA_REAL_PAYLOAD;
}

/** True when element i of an atomic vector is NA (for doubles: NA_real_ only, not NaN). */
export function isNA(v: RValue, i: number): boolean {
  switch (v.type) {
    case "logical":
    case "integer":
      return v.values[i] === NA_INTEGER;
    case "double":
      return isNAReal(v.values, i);
    case "complex":
      return isNAReal(v.values, 2 * i) || isNAReal(v.values, 2 * i + 1);
    case "character":
      return v.values[i] === null;
    default:
      return false;
  }
}

export function emptyAttributes(): Attributes {
  return new Map();
}

export function rNull(): RNull {
  return {type: "NULL", attributes: emptyAttributes()};
}

/** Number of elements, as R's length(). */
export function length(v: RValue): number {
  switch (v.type) {
    case "NULL":
      return 0;
    case "complex":
      return v.values.length / 2;
    case "logical":
    case "integer":
    case "double":
    case "character":
    case "raw":
    case "list":
    case "expression":
    case "pairlist":
    case "...":
    case "language":
      return v.values.length;
    case "environment":
      return v.bindings.size;
    default:
      return 1;
  }
}

/** The attribute `name`, or undefined. */
export function attr(v: RValue, name: string): RValue | undefined {
  return v.attributes.get(name);
}

/** An S4 slot (slots are stored as attributes). */
export function slot(v: RValue, name: string): RValue {
  const s = v.attributes.get(name);
  if (s === undefined) throw new RValueError(`the S4 object has no slot "${name}"`);
  return s;
}

/** The class attribute as strings (empty when there is none). */
export function classOf(v: RValue): string[] {
  const c = v.attributes.get("class");
  if (c?.type !== "character") return [];
  return c.values.filter((s): s is string => s !== null);
}

export function inherits(v: RValue, cls: string): boolean {
  return classOf(v).includes(cls);
}

/**
 * R's names(): the "names" attribute, the tags of a pairlist or call, or for a
 * one-dimensional array its dimnames[[1]]. null when there are none.
 */
export function names(v: RValue): (string | null)[] | null {
  if (v.type === "pairlist" || v.type === "..." || v.type === "language") {
    return v.tags.some((t) => t !== null) ? v.tags.map((t) => t ?? "") : null;
  }
  if (v.type === "environment") return [...v.bindings.keys()];
  const n = v.attributes.get("names");
  if (n?.type === "character") return n.values;
  const dim = v.attributes.get("dim");
  if (dim !== undefined && length(dim) === 1) {
    const dn = dimnames(v);
    if (dn !== null && dn[0] !== null) return dn[0];
  }
  return null;
}

/** dimnames as one entry per dimension (null where that dimension has none); null without dimnames. */
export function dimnames(v: RValue): ((string | null)[] | null)[] | null {
  const dn = v.attributes.get("dimnames");
  if (dn === undefined || dn.type !== "list") return null;
  return dn.values.map((d) => (d.type === "character" ? d.values : null));
}

/** The dim attribute as numbers, or null. */
export function dim(v: RValue): number[] | null {
  const d = v.attributes.get("dim");
  if (d === undefined) return null;
  return Array.from(numbers(d));
}

/** Element `name` of a named list (the first match, as R's `[[`). */
export function listElement(v: RValue, name: string): RValue | undefined {
  if (v.type !== "list" && v.type !== "expression" && v.type !== "pairlist") {
    throw new RValueError(`expected a list, found ${describeType(v)}`);
  }
  if (v.type === "pairlist") {
    const i = v.tags.indexOf(name);
    return i < 0 ? undefined : v.values[i];
  }
  const n = names(v);
  if (n === null) return undefined;
  const i = n.indexOf(name);
  return i < 0 ? undefined : v.values[i];
}

/** Like listElement but the element must exist. */
export function requireElement(v: RValue, name: string): RValue {
  const e = listElement(v, name);
  if (e === undefined) throw new RValueError(`the list has no element "${name}"`);
  return e;
}

/**
 * R's row.names attribute as R reports it: the compact form c(NA, -n) (or
 * c(NA, n)) that R stores for automatic row names expands to 1..n.
 */
export function expandRowNames(rn: RValue): RValue {
  if ((rn.type === "integer" || rn.type === "double") && rn.values.length === 2 && isNA(rn, 0)) {
    const n = Math.abs(rn.values[1]);
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) values[i] = i + 1;
    return {type: "integer", values, attributes: emptyAttributes()};
  }
  return rn;
}

export interface DataFrame {
  /** Columns in order, by name. */
  columns: Map<string, RValue>;
  /** Number of rows. */
  nrow: number;
  /** Row names as R reports them (automatic ones expanded to 1..n). */
  rowNames: RValue;
}

/** The columns and row count of a data.frame. */
export function dataFrameColumns(v: RValue): DataFrame {
  if (v.type !== "list" || !inherits(v, "data.frame")) {
    throw new RValueError(`expected a data.frame, found ${describeType(v)}`);
  }
  const colNames = names(v) ?? [];
  const columns = new Map<string, RValue>();
  v.values.forEach((col, i) => {
    const name = colNames[i];
    columns.set(name === null || name === undefined || name === "" ? `V${i + 1}` : name, col);
  });
  const rn = v.attributes.get("row.names");
  const rowNames = rn === undefined ? {type: "integer" as const, values: new Int32Array(0), attributes: emptyAttributes()} : expandRowNames(rn);
  return {columns, nrow: length(rowNames), rowNames};
}

/** The levels of a factor. */
export function factorLevels(v: RValue): string[] {
  if (v.type !== "integer" || !inherits(v, "factor")) {
    throw new RValueError(`expected a factor, found ${describeType(v)}`);
  }
  const lv = v.attributes.get("levels");
  if (lv === undefined) return [];
  return strings(lv).map((s) => s ?? "NA");
}

/** A factor's values as their labels (null for NA). */
export function factorLabels(v: RValue): (string | null)[] {
  const levels = factorLevels(v);
  const codes = integers(v);
  return Array.from(codes, (c) => (c === NA_INTEGER ? null : levels[c - 1] ?? null));
}

/** A numeric vector as doubles: doubles as they are, integers and logicals converted (NA to NA_real_). */
export function numbers(v: RValue): Float64Array {
  if (v.type === "double") return v.values;
  if (v.type === "integer" || v.type === "logical") {
    const out = new Float64Array(v.values.length);
    v.values.forEach((x, i) => {
      if (x === NA_INTEGER) setNAReal(out, i);
      else out[i] = x;
    });
    return out;
  }
  throw new RValueError(`expected numbers, found ${describeType(v)}`);
}

/** An integer or logical vector's values. */
export function integers(v: RValue): Int32Array {
  if (v.type === "integer" || v.type === "logical") return v.values;
  throw new RValueError(`expected integers, found ${describeType(v)}`);
}

/** A character vector's values (null = NA). */
export function strings(v: RValue): (string | null)[] {
  if (v.type === "character") return v.values;
  throw new RValueError(`expected strings, found ${describeType(v)}`);
}

/** The single number of a length-one numeric vector. */
export function scalarNumber(v: RValue): number {
  const x = numbers(v);
  if (x.length !== 1) throw new RValueError(`expected one number, found ${x.length}`);
  return x[0];
}

/** The single string of a length-one character vector. */
export function scalarString(v: RValue): string | null {
  const x = strings(v);
  if (x.length !== 1) throw new RValueError(`expected one string, found ${x.length}`);
  return x[0];
}

/** "a double vector of length 3 (class foo)"-style wording for messages. */
export function describeType(v: RValue): string {
  const cls = classOf(v);
  const base = v.type === "S4" ? "an S4 object" : `${/^[aeiou]/.test(v.type) ? "an" : "a"} ${v.type} value`;
  return cls.length > 0 ? `${base} of class "${cls.join("/")}"` : base;
}
