import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {root} from "../builders/helpers.js";
import {cycles, importGraph, type ImportEdge} from "./import-graph.js";

/**
 * The pipeline's order, lowest first: a file may import files of its own
 * stage and of the stages before it, never of a later one. The same list is
 * drawn in loaders/README.md (checked below). The site (src/ and the
 * Framework config) sits above the whole engine.
 */
const stages = [
  "loaders/config.ts",
  "loaders/errors.ts",
  "loaders/shared",
  "loaders/stats",
  "loaders/rds",
  "loaders/model",
  "loaders/inputs",
  "loaders/scoring",
  "loaders/accumulate",
  "loaders/pass",
  "loaders/daily",
  "loaders/performance",
  "loaders/drift",
  "loaders/monitoring",
  "loaders/retraining",
  "loaders/risk",
  "loaders/memo",
  "loaders/pipeline",
  "loaders/site",
  "loaders/cli",
  "src",
  "observablehq.config.ts",
];

/** The stage of a project file (its position in `stages`), or -1 when it is none of them. */
function stageOf(file: string, order: readonly string[] = stages): number {
  return order.findIndex((s) => file === s || file.startsWith(`${s}/`));
}

/** A folder's entry file, through which the other stages import it (loaders/rds/index.ts …). */
function entryOf(file: string, order: readonly string[] = stages): string | null {
  const stage = order[stageOf(file, order)];
  return stage && !stage.endsWith(".ts") && stage.startsWith("loaders/") ? `${stage}/index.ts` : null;
}

/** What is wrong with an import graph: imports running back up the order, from the engine into the site, past a folder's entry file, or values from the engine into the browser. */
function violations(edges: readonly ImportEdge[], order: readonly string[] = stages): string[] {
  const problems: string[] = [];
  for (const e of edges) {
    const from = stageOf(e.from, order);
    const to = stageOf(e.to, order);
    const at = `${e.from} imports ${e.to}`;
    if (from < 0 || to < 0) problems.push(`${at}: outside the pipeline's stages`);
    else if (to > from) problems.push(`${at}: runs back up the pipeline (${order[from]} comes before ${order[to]})`);
    else if (to < from) {
      // Another stage is reached through its entry file; command-line entry points may take one module to start fast.
      const entry = entryOf(e.to, order);
      if (entry && e.to !== entry && !e.from.startsWith("loaders/cli/") && !e.from.startsWith("src/") && !e.from.endsWith("config.ts")) problems.push(`${at}: past ${entry}`);
      // Pages and components run in the browser: of the engine they may take types only (the shared layer is bundled for them).
      if (e.from.startsWith("src/components/") && e.to.startsWith("loaders/") && !e.to.startsWith("loaders/shared/") && !e.typeOnly) problems.push(`${at}: a value from the engine in a browser module`);
    }
  }
  return problems;
}

const edges = importGraph(root, ["loaders", "src", "observablehq.config.ts"]);

describe("the import graph", () => {
  it("is read from the whole engine and site", () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => e.from === "loaders/pipeline/tables.ts" && e.to === "loaders/performance/index.ts")).toBe(true);
  });

  it("has no import running back up the pipeline, past an entry file, or out of its stages", () => {
    expect(violations(edges)).toEqual([]);
  });

  it("has no cycle", () => {
    expect(cycles(edges)).toEqual([]);
  });

  it("keeps the shared layer free of both sides: it imports nothing local", () => {
    expect(edges.filter((e) => e.from.startsWith("loaders/shared/") && !e.to.startsWith("loaders/shared/"))).toEqual([]);
  });

  it("is the order loaders/README.md draws", () => {
    const readme = readFileSync(join(root, "loaders/README.md"), "utf8");
    const drawn = [...readme.matchAll(/^\s*\d+\.\s+`([\w./-]+)`/gm)].map((m) => m[1]);
    expect(drawn).toEqual(stages.filter((s) => s.startsWith("loaders/")).map((s) => s.slice("loaders/".length)));
  });
});

describe("the checks themselves", () => {
  const order = ["loaders/a", "loaders/b", "src"];
  const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({from, to, typeOnly});

  it("see an import running back up the order", () => {
    expect(violations([edge("loaders/a/x.ts", "loaders/b/index.ts")], order)).toEqual(["loaders/a/x.ts imports loaders/b/index.ts: runs back up the pipeline (loaders/a comes before loaders/b)"]);
  });

  it("see an import past another stage's entry file, and a value from the engine in a component", () => {
    expect(violations([edge("loaders/b/y.ts", "loaders/a/x.ts")], order)).toEqual(["loaders/b/y.ts imports loaders/a/x.ts: past loaders/a/index.ts"]);
    expect(violations([edge("src/components/c.ts", "loaders/a/index.ts")], ["loaders/a", "src/components"])).toHaveLength(1);
    expect(violations([edge("src/components/c.ts", "loaders/a/index.ts", true)], ["loaders/a", "src/components"])).toEqual([]);
  });

  it("see a cycle, and none in a chain", () => {
    expect(cycles([edge("a", "b"), edge("b", "c"), edge("c", "a")])).toEqual([["a", "b", "c", "a"]]);
    expect(cycles([edge("a", "b"), edge("b", "c")])).toEqual([]);
  });
});
