import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ProjectCopy} from "../builders/project.js";

// An analyst's mistakes in a page, built as `npm run build` would in a copy of
// the project: each must stop the build with one line naming src/PAGE.md and
// its line, and leave the published site as it was. The mistakes visible in
// the sources stop it within seconds (before Framework builds); a runtime
// error needs the full build and the render check, so the copy builds twice.
let project: ProjectCopy;

beforeAll(() => {
  project = new ProjectCopy();
});
afterAll(() => project.remove());

/** Builds with one edit of a page, then puts the page back. */
function buildWith(file: string, from: string, to: string) {
  const original = project.read(file);
  project.replace(file, from, to);
  try {
    return project.build();
  } finally {
    project.write(file, original);
  }
}

/**
 * "LINE:COL" (1-based) of `text` in the page once `from` is replaced by
 * `text`, `offset` characters in: the place the build must name, found in
 * the page as it stands, so editing a page does not break the test.
 */
function place(file: string, from: string, text: string, offset = 0): string {
  const source = project.read(file).replace(from, text);
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`${file} no longer holds ${text}`);
  const before = source.slice(0, at + offset);
  return `${before.split("\n").length}:${at + offset - before.lastIndexOf("\n")}`;
}

describe("a mistake visible in a page's code stops the build before Framework runs, naming its line", () => {
  beforeAll(() => {
    mkdirSync(project.path("dist"), {recursive: true});
    writeFileSync(project.path("dist/index.html"), "the published site");
  });

  it("a syntax error in a js block", () => {
    const at = place("src/drift.md", "const s = report.settings;", "const s = report.settings +;", "const s = report.settings +".length);
    const run = buildWith("src/drift.md", "const s = report.settings;", "const s = report.settings +;");
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`error: src/drift.md:${at}: SyntaxError: Unexpected token\n`);
    expect(readFileSync(project.path("dist/index.html"), "utf8")).toBe("the published site");
  });

  it("a syntax error in an inline expression", () => {
    const line = place("src/performance.md", "${int(perf.n)} scored", "${int(perf.n} scored").split(":")[0];
    const run = buildWith("src/performance.md", "${int(perf.n)} scored", "${int(perf.n} scored");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^error: src/performance\\.md:${line}:\\d+: SyntaxError: .+\\n$`));
  });

  it("a data file that does not exist, with the files that do", () => {
    const run = buildWith("src/risk.md", 'const mon = FileAttachment("data/monitoring.json").json();', 'const mon = FileAttachment("data/drfit.json").json();');
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(run.stderr).toMatch(/^error: src\/risk\.md:14:13: no data file data\/drfit\.json; the data files are data\/summary\.json, .*data\/drift\.json, .*data\/stamp\.json\n$/);
  });

  it("Framework's implicit Plot (the CDN), with the import to write", () => {
    project.write("src/notes.md", "# Notes\n\n```js\ndisplay(Plot.plot({marks: [Plot.dot([1, 2, 3])]}));\n```\n");
    try {
      const run = project.build();
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        'error: src/notes.md:4:9: Plot is Framework\'s implicit import from the npm CDN, which the build cannot reach: write import * as Plot from "@observablehq/plot"; in a js block of the page\n',
      );
    } finally {
      rmSync(project.path("src/notes.md"));
    }
  });
});

describe("full builds", () => {
  let first: ReturnType<ProjectCopy["build"]>;
  let stale: string;

  beforeAll(() => {
    project.clearCaches();
    // A build killed midway left its staging folder; its process is gone.
    const dead = spawnSync("true").pid;
    stale = project.path(`dist.building-${dead}`);
    mkdirSync(stale);
    // A new page the config does not list, importing Plot as the report's pages do.
    project.write("src/notes.md", '# Analyst notes\n\n```js\nimport * as Plot from "@observablehq/plot";\ndisplay(Plot.plot({marks: [Plot.dot([1, 2, 3], {x: (d) => d, y: (d) => d})]}));\n```\n');
    first = project.build();
  }, 400_000);

  it("publish an unlisted page under More, with a warning naming the entry to add", () => {
    expect(first.stderr).toBe('warning: src/notes.md is not in the pages of observablehq.config.ts: it is listed under "More"; to place it, add {name: "Analyst notes", path: "/notes"}\n');
    expect(first.status).toBe(0);
    const index = project.read("dist/index.html");
    expect(index).toMatch(/More[\s\S]*href="\.\/notes\.html"/);
    expect(project.read("dist/notes.html")).toContain("Plot");
    expect(first.stdout).toMatch(/^built dist\/ \(render check: 9 pages in [\d.]+ s\)\n$/);
  });

  it("remove a dead build's staging folder", () => {
    expect(existsSync(stale)).toBe(false);
  });

  it("fail on a runtime error or an uncaught exception with its src/ line and keep dist/ as it was", () => {
    const published = project.read("dist/performance.html");
    rmSync(project.path("src/notes.md"));
    // An uncaught exception outside any cell: a page's own script.
    project.write("src/risk.md", `${project.read("src/risk.md")}\n<script>setTimeout(() => { throw new Error("late boom on the risk page"); });</script>\n`);
    const lastLine = project.read("src/risk.md").split("\n").length - 1;
    // The column of `.rmse`, the property read from undefined.
    const at = place("src/performance.md", "${usd(perf.overall.rmse)}", "${usd(perf.overal.rmse)}", "${usd(perf.overal".length);
    const run = buildWith("src/performance.md", "${usd(perf.overall.rmse)}", "${usd(perf.overal.rmse)}");
    expect(run.stderr).toBe(
      `error: src/performance.md:${at}: TypeError: Cannot read properties of undefined (reading 'rmse')\nerror: src/risk.md:${lastLine}:45: uncaught late boom on the risk page\n`,
    );
    expect(run.status).toBe(1);
    expect(project.read("dist/performance.html")).toBe(published);
    expect(existsSync(project.path("dist/notes.html"))).toBe(true);
  }, 400_000);
});
