/**
 * RValue -> the description format of test/fixtures/rds-vectors/*.json (see
 * its README): what R itself reports about an object, as JSON. Rules, all
 * taken from the R-made fixtures:
 *
 * - atomic vectors: {type, values?, attributes?}; `values` is an object keyed
 *   by names() when there are names (an empty name becomes the 1-based index,
 *   NA becomes "NA"), an array otherwise. When those keys are not all
 *   different (R allows duplicate names), `values` is an array too, so no
 *   element is lost; the names are in `attributes` (names, or dimnames).
 *   A classed vector for which R's is.numeric() is FALSE
 *   (factor, Date, POSIXct, difftime, and classed logical/character/complex/
 *   raw vectors) carries no `values`.
 * - doubles: numbers, -0 kept, and "NA", "NaN", "Inf", "-Inf"; integers and
 *   logicals: "NA" for NA; strings: {"na": true} for NA_character_, and
 *   {"native": "caf\\xe9"} for a string whose bytes are not valid text in
 *   its encoding (RCharacter.undecoded), spelled as R's print() shows it
 *   (encodeString: \xNN for those bytes, \\ for a backslash); complex:
 *   [re, im] pairs.
 * - lists, expressions and pairlists: {type, length, values, attributes?}; a
 *   pairlist's tags key its values like names. `...` (DOTSXP) is {type} only,
 *   as R cannot index it.
 * - S4 objects: {type: "S4", class, slots}.
 * - language objects: {type, attributes?}; everything else: {type}.
 * - attributes as R's attributes() reports them: compact row names expanded,
 *   a pairlist's tags as its "names".
 *
 * Objects are kept as ordered entries so the printed JSON has R's key order
 * even for keys like "1" that JS objects would move to the front.
 */
import {classOf, expandRowNames, inherits, isNAReal, names, NA_INTEGER, type RValue} from "./value.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue};

/** A JSON object that keeps its keys in insertion order. */
class Entries {
  constructor(readonly entries: [string, Node][] = []) {}
  set(key: string, value: Node): this {
    this.entries.push([key, value]);
    return this;
  }
}
type Node = null | boolean | number | string | Node[] | Entries;

/** The description of a value as plain JSON data. */
export function describe(v: RValue): JsonValue {
  return toPlain(describeNode(v));
}

/** The description as one line of JSON text, with R's key order and -0 kept. */
export function describeToJson(v: RValue): string {
  return stringify(describeNode(v));
}

function describeNode(v: RValue): Node {
  switch (v.type) {
    case "logical":
    case "integer":
    case "double":
    case "complex":
    case "character":
    case "raw": {
      const out = new Entries().set("type", v.type);
      if (classOf(v).length === 0 || isNumericInR(v)) out.set("values", keyed(v, atomicValues(v)));
      return withAttributes(out, v);
    }
    case "list":
    case "expression":
    case "pairlist": {
      const out = new Entries().set("type", v.type).set("length", v.values.length);
      out.set("values", keyed(v, v.values.map(describeNode)));
      return withAttributes(out, v);
    }
    case "S4": {
      const slots = new Entries();
      for (const [k, a] of v.attributes) if (k !== "class") slots.set(k, describeNode(a));
      return new Entries().set("type", "S4").set("class", classOf(v)[0] ?? null).set("slots", slots);
    }
    case "language":
      return withAttributes(new Entries().set("type", "language"), v);
    default:
      return new Entries().set("type", v.type);
  }
}

/**
 * R's is.numeric() on a classed vector: FALSE for factors (internally) and for
 * the classes base R gives an is.numeric method (Date, POSIXt, difftime).
 */
function isNumericInR(v: RValue): boolean {
  if (v.type === "integer") return !inherits(v, "factor") && !hasNonNumericMethod(v);
  if (v.type === "double") return !hasNonNumericMethod(v);
  return false;
}

function hasNonNumericMethod(v: RValue): boolean {
  return classOf(v).some((c) => c === "Date" || c === "POSIXt" || c === "difftime");
}

function withAttributes(out: Entries, v: RValue): Entries {
  const attrs = new Entries();
  // attributes() reports a pairlist's tags as its "names", ahead of the stored attributes.
  if (v.type === "pairlist" && v.tags.some((t) => t !== null)) {
    attrs.set("names", describeNode({type: "character", values: v.tags.map((t) => t ?? ""), attributes: new Map()}));
  }
  for (const [k, a] of v.attributes) attrs.set(k, describeNode(k === "row.names" ? expandRowNames(a) : a));
  return attrs.entries.length === 0 ? out : out.set("attributes", attrs);
}

function keyed(v: RValue, values: Node[]): Node {
  const n = names(v);
  if (n === null) return values;
  const undecoded = namesUndecoded(v);
  const keys = values.map((_, i) => {
    const name = n[i];
    if (name === null) return "NA";
    if (name === "" || name === undefined) return String(i + 1);
    const bytes = undecoded?.get(i);
    return bytes === undefined ? name : rShown(bytes);
  });
  // Duplicate keys would leave one element per key in any JSON reader.
  if (new Set(keys).size !== keys.length) return values;
  const out = new Entries();
  values.forEach((x, i) => out.set(keys[i], x));
  return out;
}

/** The undecoded strings among a vector's names, when its names come from the names attribute. */
function namesUndecoded(v: RValue): Map<number, Uint8Array> | undefined {
  const n = v.attributes.get("names");
  return n?.type === "character" ? n.undecoded : undefined;
}

/**
 * The bytes of a string as R's encodeString() (what print() shows between the
 * quotes) spells them in a UTF-8 session: valid UTF-8 characters as they are,
 * except backslash, C0 and C1 controls and DEL, which are escaped; every byte
 * that is not part of a valid UTF-8 character as \xNN.
 */
export function rShown(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const [cp, len] = utf8At(bytes, i);
    if (cp < 0) {
      out += `\\x${bytes[i].toString(16).padStart(2, "0")}`;
      i += 1;
      continue;
    }
    i += len;
    out += shownChar(cp);
  }
  return out;
}

const C_ESCAPES: Record<number, string> = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 92: "\\\\"};

function shownChar(cp: number): string {
  const escape = C_ESCAPES[cp];
  if (escape !== undefined) return escape;
  if (cp < 0x20 || cp === 0x7f) return `\\${cp.toString(8).padStart(3, "0")}`;
  if (cp >= 0x80 && cp <= 0x9f) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return String.fromCodePoint(cp);
}

/** The code point of the well-formed UTF-8 sequence at i and its length, or [-1, 1]. */
function utf8At(b: Uint8Array, i: number): [number, number] {
  const b0 = b[i];
  if (b0 < 0x80) return [b0, 1];
  let len: number;
  let cp: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [len, cp, min] = [2, b0 & 0x1f, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [len, cp, min] = [3, b0 & 0x0f, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [len, cp, min] = [4, b0 & 0x07, 0x10000];
  else return [-1, 1];
  if (i + len > b.length) return [-1, 1];
  for (let k = 1; k < len; k++) {
    const c = b[i + k];
    if ((c & 0xc0) !== 0x80) return [-1, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return [-1, 1];
  return [cp, len];
}

function atomicValues(v: RValue): Node[] {
  switch (v.type) {
    case "logical":
      return Array.from(v.values, (x) => (x === NA_INTEGER ? "NA" : x !== 0));
    case "integer":
      return Array.from(v.values, (x) => (x === NA_INTEGER ? "NA" : x));
    case "double":
      return Array.from(v.values, (_, i) => doubleNode(v.values, i));
    case "complex": {
      const out: Node[] = [];
      for (let i = 0; i < v.values.length; i += 2) out.push([doubleNode(v.values, i), doubleNode(v.values, i + 1)]);
      return out;
    }
    case "character":
      return v.values.map((s, i) => {
        if (s === null) return new Entries().set("na", true);
        const bytes = v.undecoded?.get(i);
        return bytes === undefined ? s : new Entries().set("native", rShown(bytes));
      });
    case "raw":
      return Array.from(v.values);
    default:
      return [];
  }
}

function doubleNode(values: Float64Array, i: number): Node {
  const x = values[i];
  if (Number.isNaN(x)) return isNAReal(values, i) ? "NA" : "NaN";
  if (x === Infinity) return "Inf";
  if (x === -Infinity) return "-Inf";
  return x;
}

function toPlain(n: Node): JsonValue {
  if (n instanceof Entries) {
    const out: {[key: string]: JsonValue} = {};
    for (const [k, v] of n.entries) out[k] = toPlain(v);
    return out;
  }
  if (Array.isArray(n)) return n.map(toPlain);
  return n;
}

function stringify(n: Node): string {
  if (n instanceof Entries) return `{${n.entries.map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(",")}}`;
  if (Array.isArray(n)) return `[${n.map(stringify).join(",")}]`;
  // JSON.stringify prints -0 as 0; R's description keeps the sign.
  if (typeof n === "number" && Object.is(n, -0)) return "-0";
  return JSON.stringify(n);
}
