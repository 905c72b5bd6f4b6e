import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {editText, expectClose, root, tempDir} from "../builders/helpers.js";

// Builds of the whole site from input folders other than data/. Each build takes
// a while, so this file builds three times and checks everything on those.
const altInputs = join(root, "test/fixtures/alt-inputs");
const altTruth = JSON.parse(readFileSync(join(altInputs, "truth.json"), "utf8"));

function build(dataDir: string, outDir: string) {
  const result = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "loaders/cli/build.ts")], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, REPORT_DATA_DIR: dataDir, REPORT_OUT_DIR: outDir},
  });
  return {status: result.status, stderr: result.stderr};
}

/** Every text file of a built site, path → content. */
function siteText(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "_node" && entry.name !== "_observablehq") visit(path);
      } else if (/\.(html|json|js)$/.test(entry.name)) files.set(path.slice(dir.length + 1), readFileSync(path, "utf8"));
    }
  };
  visit(dir);
  return files;
}

function dataFile(dir: string, name: string): unknown {
  const folder = join(dir, "_file/data");
  const file = readdirSync(folder).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`no ${name}.json in ${folder}`);
  return JSON.parse(readFileSync(join(folder, file), "utf8"));
}

interface Perf {
  n: number;
  overall: {rmse: number; mae: number; p95_abs_error: number};
  segments: {dimension: string; segment: string; n: number; rmse: number}[];
  daily: {date: string}[];
}

let data: string;
let out: string;

beforeAll(() => {
  data = join(tempDir("alt-data-"), "inputs");
  cpSync(altInputs, data, {recursive: true});
  for (const f of ["truth.json", "make.R"]) rmSync(join(data, f));
  out = join(tempDir("alt-site-"), "site");
  const run = build(data, out);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}, 240_000);

describe("a site built from another data folder", () => {
  it("shows that folder's figures", () => {
    const perf = dataFile(out, "performance") as Perf;
    expect(perf.n).toBe(altTruth.n);
    expectClose(perf.overall.rmse, altTruth.overall.rmse);
    expectClose(perf.overall.p95_abs_error, altTruth.overall.p95_abs);
    const categories = perf.segments.filter((s) => s.dimension === "category");
    expect(categories.map((s) => s.segment).sort()).toEqual(Object.keys(altTruth.by_category).sort());
    for (const s of categories) expectClose(s.rmse, altTruth.by_category[s.segment].rmse);
    expect(perf.daily.length).toBe(altTruth.days);
    expect(perf.daily[0].date).toBe(altTruth.first_day);
    const versions = dataFile(out, "versions") as {current: {rows: number; rmse: number; first_day: string}};
    expect(versions.current.rows).toBe(altTruth.n);
    expectClose(versions.current.rmse, altTruth.overall.rmse);
    expect(versions.current.first_day).toBe(altTruth.first_day);
  });

  it("and nothing of the seed data's", () => {
    const seedCsv = readFileSync(join(root, "data/production_simulation.csv"), "utf8");
    const header = seedCsv.slice(0, seedCsv.indexOf("\n")).replace(/"/g, "").split(",");
    const seedOnly = [
      ...header.filter((c) => !["product_id", "date", "category", "brand", "price_tier", "actual_price", "units_sold", "latency_ms"].includes(c)),
      "Electronics", "Home &amp; Kitchen", "Home & Kitchen", "Cyberdyne", "Premium", "2026-10-", "P63680", "production_simulation.csv",
    ];
    for (const [path, file] of siteText(out)) {
      // The Versions page lists the committed releases (the project's history, made from whichever data they were cut
      // from); of its data, only this build's figures must be this folder's.
      const text = /versions\.[0-9a-f]+\.json$/.test(path) ? JSON.stringify({...JSON.parse(file), releases: [], changes: []}) : file;
      for (const token of seedOnly) expect(text.includes(`"${token}`) || text.includes(`>${token}`), `${token} in ${path}`).toBe(false);
    }
  });

  it("stamps every page and version.json with the inputs' SHA-256", () => {
    const version = JSON.parse(readFileSync(join(out, "version.json"), "utf8"));
    const expected = ["march_prices.csv", "production_model.rds", "training_stats.rds"].map((file) => ({
      file,
      sha256: createHash("sha256").update(readFileSync(join(data, file))).digest("hex").slice(0, 12),
    }));
    expect(version.inputs.map(({file, sha256}: {file: string; sha256: string}) => ({file, sha256}))).toEqual(expected);
    const sha = spawnSync("sha256sum", expected.map((e) => join(data, e.file)), {encoding: "utf8"}).stdout;
    for (const e of expected) expect(sha).toContain(e.sha256);
    const pages = [...siteText(out)].filter(([path]) => path.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(1);
    for (const [path, html] of pages) {
      for (const e of expected) expect(html, path).toContain(e.sha256);
      expect(html, path).toContain(version.built_at.replace("T", " ").replace("Z", " UTC"));
    }
  });
});

describe("the stamp's commit", () => {
  it("is not marked dirty by the build's own staging folders", () => {
    // The stamp reads `git status` while dist.building-<pid> exists: it must be ignored, or every build says "uncommitted changes".
    const ignored = spawnSync("git", ["check-ignore", "dist.building-123", "dist.previous-123"], {cwd: root, encoding: "utf8"});
    expect(ignored.stdout.trim().split("\n")).toEqual(["dist.building-123", "dist.previous-123"]);
  });
});

describe("rebuilds", () => {
  it("show new figures after an input changes (never stale)", () => {
    const before = dataFile(out, "performance") as Perf;
    editText(join(data, "march_prices.csv"), (text) => {
      const lines = text.split("\n");
      const column = lines[0].split(",").indexOf('"actual_price"');
      const fields = lines[1].split(",");
      fields[column] = String(Number(fields[column]) + 100);
      lines[1] = fields.join(",");
      return lines.join("\n");
    });
    const run = build(data, out);
    expect(run.status).toBe(0);
    const after = dataFile(out, "performance") as Perf;
    expect(after.overall.rmse).toBeGreaterThan(before.overall.rmse);
    expect(after.overall.rmse).not.toBe(altTruth.overall.rmse);
  }, 240_000);

  it("that fail exit non-zero with the input's message and leave the previous site untouched", () => {
    const snapshot = new Map([...siteText(out)].map(([path, text]) => [path, text]));
    const mtime = statSync(join(out, "index.html")).mtimeMs;
    editText(join(data, "march_prices.csv"), (text) => text.replace(/\n("?[^\n,]*"?),/, '\n"not a number",'));
    const run = build(data, out);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: .*march_prices\.csv:2:stock_weeks: "not a number" is not a number\n$/);
    expect(statSync(join(out, "index.html")).mtimeMs).toBe(mtime);
    expect(siteText(out)).toEqual(snapshot);
    expect(readdirSync(join(out, "..")).filter((f) => f.includes("building") || f.includes("previous"))).toEqual([]);
    expect(existsSync(join(out, "version.json"))).toBe(true);
  }, 240_000);
});
