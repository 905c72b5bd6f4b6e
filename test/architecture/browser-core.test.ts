// The parsing core must run in browsers: nothing in loaders/rds imports from node:.
import {readdirSync, readFileSync} from "node:fs";
import {describe as suite, expect, it} from "vitest";
import {root} from "../builders/rds-fixtures.js";

const NODE_BUILTINS = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](?:node:|fs|path|os|stream|zlib|buffer|util|crypto|url|child_process)(?:["'/])/;

suite("browser-safe core", () => {
  const dir = `${root}loaders/rds/`;
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it("has sources to check", () => {
    expect(sources).toContain("read.ts");
  });

  for (const file of sources) {
    it(`${file} imports nothing from Node`, () => {
      const text = readFileSync(`${dir}${file}`, "utf8");
      expect(text).not.toMatch(NODE_BUILTINS);
      expect(text).not.toMatch(/\bBuffer\b|\bprocess\./);
    });
  }
});
