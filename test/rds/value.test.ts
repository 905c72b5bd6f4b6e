// Helpers over RValues: names, attributes, classes, data.frames, factors, typed accessors.
import {describe as suite, expect, it} from "vitest";
import {
  attr,
  classOf,
  dataFrameColumns,
  factorLabels,
  factorLevels,
  inherits,
  integers,
  isNA,
  isNAReal,
  listElement,
  names,
  numbers,
  parseRds,
  RValueError,
  scalarString,
  strings,
  type RValue,
} from "../../loaders/rds/index.js";
import {bytes, extraDir, vectorsDir} from "../builders/rds-fixtures.js";

const vector = (name: string): RValue => parseRds(bytes(`${vectorsDir}${name}.none_v2.rds`));

suite("value helpers", () => {
  it("reads names, classes and attributes", () => {
    const nested = vector("list_nested");
    expect(names(nested)).toEqual(["a", "b", "e"]);
    expect(listElement(nested, "e")?.type).toBe("NULL");
    expect(listElement(nested, "zzz")).toBeUndefined();
    const posix = vector("posixct_vector");
    expect(classOf(posix)).toEqual(["POSIXct", "POSIXt"]);
    expect(inherits(posix, "POSIXt")).toBe(true);
    expect(attr(posix, "tzone")).toMatchObject({values: ["UTC"]});
    const pl = parseRds(bytes(`${extraDir}pairlist.xdr_v3.rds`));
    expect(names(pl)).toEqual(["a", "b"]);
  });

  it("expands compact row names of a data.frame", () => {
    const df = dataFrameColumns(vector("data_frame"));
    expect(df.nrow).toBe(3);
    expect(df.rowNames).toMatchObject({type: "integer"});
    expect(Array.from(integers(df.rowNames))).toEqual([1, 2, 3]);
    expect(strings(df.columns.get("feature")!)).toEqual(["a", "b", "c"]);
    expect(() => dataFrameColumns(vector("list_nested"))).toThrow(RValueError);
  });

  it("gives factor levels and labels", () => {
    const f = vector("factor_basic");
    expect(factorLevels(f)).toEqual(["Budget", "Mid", "Luxury"]);
    expect(factorLabels(f).length).toBe(integers(f).length);
    expect(() => factorLevels(vector("integer_basic"))).toThrow(/expected a factor/);
  });

  it("keeps NA apart from NaN and converts integer NA to NA_real_", () => {
    const d = vector("double_special");
    expect(isNA(d, 0)).toBe(true);
    expect(isNA(d, 1)).toBe(false);
    const ints = numbers(vector("integer_basic"));
    expect(isNAReal(ints, 2)).toBe(true);
    expect(Array.from(ints.subarray(0, 2))).toEqual([1, -7]);
    expect(isNA(vector("character_basic"), 2)).toBe(true);
  });

  it("throws a typed error on the wrong type", () => {
    expect(() => numbers(vector("character_basic"))).toThrow(RValueError);
    expect(() => strings(vector("double_basic"))).toThrow(/expected strings, found a double value/);
    expect(() => scalarString(vector("character_basic"))).toThrow(/expected one string/);
  });
});
