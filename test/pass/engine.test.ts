import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {generateProductionCsv} from "../../bench/generate.js";
import {loadModelInputs} from "../../loaders/inputs/index.js";
import {cliJson, reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {formatScoresCsv, scoresHeader} from "../../loaders/scoring/index.js";
import {parseProduction, referenceInputs} from "../builders/csv-parse-reference.js";
import {freshCache} from "../builders/engine.js";
import {expectClose, runTs, seedData, tempDir, tablesDone} from "../builders/helpers.js";
import {expectSameFigures} from "../builders/same-figures.js";

const csvName = "production_simulation.csv";
// Generated logs run to tens of megabytes: removed after the suite.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

function scratch(prefix?: string): string {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir;
}

/** A data folder with the seed model and statistics and a generated log of `rows` rows, optionally edited. */
async function generatedData(rows: number, edit?: (text: string) => string): Promise<string> {
  const dir = scratch("report-engine-");
  const seed = await loadModelInputs(seedData);
  for (const file of [seed.files.model, seed.files.stats]) copyFileSync(file, join(dir, basename(file)));
  const csv = join(dir, csvName);
  generateProductionCsv(seed.files.productions[0].path, csv, {rows});
  if (edit) writeFileSync(csv, edit(readFileSync(csv, "utf8")));
  return dir;
}

/** The log's lines split into `count` files (each with the header), in a new folder with the same model and statistics: the same rows as one log. */
function splitInto(dir: string, count: number): string {
  const out = scratch("report-split-");
  for (const name of readdirSync(dir)) if (!name.endsWith(".csv")) copyFileSync(join(dir, name), join(out, name));
  const [header, ...lines] = readFileSync(join(dir, csvName), "utf8").trimEnd().split("\n");
  mkdirSync(join(out, "logs"));
  for (let i = 0; i < count; ++i) {
    const part = lines.slice(Math.floor((i * lines.length) / count), Math.floor(((i + 1) * lines.length) / count));
    writeFileSync(join(out, "logs", `part-${String(i).padStart(2, "0")}.csv`), [header, ...part].join("\n") + "\n");
  }
  return out;
}

function expectSameTables(actual: Tables, expected: Tables): void {
  const a = new Map(cliJson(actual));
  for (const [name, text] of cliJson(expected)) {
    const mine = a.get(name);
    if (name === "summary.json" || name === "monitoring-spec.json") continue; // they name the files read
    expectSameFigures(JSON.parse(mine ?? "null"), JSON.parse(text), 1e-9, name);
  }
}

describe("a 50,000-row log, larger than a read block, split across blocks, threads and files, gives the one-range figures", () => {
  let dir: string;
  let reference: Tables;

  beforeAll(async () => {
    dir = await generatedData(50_000);
    // The small-data reference: one thread, one byte range.
    reference = await reportTables(dir, {cacheDir: freshCache(), threads: 1, scores: true});
  }, 120_000);

  it("is read in several 4 MB blocks", () => {
    expect(readFileSync(join(dir, csvName)).length).toBeGreaterThan(6 * (4 << 20));
    expect(reference.inputs.log.rows).toBe(50_000);
  });

  it("two byte ranges on two worker threads: every table to 1e-9, the same counts and order", async () => {
    const two = await reportTables(dir, {cacheDir: freshCache(), threads: 2, minBytesPerThread: 1 << 20});
    expect(two.inputs.log.contributions[0].parts).toHaveLength(2);
    expectSameTables(two, reference);
  }, 120_000);

  it("the same rows as seven files in a subfolder, on two threads: every table to 1e-9", async () => {
    const split = await reportTables(splitInto(dir, 7), {cacheDir: freshCache(), threads: 2, scores: true});
    expect(split.inputs.log.files.map((f) => f.name)).toEqual(Array.from({length: 7}, (_, i) => `logs/part-0${i}.csv`));
    expectSameTables(split, reference);
  }, 120_000);

  it("agrees with the reference reader (csv-parse) and a direct recomputation: rows, RMSE, feature means", async () => {
    const ref = await referenceInputs(dir);
    expect(reference.performance.n).toBe(ref.production.rows);
    let sse = 0;
    for (const e of ref.scores.error) sse += e * e;
    expectClose(reference.performance.overall.rmse, Math.sqrt(sse / ref.production.rows), 1e-12);
    ref.production.x.forEach((column, j) => {
      const present = column.filter((x) => x === x);
      const mean = present.reduce((s, x) => s + x, 0) / present.length;
      expectClose(reference.drift.features[j].prod_mean, mean, 1e-12);
    });
  });

  it("scores.csv is byte for byte the reference reader's rows, in log order, whole and split", async () => {
    const ref = await referenceInputs(dir);
    const expected = scoresHeader.join(",") + "\n" + formatScoresCsv(ref.production, ref.scores);
    for (const data of [dir, splitInto(dir, 3)]) {
      const out = join(scratch(), "out");
      const run = runTs("loaders/cli/tables.ts", ["--data", data, "--out", out], {REPORT_CACHE_DIR: freshCache()});
      expect(run.status).toBe(0);
      expect(readFileSync(join(out, "scores.csv"), "utf8") === expected).toBe(true);
    }
  }, 120_000);
});

describe("ranges on several threads", () => {
  it("a guessed range start inside a quoted line break is caught and the file read in one range", async () => {
    // Every record ends with a note holding a line break, so a split guessed at a line break is usually inside quotes.
    const dir = await generatedData(4000, (text) => text.replace(/\n/g, ',"a\nb"\n').replace(/,"a\nb"\n/, ',"note"\n'));
    const one = await reportTables(dir, {cacheDir: freshCache(), threads: 1});
    const four = await reportTables(dir, {cacheDir: freshCache(), threads: 4, minBytesPerThread: 64 << 10});
    expect(four.inputs.log.contributions[0].parts).toHaveLength(1);
    expectSameTables(four, one);
  });

  /** The reference reader's message for a log, and the engine's on three threads. */
  async function messages(edit: (lines: string[]) => void): Promise<[string, string]> {
    const dir = await generatedData(4000, (text) => {
      const lines = text.split("\n");
      edit(lines);
      return lines.join("\n");
    });
    const csv = join(dir, csvName);
    const model = await loadModelInputs(dir);
    const failure = (f: () => unknown) =>
      Promise.resolve()
        .then(f)
        .then(
          () => "no error",
          (error: Error) => error.message,
        );
    return [
      await failure(() => parseProduction(readFileSync(csv, "utf8"), model.model.features, csv, basename(model.files.model))),
      await failure(() => reportTables(dir, {cacheDir: freshCache(), threads: 3, minBytesPerThread: 64 << 10})),
    ];
  }

  it("a bad value in the last range is reported with its line in the whole file", async () => {
    const [reference, engine] = await messages((lines) => (lines[3500] = lines[3500].replace(/,\d+(\.\d+)?,/, ",12x5,")));
    expect(reference).toMatch(/production_simulation\.csv:3501:\w+: "12x5" is not a number$/);
    expect(engine).toBe(reference);
  });

  it("a syntax error late in the file wins over a bad value early, as with csv-parse", async () => {
    const [reference, engine] = await messages((lines) => {
      lines[100] = lines[100].replace(/,\d+(\.\d+)?,/, ",oops,");
      lines[3900] = lines[3900].replace(/^"(\w+)"/, '"$1"x');
    });
    expect(reference).toMatch(/:3901: not valid CSV \(Invalid Closing Quote: got "x" at line 3901/);
    expect(engine).toBe(reference);
  });

  it("faults in different ranges are all listed, in file order, as one reading of the file lists them", async () => {
    const [reference, engine] = await messages((lines) => {
      lines[3500] = lines[3500].replace(/,\d+(\.\d+)?,/, ",12x5,");
      lines[40] = lines[40].replace(/"\d{4}-\d\d-\d\d"/, '"2026-02-30"');
      lines[2000] = lines[2000].replace(/,[^,]*$/, "");
      lines[2500] = lines[2500].replace(/^("[^"]*",)"[^"]*"/, '$1""');
    });
    const listed = engine.split("\n");
    expect(listed).toHaveLength(4);
    expect(listed[0]).toMatch(/production_simulation\.csv:41:date: "2026-02-30" is not a date/);
    expect(listed[1]).toMatch(/:2001: expected \d+ fields, found \d+$/);
    expect(listed[2]).toMatch(/:2501:date: missing value in a required column$/);
    expect(listed[3]).toMatch(/:3501:\w+: "12x5" is not a number$/);
    expect(engine).toBe(reference);
  });

  it("a Latin-1 brand in the last range stops with one line naming its line and column, as one range does", async () => {
    const dir = await generatedData(4000);
    const csv = join(dir, csvName);
    // Read and written as latin1, each character is one byte: "é" becomes the byte 0xE9, which is not UTF-8.
    const lines = readFileSync(csv, "latin1").split("\n");
    const fields = lines[3500].split(",");
    fields[3] = '"Acmé"';
    lines[3500] = fields.join(",");
    writeFileSync(csv, lines.join("\n"), "latin1");
    const failure = (threads: number) =>
      reportTables(dir, {cacheDir: freshCache(), threads, minBytesPerThread: 64 << 10}).then(
        () => "no error",
        (error: Error) => error.message,
      );
    const [one, three] = [await failure(1), await failure(3)];
    expect(three).toMatch(/production_simulation\.csv:3501:brand: not valid UTF-8: the file must be UTF-8 \(.*\)$/);
    expect(three).not.toContain("\n");
    expect(three).toBe(one);
  });

  it("the problems of every file of a log are listed together, in log order", async () => {
    // 3,000 rows in three files of 1,000: line 101 of the whole log is line 101 of part-00, line 2,601 is line 601 of part-02.
    const dir = splitInto(
      await generatedData(3000, (text) => {
        const lines = text.split("\n");
        lines[2600] = lines[2600].replace(/,\d+(\.\d+)?,/, ",12x5,");
        lines[100] = lines[100].replace(/^("[^"]*",)"[^"]*"/, '$1""');
        return lines.join("\n");
      }),
      3,
    );
    const message = await reportTables(dir, {cacheDir: freshCache(), threads: 2, minBytesPerThread: 64 << 10}).then(
      () => "no error",
      (error: Error) => error.message,
    );
    expect(message.split("\n")).toEqual([expect.stringMatching(/part-00\.csv:101:date: missing value in a required column$/), expect.stringMatching(/part-02\.csv:601:\w+: "12x5" is not a number$/)]);
  });

  it("a ragged record in the middle range", async () => {
    const [reference, engine] = await messages((lines) => (lines[2000] = lines[2000].replace(/,[^,]*$/, "")));
    expect(reference).toMatch(/:2001: expected \d+ fields, found \d+$/);
    expect(engine).toBe(reference);
  });
});

describe("the tables CLI", () => {
  it("stops on bad input with one line naming file, line and column, and writes nothing", async () => {
    const dir = await generatedData(4000, (text) => text.replace(/\n("[^"]*","[^"]*",)"[^"]*"/, '\n$1""'));
    const out = join(scratch(), "out");
    const run = runTs("loaders/cli/tables.ts", ["--data", dir, "--out", out], {REPORT_CACHE_DIR: freshCache()});
    expect(run.stderr).toMatch(/^error: .*production_simulation\.csv:2:category: missing value in a required column\n$/);
    expect(run.status).toBe(1);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("writes every table the site shows, and scores.csv", async () => {
    const out = join(scratch(), "out");
    const run = runTs("loaders/cli/tables.ts", ["--data", seedData, "--out", out], {REPORT_CACHE_DIR: freshCache()});
    expect(run.stderr).toMatch(tablesDone);
    expect(readdirSync(out).sort()).toEqual(
      ["drift-report", "drift", "memo", "monitoring-spec", "monitoring", "performance-detail", "performance", "retraining", "risk", "summary"].map((n) => `${n}.json`).concat("scores.csv").sort(),
    );
  });
});
