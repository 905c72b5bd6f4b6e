// The 29 R-made test vectors in all four encodings read exactly as R reads them.
import {describe as suite, expect, it} from "vitest";
import {describe, describeToJson, readRds} from "../../loaders/rds/index.js";
import {bytes, json, vectorsDir} from "../builders/rds-fixtures.js";

const index = json(`${vectorsDir}index.json`) as Record<string, string>;
const encodings = ["gzip_v3", "xz_v3", "bzip2_v3", "none_v2"];

function expectedFor(name: string): unknown {
  const expected = json(`${vectorsDir}${name}.json`) as Record<string, unknown>;
  // `deparsed` is R's printing, for information only (README).
  delete expected.deparsed;
  return expected;
}

suite("rds test vectors", () => {
  it("has 29 objects, so 116 files", () => {
    expect(Object.keys(index)).toHaveLength(29);
  });

  it("compares -0 and 0 as different (the comparison the vectors rely on)", () => {
    expect(JSON.parse("[-0]")).not.toStrictEqual([0]);
    expect({a: -0}).not.toEqual({a: 0});
  });

  for (const name of Object.keys(index)) {
    for (const encoding of encodings) {
      it(`${name}.${encoding}`, async () => {
        const value = await readRds(bytes(`${vectorsDir}${name}.${encoding}.rds`));
        const expected = expectedFor(name);
        expect(describe(value)).toStrictEqual(expected);
        // The CLI's text form parses back to the same thing (-0 included).
        expect(JSON.parse(describeToJson(value))).toStrictEqual(expected);
      });
    }
  }
});
