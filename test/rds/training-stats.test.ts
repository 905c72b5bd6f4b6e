// data/training_stats.rds: a data.frame, matrices with dimnames and 1-d tables,
// read exactly as R reports them (training_stats.json was written by R).
import {describe as suite, expect, it} from "vitest";
import {
  dataFrameColumns,
  describe,
  dim,
  dimnames,
  names,
  numbers,
  readRds,
  requireElement,
  scalarNumber,
  strings,
  type RValue,
} from "../../loaders/rds/index.js";
import {bytes, extraDir, json, root} from "../builders/rds-fixtures.js";

const stats: RValue = await readRds(bytes(`${root}data/training_stats.rds`));

suite("training statistics", () => {
  it("reads the whole object exactly as R describes it", () => {
    expect(describe(stats)).toStrictEqual(json(`${extraDir}training_stats.json`));
  });

  it("gives the features data.frame as named columns", () => {
    const df = dataFrameColumns(requireElement(stats, "features"));
    expect([...df.columns.keys()]).toEqual(["feature", "source", "unit", "mean", "sd", "missing_rate", "min", "max"]);
    expect(df.nrow).toBe(75);
    const feature = strings(df.columns.get("feature")!);
    expect(feature.slice(0, 2)).toEqual(["unit_cost", "shipping_cost"]);
    expect(numbers(df.columns.get("mean")!)).toHaveLength(75);
    expect(strings(df.rowNames)).toEqual(feature);
  });

  it("gives matrices their dims and dimnames", () => {
    const q = requireElement(stats, "quantiles");
    expect(dim(q)).toEqual([75, 15]);
    const [rows, cols] = dimnames(q)!;
    expect(rows?.[0]).toBe("unit_cost");
    expect(cols?.slice(0, 3)).toEqual(["q00", "q01", "q05"]);
    const corr = requireElement(stats, "correlation");
    const c = numbers(corr);
    expect(dim(corr)).toEqual([75, 75]);
    for (let i = 0; i < 75; i++) expect(c[i * 75 + i]).toBeCloseTo(1, 12);
  });

  it("gives tables their names from dimnames", () => {
    const categories = requireElement(stats, "categories");
    expect(names(categories)).toEqual(["Apparel", "Beauty", "Books", "Electronics", "Grocery", "Home & Kitchen", "Sports & Outdoors", "Toys & Games"]);
    expect(Array.from(numbers(categories)).reduce((a, b) => a + b, 0)).toBe(3600);
    expect(scalarNumber(requireElement(stats, "n_obs"))).toBe(3600);
  });
});
