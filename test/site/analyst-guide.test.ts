import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {dataFiles, pageCells, siteFileTexts, sitePages, stampText} from "../../loaders/site/index.js";
import {root} from "../builders/helpers.js";

// The README's table of data files ("Editing the report") against what the
// loaders write and what the pages load: a file, a field or a page added on
// one side and not the other fails here.
interface Row {
  file: string;
  pages: string[];
  fields: string[];
}

function readmeRows(): Row[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const table = /<!-- data-files:start -->\n([\s\S]*?)<!-- data-files:end -->/.exec(readme);
  if (!table) throw new Error("README.md has no data-files table");
  return table[1]
    .trim()
    .split("\n")
    .slice(2)
    .map((line) => {
      const [file, pages, fields] = line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, "").trim());
      return {file: file.replace(/`/g, ""), pages: pages.split(", "), fields: [...fields.matchAll(/`([^`]+)`/g)].map((m) => m[1])};
    });
}

/** A page's name in the table: the sidebar's (index.md is the Overview). */
function pageName(path: string): string {
  const base = path === "/" ? "overview" : path.slice(1);
  return base.charAt(0).toUpperCase() + base.slice(1);
}

let outputs: Map<string, unknown>;

beforeAll(async () => {
  const texts = await siteFileTexts();
  outputs = new Map([...texts].map(([name, text]) => [`data/${name}.json`, JSON.parse(text) as unknown]));
  outputs.set("data/stamp.json", JSON.parse(stampText()) as unknown);
}, 120_000);

describe("the README's data files", () => {
  const rows = readmeRows();

  it("are the files the loaders make", () => {
    expect(rows.map((r) => r.file).sort()).toEqual(dataFiles(join(root, "src")).sort());
    expect([...outputs.keys()].sort()).toEqual(rows.map((r) => r.file).sort());
  });

  it("name every top-level field of each file, and only those", () => {
    for (const row of rows) {
      const value = outputs.get(row.file);
      expect(value, row.file).toBeTypeOf("object");
      expect(row.fields.sort(), row.file).toEqual(Object.keys(value as object).sort());
    }
  });

  it("name the pages that load each file", () => {
    const loaders = new Map<string, Set<string>>();
    for (const page of sitePages(join(root, "src"))) {
      for (const cell of pageCells(readFileSync(page.file, "utf8"), page.path)) {
        for (const file of cell.node?.files ?? []) {
          const name = file.name.replace(/^\.\//, "");
          if (!loaders.has(name)) loaders.set(name, new Set());
          loaders.get(name)?.add(pageName(page.path));
        }
      }
    }
    for (const row of rows) expect(row.pages.sort(), row.file).toEqual([...(loaders.get(row.file) ?? [])].sort());
  });
});
