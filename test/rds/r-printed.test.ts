// The three cases R's own library showed the CLI describing differently from
// R, as small files made by test/fixtures/rds-printed/make.R, each beside what
// R 4.2 prints about it (NAME.R.txt): the CLI, given the folder, describes them
// as R does.
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {root} from "../builders/rds-fixtures.js";

const dir = `${root}test/fixtures/rds-printed/`;
const printed = (name: string) => readFileSync(`${dir}${name}.R.txt`, "utf8");

describe("the rds CLI on R's duplicate names, pairlist tags and non-UTF-8 strings", {timeout: 60_000}, () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", `${root}loaders/cli/rds.ts`, dir], {cwd: root, encoding: "utf8", env: {...process.env, DEBUG: ""}});
  // A folder's files come in sorted order: bytes, dup, latin1, pl.
  const [bytes, dup, latin1, pl] = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);

  it("reads the folder, one line per file, exit 0", () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(4);
  });

  it("list(a = 1, a = 2) keeps both elements, in order, and both names", () => {
    expect(printed("dup")).toContain("list(a = 1, a = 2)");
    expect(dup).toStrictEqual({
      type: "list",
      length: 2,
      values: [
        {type: "double", values: [1]},
        {type: "double", values: [2]},
      ],
      attributes: {names: {type: "character", values: ["a", "a"]}},
    });
  });

  it("pairlist(x = 1, y = \"b\") keeps its tags", () => {
    expect(printed("pl")).toContain('pairlist(x = 1, y = "b")');
    expect(pl).toStrictEqual({
      type: "pairlist",
      length: 2,
      values: {x: {type: "double", values: [1]}, y: {type: "character", values: ["b"]}},
      attributes: {names: {type: "character", values: ["x", "y"]}},
    });
  });

  it("a latin1-marked string comes out as R shows it", () => {
    expect(printed("latin1")).toContain('[1] "café"');
    expect(latin1).toStrictEqual({type: "character", values: ["café"]});
  });

  it("a string R keeps as bytes (not valid in its encoding) is flagged, spelled as R prints it", () => {
    expect(printed("bytes")).toContain('[1] "caf\\xe9"');
    expect(bytes).toStrictEqual({type: "character", values: [{native: "caf\\xe9"}]});
  });
});
