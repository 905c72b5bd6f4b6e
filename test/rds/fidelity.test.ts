// What the description format could not show before: duplicate names, a
// pairlist's tags, and strings R keeps as bytes (not valid text in their
// encoding) or converts from the writer's native encoding. The fixtures and
// their descriptions were made by R (test/fixtures/rds-extra/make.R); the
// descriptions themselves are checked in every stream format by formats.test.ts.
import {readFileSync} from "node:fs";
import {describe as suite, expect, it} from "vitest";
import {describe, describeToJson, names, parseRds, type RCharacter, type RValue} from "../../loaders/rds/index.js";
import {rShown} from "../../loaders/rds/describe.js";
import {bytes, extraDir} from "../builders/rds-fixtures.js";

const read = (name: string, format = "xdr_v3"): RValue => parseRds(bytes(`${extraDir}${name}.${format}.rds`));

function element(v: RValue, i: number): RValue {
  if (v.type !== "list" && v.type !== "pairlist") throw new Error(`not a list: ${v.type}`);
  return v.values[i];
}

function chars(v: RValue): RCharacter {
  if (v.type !== "character") throw new Error(`not a character vector: ${v.type}`);
  return v;
}

suite("duplicate names", () => {
  it("keep every element: values become an array, the names stay in order in the attributes", () => {
    const v = read("dup_names");
    const l = element(v, 0);
    expect(l.type === "list" && l.values).toHaveLength(5);
    expect(names(l)).toEqual(["a", "b", "a", "", "4"]);
    const d = describe(v) as {values: Record<string, {values: unknown; attributes: {names?: {values: unknown}}}>};
    expect(d.values.l.values).toHaveLength(5);
    expect(d.values.l.attributes.names?.values).toEqual(["a", "b", "a", "", "4"]);
    // x, x, y; "NA" and NA; dimnames u, u, w: all arrays. Unique names are still keys.
    expect(d.values.v.values).toEqual([1, 2, 3]);
    expect(d.values.na.values).toEqual([1, 2]);
    expect(d.values.arr.values).toEqual([1, 2, 3]);
    expect(d.values.ok.values).toEqual({p: 1, q: 2});
  });

  it("print the very text R's description prints (no key twice)", () => {
    const r = readFileSync(`${extraDir}dup_names.json`, "utf8").trimEnd();
    for (const format of ["xdr_v3", "ascii_v2", "native_v3"]) expect(describeToJson(read("dup_names", format))).toBe(r);
  });
});

suite("pairlist tags", () => {
  it("are kept in the value, key the values when unique, and are the names attribute", () => {
    const v = read("pairlist_tags");
    const dup = element(v, 0);
    expect(dup.type === "pairlist" && dup.tags).toEqual(["a", null, "a", "b"]);
    const d = describe(v) as {values: Record<string, {values: unknown; attributes: Record<string, {values: unknown}>}>};
    expect(d.values.dup.values).toHaveLength(4);
    expect(d.values.dup.attributes.names.values).toEqual(["a", "", "a", "b"]);
    expect(Object.keys(d.values.partial.values as object)).toEqual(["1", "b"]);
    expect(d.values.attr.attributes.pl).toMatchObject({type: "pairlist", values: {x: {type: "double"}, 2: {type: "double"}}});
  });

  it("of a ... object stay in the value; R describes it by its type only", () => {
    const v = read("dots_bare");
    expect(v.type === "..." && v.tags).toEqual([null, "b"]);
    expect(describe(v)).toEqual({type: "..."});
  });
});

suite("strings R keeps as bytes", () => {
  it("are flagged, spelled as R prints them, and read as latin1 in the value", () => {
    for (const format of ["xdr_v3", "ascii_v3", "ascii_v2", "native_v3", "native_v2"]) {
      const v = chars(read("strings_native", format));
      expect([...(v.undecoded?.keys() ?? [])]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13]);
      expect(v.values[0]).toBe("caf\u00e9");
      expect(v.undecoded?.get(0)).toEqual(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
      expect(v.values.slice(10)).toEqual(["plain", null, "\u00e9 fine", "\u00e9t\u00e9"]);
      const d = describe(v) as {values: unknown[]};
      expect(d.values[0]).toEqual({native: "caf\\xe9"});
      expect(d.values[2]).toEqual({native: "a\\\\b\\xe9"});
    }
  });

  it("as names are keyed by R's spelling", () => {
    const d = describe(read("names_native")) as {values: object};
    expect(Object.keys(d.values)).toEqual(["caf\\xe9", "b", "\\xff"]);
  });

  it("follow R's print(): escapes for backslash and controls, \\xNN for bytes outside UTF-8", () => {
    const b = (...x: number[]): Uint8Array => new Uint8Array(x);
    expect(rShown(b(0x63, 0xe9))).toBe("c\\xe9");
    expect(rShown(b(0xc3, 0xa9, 0xe9))).toBe("\u00e9\\xe9"); // a valid é stays
    expect(rShown(b(0x5c, 0x09, 0x0a, 0x01, 0x7f, 0xff))).toBe("\\\\\\t\\n\\001\\177\\xff");
    expect(rShown(b(0xc2, 0x85))).toBe("\\u0085");
    expect(rShown(b(0xe2, 0x82))).toBe("\\xe2\\x82"); // truncated
    expect(rShown(b(0xc0, 0xaf))).toBe("\\xc0\\xaf"); // overlong
    expect(rShown(b(0xed, 0xa0, 0x80))).toBe("\\xed\\xa0\\x80"); // surrogate
    expect(rShown(b(0xf0, 0x9f, 0x98, 0x80, 0x22))).toBe('\u{1F600}"');
  });
});

suite("strings from writers in other native encodings", () => {
  const values = (name: string): (string | null)[] => chars(read(`native_${name}`)).values;
  const flagged = (name: string): number[] => [...(chars(read(`native_${name}`)).undecoded?.keys() ?? [])];

  it('convert "ISO-8859-1" and CP1252 as Windows-1252, "latin1" as ISO-8859-1, as R does', () => {
    expect(values("latin1")).toEqual(["caf\u00e9", "plain", "\u00c3\u00a9t\u00e9", null, "\u20ac\u0178"]);
    expect(names(read("native_latin1"))).toEqual(["n\u00e9", "b", "c", "d", "e"]);
    expect(values("latin1_iconv")).toEqual(["\u0080\u009f", "caf\u00e9"]);
    expect(values("cp1252")).toEqual(["\u20acuro", "caf\u00e9", "\u0081bad", "\u0153s"]);
    expect(flagged("cp1252")).toEqual([2]); // 0x81 is not CP1252: R keeps the bytes
  });

  it("decode other encodings; bytes they reject, and unknown or ASCII encodings, are flagged", () => {
    expect(values("eucjp")[0]).toBe("\u65e5\u672c");
    expect(flagged("eucjp")).toEqual([1]);
    expect(flagged("ascii")).toEqual([0]);
    expect(flagged("unknown")).toEqual([0]);
  });

  it('read latin1-flagged strings as R translates them: Windows-1252, and "<81>" where it has no character', () => {
    expect(chars(read("strings_latin1")).values).toEqual(["caf\u00e9\u20ac", "<81>", "\u0178<8d>", "plain"]);
  });
});
