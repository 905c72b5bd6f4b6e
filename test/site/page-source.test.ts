import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {pageCells, runtimeErrorPosition, syntaxErrorPosition} from "../../loaders/site/index.js";

// A page's cells and their places in its .md file, as the build's errors name them.
const page = [
  "---", // 1
  "title: Notes", // 2
  "---", // 3
  "", // 4
  "# Notes ${perf.n}", // 5
  "", // 6
  "```js", // 7
  "const perf = {n: 1};", // 8
  "display(perf.overal.rmse);", // 9
  "```", // 10
  "", // 11
  "Twice: ${perf.n} and ${perf.n}, then ${missing(1)}.", // 12
  "", // 13
  "```js", // 14
  "const x = 1 +;", // 15
  "```", // 16
  "",
  "```js run=false",
  "shown only = ;",
  "```",
  "",
].join("\n");

describe("a page's cells", () => {
  const cells = pageCells(page, "/notes");

  it("are Framework's, in order, with the ids of the built page", () => {
    expect(cells.map((c) => [c.kind, c.line, c.column])).toEqual([
      ["inline", 5, 11],
      ["block", 8, 1],
      ["inline", 12, 10],
      ["inline", 12, 24],
      ["inline", 12, 40],
      ["block", 15, 1],
    ]);
    // A block Framework only shows (run=false) is no cell, and no syntax error.
    const id = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);
    expect(cells[0].id).toBe(id("perf.n"));
    // The same code twice: Framework numbers the second.
    expect(cells[2].id).toBe(`${id("perf.n")}-1`);
    expect(cells[3].id).toBe(`${id("perf.n")}-2`);
  });

  it("place a syntax error at its line and column in the .md", () => {
    const broken = cells[5];
    expect(broken.id).toBeNull();
    expect(broken.syntaxError).toBe("Unexpected token (1:13)");
    expect(syntaxErrorPosition(broken, broken.syntaxError ?? "")).toEqual({at: {line: 15, column: 14}, message: "Unexpected token"});
  });

  it("place a runtime error at the failing read or name", () => {
    expect(runtimeErrorPosition(cells[1], "TypeError: Cannot read properties of undefined (reading 'rmse')")).toEqual({line: 9, column: 20});
    expect(runtimeErrorPosition(cells[4], "RuntimeError: missing is not defined")).toEqual({line: 12, column: 40});
    expect(runtimeErrorPosition(cells[1], "Error: something else")).toEqual({line: 8, column: 1});
  });
});
