/**
 * RValue -> the description format of test/fixtures/rds-vectors/*.json (see
 * its README): what R itself reports about an object, as JSON. Rules, all
 * taken from the R-made fixtures:
 *
 * - atomic vectors: {type, values?, attributes?}; `values` is an object keyed
 *   by names() when there are names (an empty name becomes the 1-based index),
 *   an array otherwise. A classed vector for which R's is.numeric() is FALSE
 *   (factor, Date, POSIXct, difftime, and classed logical/character/complex/
 *   raw vectors) carries no `values`.
 * - doubles: numbers, -0 kept, and "NA", "NaN", "Inf", "-Inf"; integers and
 *   logicals: "NA" for NA; strings: {"na": true} for NA_character_; complex:
 *   [re, im] pairs.
 * - lists, expressions and pairlists: {type, length, values, attributes?}.
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
    case "pairlist":
    case "...": {
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
  const out = new Entries();
  values.forEach((x, i) => {
    const name = n[i];
    out.set(name === null ? "NA" : name === "" || name === undefined ? String(i + 1) : name, x);
  });
  return out;
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
      return v.values.map((s) => (s === null ? new Entries().set("na", true) : s));
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
