// Extra R-made fixtures: every stream format (XDR, native binary, ASCII; v2 and
// v3) and the object kinds the 29 vectors do not cover.
import {existsSync, readdirSync} from "node:fs";
import {describe as suite, expect, it} from "vitest";
import {
  describe,
  isNAReal,
  parseRds,
  parseRdsWithHeader,
  readRds,
  readRdsSync,
  type REnvironment,
  type RValue,
} from "../../loaders/rds/index.js";
import {bytes, extraDir, json} from "../builders/rds-fixtures.js";

const files = readdirSync(extraDir).filter((f) => f.endsWith(".rds") && !f.startsWith("model_"));
const read = (name: string, format = "xdr_v3"): RValue => parseRds(bytes(`${extraDir}${name}.${format}.rds`));

function expectedFor(file: string): unknown {
  const [name, format] = file.split(".");
  // R's ASCII stream keeps 16 digits, so R itself may read back a different last bit.
  const specific = `${extraDir}${name}.${format}.json`;
  return json(existsSync(specific) ? specific : `${extraDir}${name}.json`);
}

function env(v: RValue): REnvironment {
  if (v.type !== "environment") throw new Error(`expected an environment, got ${v.type}`);
  return v;
}

suite("every stream format reads as R reads it", () => {
  it("covers the five formats of each object", () => {
    expect(files.length).toBeGreaterThanOrEqual(29 * 5);
  });
  for (const file of files) {
    it(file, () => {
      expect(describe(readRdsSync(bytes(`${extraDir}${file}`)))).toStrictEqual(expectedFor(file));
    });
  }
});

suite("what the description format does not show", () => {
  it("reports the stream header", () => {
    const {header} = parseRdsWithHeader(bytes(`${extraDir}doubles.native_v3.rds`));
    expect(header).toMatchObject({format: "binary", version: 3, nativeEncoding: "UTF-8"});
    expect(parseRdsWithHeader(bytes(`${extraDir}doubles.ascii_v2.rds`)).header).toMatchObject({format: "ascii", version: 2});
  });

  it("tells NA_real_ from NaN by the payload in every format", () => {
    for (const format of ["xdr_v3", "native_v3", "ascii_v3", "ascii_v2"]) {
      const v = read("doubles", format);
      if (v.type !== "double") throw new Error("not doubles");
      expect([isNAReal(v.values, 0), isNAReal(v.values, 1), Number.isNaN(v.values[1])]).toEqual([true, false, true]);
      expect(Object.is(v.values[4], -0)).toBe(true);
    }
  });

  it("decodes UTF-8, latin1 and bytes strings", () => {
    const v = read("strings");
    expect(v.type === "character" && v.values.slice(3, 6)).toEqual(["café", "café", "\u00ff\u00fe"]);
  });

  it("gives the special environments their kind and keeps the names of packages", () => {
    const v = read("environments");
    if (v.type !== "list") throw new Error("not a list");
    expect(v.values.map((e) => env(e).kind)).toEqual(["global", "empty", "base", "namespace", "package", "base-namespace", "user"]);
    expect(env(v.values[3]).spec).toContain("stats");
    expect(env(v.values[4]).spec).toEqual(["package:stats"]);
  });

  it("reads a shared environment once, so cycles are the same object", () => {
    const e = env(read("cycle"));
    expect(e.bindings.get("self")).toBe(e);
    const f = e.bindings.get("f");
    expect(f?.type === "closure" && f.environment).toBe(e);
    const shared = parseRds(bytes(`${extraDir}../rds-vectors/environment_ref.none_v2.rds`));
    expect(shared.type === "list" && shared.values[0]).toBe(shared.type === "list" && shared.values[1]);
  });

  it("reads past bytecode: a compiled closure keeps formals and an opaque body", () => {
    const f = read("bytecode");
    if (f.type !== "closure") throw new Error("not a closure");
    expect(f.body.type).toBe("bytecode");
    expect(f.formals.type === "pairlist" && f.formals.tags).toEqual(["x", "y"]);
    const x = f.formals.type === "pairlist" ? f.formals.values[0] : null;
    expect(x).toMatchObject({type: "symbol", special: "missing"});
  });

  it("reads builtins, specials, promises, ... and weak references", () => {
    const b = read("builtins");
    expect(b.type === "list" && b.values.map((x) => [x.type, "name" in x ? x.name : null])).toEqual([
      ["builtin", "sum"],
      ["special", "if"],
      ["special", "["],
    ]);
    const dots = env(read("dots")).bindings.get("...");
    expect(dots?.type).toBe("...");
    expect(dots?.type === "..." && dots.tags).toEqual([null, "b"]);
    expect(dots?.type === "..." && dots.values.map((p) => p.type)).toEqual(["promise", "promise"]);
    const later = env(read("promise_env")).bindings.get("later");
    expect(later?.type === "promise" && later.code.type).toBe("language");
    expect(read("weakref").type).toBe("weakref");
    const p = read("externalptr");
    expect(p.type === "list" && p.values[0].type).toBe("externalptr");
  });

  it("expands ALTREP objects with their attributes", () => {
    const seq = read("altrep_seq_attr");
    expect(seq.type === "integer" && Array.from(seq.values)).toEqual([1, 2, 3, 4, 5]);
    expect(seq.attributes.get("note")).toMatchObject({type: "character", values: ["kept"]});
    const wrapped = read("wrap_named");
    expect(wrapped.type === "double" && [...wrapped.attributes.keys()]).toEqual(["names"]);
  });

  it("reads .rds files compressed with xz through the async reader only", async () => {
    const xz = bytes(`${extraDir}../rds-vectors/double_basic.xz_v3.rds`);
    expect(() => readRdsSync(xz)).toThrow(/asynchronous/);
    expect((await readRds(xz)).type).toBe("double");
  });
});
