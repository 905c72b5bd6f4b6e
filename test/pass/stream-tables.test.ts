import {copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {generateProductionCsv} from "../../bench/generate.js";
import {loadModelInputs, type Inputs, type ModelInputs} from "../../loaders/inputs/load.js";
import {parseProduction, type ProductionData} from "../../loaders/inputs/production.js";
import {formatScoresCsv, scoresHeader} from "../../loaders/scoring/scores-csv.js";
import {parseProductionBytes} from "../../loaders/inputs/csv/production-bytes.js";
import {streamTables, type StreamedTables} from "../../loaders/pipeline/stream-tables.js";
import {accumulate, emptyAccumulation} from "../../loaders/daily/accumulate.js";
import {score, scoringPlan} from "../../loaders/scoring/score.js";
import {passRowFeatures} from "../../loaders/pipeline/row-features.js";
import {passTables, type PassTables} from "../../loaders/pipeline/tables.js";
import {runTs, seedData, tempDir} from "../builders/helpers.js";
import {expectSameFigures} from "../builders/same-figures.js";

const csvName = "production_simulation.csv";

const generated = new Map<number, string>();
// Generated logs run to tens of megabytes: removed after the suite.
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

function scratch(prefix?: string): string {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir;
}

/** A data folder with the seed model and statistics and a generated log of `rows` rows, optionally edited. */
async function generatedData(rows: number, edit?: (text: string) => string): Promise<{dir: string; csv: string; model: ModelInputs}> {
  const dir = scratch("report-stream-");
  const seed = await loadModelInputs(seedData);
  for (const file of [seed.files.model, seed.files.stats]) copyFileSync(file, join(dir, basename(file)));
  const csv = join(dir, csvName);
  const made = generated.get(rows);
  if (made === undefined) {
    generateProductionCsv(seed.files.production, csv, {rows});
    if (rows <= 10_000) generated.set(rows, readFileSync(csv, "utf8"));
  } else writeFileSync(csv, made);
  if (edit) writeFileSync(csv, edit(readFileSync(csv, "utf8")));
  return {dir, csv, model: await loadModelInputs(dir)};
}

/**
 * The reference: csv-parse reads the log, the in-memory path scores and
 * accumulates every row and computes the tables (buildTables' steps, less the
 * two tables the streaming path does not give).
 */
function inMemory(dir: string, csv: string, model: ModelInputs): PassTables {
  const text = readFileSync(csv, "utf8");
  const production = parseProduction(text, model.model.features, csv, basename(model.files.model));
  const bytes = {production: new Uint8Array(), model: new Uint8Array(), stats: new Uint8Array()};
  const inputs: Inputs = {files: model.files, bytes, production, model: model.model, stats: model.stats};
  const scores = score(production, scoringPlan(model.model, model.stats));
  return passTables(inputs, scores, accumulate(emptyAccumulation(production.features.length), production, scores));
}

function stream(model: ModelInputs, scoresFile: string | null, threads: number, minBytesPerThread?: number): Promise<StreamedTables> {
  return streamTables(model, {scoresFile, threads, minBytesPerThread});
}

/** Same rows, same text, same numbers to the bit (NaN where missing); plain loops, as deep equality on 4 million cells is slow. */
function expectSameProduction(actual: ProductionData, expected: ProductionData): void {
  expect(actual.rows).toBe(expected.rows);
  expect(actual.extraColumns).toEqual(expected.extraColumns);
  const columns: [string, ArrayLike<string | number> | null, ArrayLike<string | number> | null][] = [
    ...(["productId", "date", "category", "brand", "priceTier", "actualPrice", "unitsSold", "latencyMs"] as const).map((key) => [key, actual[key], expected[key]] as [string, ArrayLike<string | number> | null, ArrayLike<string | number> | null]),
    ...actual.x.map((column, j) => [expected.features[j], column, expected.x[j]] as [string, ArrayLike<number>, ArrayLike<number>]),
  ];
  for (const [name, a, b] of columns) {
    if (a === null || b === null) {
      expect(a, name).toBe(b);
      continue;
    }
    expect(a.length, name).toBe(b.length);
    for (let r = 0; r < a.length; ++r) if (!Object.is(a[r], b[r])) expect.fail(`${name}, row ${r + 1}: ${a[r]} instead of ${b[r]}`);
  }
}

describe("a generated 50,000-row log: the streaming path gives the in-memory figures", () => {
  let data: Awaited<ReturnType<typeof generatedData>>;
  let reference: PassTables;
  let streamed: StreamedTables;
  let scoresFile: string;

  beforeAll(async () => {
    data = await generatedData(50_000);
    reference = inMemory(data.dir, data.csv, data.model);
    scoresFile = join(scratch(), "scores.csv");
    streamed = await stream(data.model, scoresFile, 2);
  }, 120_000);

  it("reads the log in two ranges on two worker threads", () => {
    expect(streamed.threads).toBe(2);
    expect(streamed.accumulation.rows).toBe(50_000);
  });

  it("performance: every figure to 1e-9, same segments, days and order", () => {
    expectSameFigures(streamed.performance, reference.performance);
  });

  it("drift: every figure to 1e-9, same features and order", () => {
    expectSameFigures(streamed.drift, reference.drift);
  });

  it("the row-level tables (performance detail, monitoring, its spec) from the rows the stream keeps", () => {
    expectSameFigures(streamed.performanceDetail, reference.performanceDetail);
    expectSameFigures(streamed.monitoring, reference.monitoring);
    expectSameFigures(streamed.monitoringSpec, reference.monitoringSpec);
  });

  it("retraining, risk and memo: every figure to 1e-9, same structure and sentences", () => {
    expectSameFigures(streamed.retraining, reference.retraining);
    expectSameFigures(streamed.risk, reference.risk);
    expectSameFigures(streamed.memo, reference.memo);
  });

  it("keeps, of the feature columns, exactly those passRowFeatures names, value for value", () => {
    const {model, stats} = data.model;
    const kept = new Set(passRowFeatures(model, stats));
    expect(kept.size).toBeGreaterThan(0);
    expect(kept.size).toBeLessThan(model.features.length);
    const {x} = streamed.inputs.production;
    const expected = reference.inputs.production.x;
    model.features.forEach((feature, j) => {
      if (!kept.has(feature)) return expect(() => x[j], feature).toThrow(/does not keep the feature column/);
      expect(x[j].length).toBe(expected[j].length);
      for (let r = 0; r < x[j].length; ++r) if (!Object.is(x[j][r], expected[j][r])) expect.fail(`${feature}, row ${r + 1}: ${x[j][r]} instead of ${expected[j][r]}`);
    });
  });

  it("scores.csv: byte for byte what the in-memory path writes, in input order", () => {
    const expected = scoresHeader.join(",") + "\n" + formatScoresCsv(reference.inputs.production, reference.scores);
    expect(readFileSync(scoresFile, "utf8") === expected).toBe(true);
  });

  it("the byte-level reader (behind loadInputs for large logs) gives csv-parse's ProductionData", () => {
    const csv = reference.inputs.production.file;
    expectSameProduction(parseProductionBytes(readFileSync(csv), data.model.model.features, csv, basename(data.model.files.model)), reference.inputs.production);
  });
});

describe("ranges on several threads", () => {
  it("a guessed range start inside a quoted line break is caught and the log read in one range", async () => {
    // Every record ends with a note holding a line break, so a split guessed at a line break is usually inside quotes.
    const data = await generatedData(4000, (text) => text.replace(/\n/g, ',"a\nb"\n').replace(/,"a\nb"\n/, ',"note"\n'));
    const reference = inMemory(data.dir, data.csv, data.model);
    const scoresFile = join(scratch(), "scores.csv");
    const streamed = await stream(data.model, scoresFile, 4, 64 << 10);
    expect(streamed.threads).toBe(1);
    expectSameFigures(streamed.performance, reference.performance);
    expect(readFileSync(scoresFile, "utf8")).toBe(scoresHeader.join(",") + "\n" + formatScoresCsv(reference.inputs.production, reference.scores));
  });

  /** The in-memory reader's message for a log, and the streaming path's on three threads. */
  async function messages(edit: (lines: string[]) => void): Promise<[string, string]> {
    const data = await generatedData(4000, (text) => {
      const lines = text.split("\n");
      edit(lines);
      return lines.join("\n");
    });
    const failure = (f: () => unknown) =>
      Promise.resolve()
        .then(f)
        .then(
          () => "no error",
          (error: Error) => error.message,
        );
    return [await failure(() => inMemory(data.dir, data.csv, data.model)), await failure(() => stream(data.model, null, 3, 64 << 10))];
  }

  it("a bad value in the last range is reported with its line in the whole file", async () => {
    const [reference, streamed] = await messages((lines) => (lines[3500] = lines[3500].replace(/,\d+(\.\d+)?,/, ",12x5,")));
    expect(reference).toMatch(/line 3501, column "\w+": "12x5" is not a number$/);
    expect(streamed).toBe(reference);
  });

  it("a syntax error late in the file wins over a bad value early, as with csv-parse", async () => {
    const [reference, streamed] = await messages((lines) => {
      lines[100] = lines[100].replace(/,\d+(\.\d+)?,/, ",oops,");
      lines[3900] = lines[3900].replace(/^"(\w+)"/, '"$1"x');
    });
    expect(reference).toMatch(/line 3901: not valid CSV \(Invalid Closing Quote: got "x" at line 3901/);
    expect(streamed).toBe(reference);
  });

  it("a ragged record in the middle range", async () => {
    const [reference, streamed] = await messages((lines) => (lines[2000] = lines[2000].replace(/,[^,]*$/, "")));
    expect(reference).toMatch(/line 2001: expected \d+ fields, found \d+$/);
    expect(streamed).toBe(reference);
  });
});

describe("the tables CLI on the streaming path", () => {
  it("stops on bad input with the in-memory path's message and writes nothing", async () => {
    const data = await generatedData(4000, (text) => text.replace(/\n("[^"]*","[^"]*",)"[^"]*"/, '\n$1""'));
    const runs = ["memory", "stream"].map((engine) => {
      const out = join(scratch(), "out");
      const run = runTs("loaders/cli/tables.ts", ["--data", data.dir, "--out", out, "--engine", engine]);
      return {...run, written: existsSync(out) ? readdirSync(out) : []};
    });
    expect(runs[0].stderr).toMatch(/^error: .*line 2, column "category": missing value in a required column\n$/);
    expect(runs[1].stderr).toBe(runs[0].stderr);
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.written).toEqual([]);
    }
  });

  it("writes the same files as the in-memory path", async () => {
    const data = await generatedData(4000);
    const outs = ["memory", "stream"].map((engine) => {
      const out = join(scratch(), "out");
      const run = runTs("loaders/cli/tables.ts", ["--data", data.dir, "--out", out, "--engine", engine]);
      expect(run.stderr).toBe("");
      return out;
    });
    const files = readdirSync(outs[0]).sort();
    expect(files).toContain("scores.csv");
    expect(readdirSync(outs[1]).sort()).toEqual(files);
    expect(readFileSync(join(outs[1], "scores.csv"), "utf8") === readFileSync(join(outs[0], "scores.csv"), "utf8")).toBe(true);
    for (const file of files.filter((f) => f.endsWith(".json"))) {
      expectSameFigures(JSON.parse(readFileSync(join(outs[1], file), "utf8")), JSON.parse(readFileSync(join(outs[0], file), "utf8")), 1e-9, file);
    }
  });
});
