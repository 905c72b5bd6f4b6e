import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {InputError} from "../../loaders/errors.js";
import {cliJson, reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {scoresHeader} from "../../loaders/scoring/index.js";
import {freshCache} from "../builders/engine.js";
import {runTs, seedData, tempDir} from "../builders/helpers.js";
import {columnFacts, parquetMetadataOf, parquetWriter, type ParquetWriter} from "../builders/parquet.js";
import {expectSameFigures} from "../builders/same-figures.js";

const csvName = "production_simulation.csv";
const seedCsv = join(seedData, csvName);
const made: string[] = [];
let duck: ParquetWriter;
beforeAll(async () => {
  duck = await parquetWriter(seedCsv);
});
afterAll(() => {
  duck.close();
  made.forEach((dir) => rmSync(dir, {recursive: true, force: true}));
});

/** A data folder with the seed model and statistics and no log yet. */
function folder(): string {
  const dir = tempDir("report-parquet-");
  made.push(dir);
  for (const f of ["production_model.rds", "training_stats.rds"]) copyFileSync(join(seedData, f), join(dir, f));
  return dir;
}

/** Every file the tables CLI writes, as text: the JSON tables and scores.csv (the rows of every part, in log order). */
async function outputsOf(dir: string, threads = 1): Promise<{tables: Tables; files: Map<string, string>}> {
  const tables = await reportTables(dir, {cacheDir: freshCache(), threads, scores: true});
  const files = new Map(cliJson(tables));
  const rows = tables.inputs.log.contributions.flatMap((c) => c.parts.map((p) => (p.scores === null ? expect.fail(`${c.file.name} has no scores.csv rows`) : readFileSync(p.scores, "utf8"))));
  files.set("scores.csv", scoresHeader.join(",") + "\n" + rows.join(""));
  return {tables, files};
}

/**
 * The same bytes in every output file but summary.json (which lists the
 * files read, with their kinds and hashes); `names` maps the file names one
 * log's outputs mention to the other's.
 */
function expectSameOutputs(actual: Map<string, string>, expected: Map<string, string>, names: [string, string][] = []): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, text] of expected) {
    if (name === "summary.json") continue;
    const mine = names.reduce((t, [from, to]) => t.replaceAll(from, to), actual.get(name) ?? "");
    if (mine === text) continue;
    let at = 0;
    while (mine[at] === text[at]) ++at;
    expect.fail(`${name} differs at character ${at}: …${mine.slice(Math.max(0, at - 60), at + 60)}… where the CSV's has …${text.slice(Math.max(0, at - 60), at + 60)}…`);
  }
}

describe("a Parquet log gives exactly the CSV's tables and scores.csv", () => {
  let reference: Map<string, string>;
  beforeAll(async () => {
    const dir = folder();
    copyFileSync(seedCsv, join(dir, csvName));
    reference = (await outputsOf(dir)).files;
  });

  const variants: [string, string, string, (m: ReturnType<typeof parquetMetadataOf>) => void][] = [
    [
      "uncompressed; DATE, DOUBLE and INT64 columns; dictionary-encoded strings; nulls",
      "SELECT * FROM log",
      "COMPRESSION uncompressed",
      (m) => {
        expect(columnFacts(m, "actual_price").codecs).toEqual(new Set(["UNCOMPRESSED"]));
        expect(columnFacts(m, "date").type).toBe("INT32/DATE");
        expect(columnFacts(m, "units_sold").type).toMatch(/^INT64\//);
        expect(columnFacts(m, "num_images").type).toMatch(/^INT64\//);
        expect(columnFacts(m, "unit_cost").type).toBe("DOUBLE/-");
        expect([...columnFacts(m, "category").encodings].some((e) => e.endsWith("DICTIONARY"))).toBe(true);
      },
    ],
    ["Snappy", "SELECT * FROM log", "COMPRESSION snappy", (m) => expect(columnFacts(m, "unit_cost").codecs).toEqual(new Set(["SNAPPY"]))],
    ["ZSTD", "SELECT * FROM log", "COMPRESSION zstd", (m) => expect(columnFacts(m, "unit_cost").codecs).toEqual(new Set(["ZSTD"]))],
    ["gzip", "SELECT * FROM log", "COMPRESSION gzip", (m) => expect(columnFacts(m, "unit_cost").codecs).toEqual(new Set(["GZIP"]))],
    [
      "TIMESTAMP dates (at midnight, and at other times of the day)",
      "SELECT * REPLACE (CAST(date AS TIMESTAMP) + to_seconds((rn % 86400)::BIGINT) AS date) FROM log",
      "COMPRESSION snappy",
      (m) => expect(columnFacts(m, "date").type).toBe("INT64/TIMESTAMP"),
    ],
    [
      "TIMESTAMP WITH TIME ZONE dates, in milliseconds",
      "SELECT * REPLACE (CAST(CAST(date AS TIMESTAMP) + INTERVAL 13 HOUR AS TIMESTAMPTZ) AS date) FROM log",
      "COMPRESSION zstd",
      (m) => expect(columnFacts(m, "date").type).toBe("INT64/TIMESTAMP"),
    ],
    [
      "text dates, INT32 and DECIMAL numbers",
      "SELECT * REPLACE (CAST(date AS VARCHAR) AS date, CAST(num_variants AS INTEGER) AS num_variants, CAST(actual_price AS DECIMAL(12, 2)) AS actual_price) FROM log",
      "COMPRESSION zstd",
      (m) => {
        expect(columnFacts(m, "date").type).toMatch(/^BYTE_ARRAY\//);
        expect(columnFacts(m, "num_variants").type).toMatch(/^INT32\//);
        expect(columnFacts(m, "actual_price").type).toMatch(/DECIMAL$/);
      },
    ],
    [
      "columns in another order, and columns the report does not use",
      "SELECT actual_price, * EXCLUDE (actual_price), 'x' || rn AS batch_note, rn * 2 AS extra_number FROM log",
      "COMPRESSION zstd",
      (m) => expect(m.schema[1].name).toBe("actual_price"),
    ],
  ];

  it.each(variants)("%s", async (_name, select, options, isAsSaid) => {
    const dir = folder();
    const path = join(dir, "production_simulation.parquet");
    await duck.write(path, select, options);
    isAsSaid(parquetMetadataOf(path));
    const {files, tables} = await outputsOf(dir);
    expect(tables.inputs.log.files.map((f) => f.kind)).toEqual(["parquet"]);
    // monitoring-spec.json names the log's file.
    expectSameOutputs(files, reference, [["production_simulation.parquet", csvName]]);
  });

  it("several row groups, read page by page, batches running across them: the same as the rows as CSV", async () => {
    const dir = folder();
    const path = join(dir, "production_simulation.parquet");
    // 5,000 rows (the log ten times); DuckDB writes row groups of 2,048 rows.
    await duck.write(path, "SELECT * REPLACE (rn + 1000 * range AS rn) FROM log, range(10)", "COMPRESSION snappy, ROW_GROUP_SIZE 2048");
    expect(parquetMetadataOf(path).row_groups.map((g) => Number(g.num_rows))).toEqual([2048, 2048, 904]);
    const csvDir = folder();
    const [header, ...lines] = readFileSync(seedCsv, "utf8").trimEnd().split("\n");
    writeFileSync(join(csvDir, csvName), [header, ...Array.from({length: 10}, () => lines).flat()].join("\n") + "\n");
    expectSameOutputs((await outputsOf(dir)).files, (await outputsOf(csvDir)).files, [["production_simulation.parquet", csvName]]);
  });
});

describe("a Parquet file of several row groups on two threads", () => {
  it("is shared among the threads by row group: its tables agree with the CSV's to 1e-9 and scores.csv is the same bytes", async () => {
    const dir = folder();
    await duck.write(join(dir, "production_simulation.parquet"), "SELECT * REPLACE (rn + 1000 * range AS rn) FROM log, range(10)", "COMPRESSION zstd, ROW_GROUP_SIZE 2048");
    const csvDir = folder();
    const [header, ...lines] = readFileSync(seedCsv, "utf8").trimEnd().split("\n");
    writeFileSync(join(csvDir, csvName), [header, ...Array.from({length: 10}, () => lines).flat()].join("\n") + "\n");
    const tables = await reportTables(dir, {cacheDir: freshCache(), threads: 2, minBytesPerThread: 1, scores: true});
    const parts = tables.inputs.log.contributions[0].parts;
    // Two threads, two parts of about equal bytes, each of whole row groups (2,048 + 2,048 | 904 rows).
    expect(parts.map((p) => p.rows)).toEqual([4096, 904]);
    const one = await outputsOf(csvDir);
    const scores = scoresHeader.join(",") + "\n" + parts.map((p) => readFileSync(p.scores ?? expect.fail("no scores.csv rows"), "utf8")).join("");
    expect(scores === one.files.get("scores.csv")).toBe(true);
    for (const [name, text] of cliJson(tables)) {
      if (name === "summary.json" || name === "monitoring-spec.json") continue;
      expectSameFigures(JSON.parse(text), JSON.parse(one.files.get(name) ?? "null"), 1e-9, name);
    }
  });
});

describe("a folder of daily files, CSV and Parquet mixed, in a subfolder", () => {
  const [header, ...lines] = readFileSync(seedCsv, "utf8").trimEnd().split("\n");
  const days = [...new Set(lines.map((l) => l.split(",")[1].replace(/"/g, "")))];
  const isCsv = (i: number) => i % 3 === 0 || i === days.length - 1;
  let allCsv: Awaited<ReturnType<typeof outputsOf>>;
  let mixedDir: string;

  beforeAll(async () => {
    // The same days, every one a CSV file: the reference for the mixed folder (the same files, so the same sums merged in the same order).
    const csvDir = folder();
    mkdirSync(join(csvDir, "logs"));
    for (const day of days) writeFileSync(join(csvDir, "logs", `${day}.csv`), [header, ...lines.filter((l) => l.includes(`"${day}"`))].join("\n") + "\n");
    allCsv = await outputsOf(csvDir);
    mixedDir = folder();
    mkdirSync(join(mixedDir, "logs"));
    const codecs = ["snappy", "zstd", "uncompressed"];
    for (const [i, day] of days.entries()) {
      if (isCsv(i)) copyFileSync(join(csvDir, "logs", `${day}.csv`), join(mixedDir, "logs", `${day}.csv`));
      else {
        const date = i % 2 === 0 ? "date" : "CAST(date AS TIMESTAMP)";
        await duck.write(join(mixedDir, "logs", `${day}.parquet`), `SELECT * REPLACE (${date} AS date) FROM log WHERE date = DATE '${day}'`, `COMPRESSION ${codecs[i % 3]}`);
      }
    }
  });

  it("is 30 files, 19 of them Parquet, in day order", () => {
    expect(days).toHaveLength(30);
    const names = readdirSync(join(mixedDir, "logs")).sort();
    expect(names.filter((n) => n.endsWith(".parquet"))).toHaveLength(19);
    expect(names.map((n) => n.slice(0, 10))).toEqual(days);
  });

  it("gives byte-identical tables and scores.csv to the same days as CSV files, on one thread and on two", async () => {
    for (const threads of [1, 2]) {
      const mixed = await outputsOf(mixedDir, threads);
      expect(mixed.tables.inputs.log.files.map((f) => f.kind)).toEqual(days.map((_, i) => (isCsv(i) ? "csv" : "parquet")));
      expectSameOutputs(mixed.files, allCsv.files);
    }
  });

  it("gives the single CSV's scores.csv byte for byte, and its tables to 1e-9 (the days' sums merged)", async () => {
    const single = folder();
    copyFileSync(seedCsv, join(single, csvName));
    const one = await outputsOf(single);
    const mixed = await outputsOf(mixedDir);
    expect(mixed.files.get("scores.csv") === one.files.get("scores.csv")).toBe(true);
    for (const [name, text] of one.files) {
      if (name === "scores.csv" || name === "summary.json" || name === "monitoring-spec.json") continue;
      expectSameFigures(JSON.parse(mixed.files.get(name) ?? "null"), JSON.parse(text), 1e-9, name);
    }
  });

  it("the data notes list the files with their kinds, and a second run takes every file from the cache", async () => {
    const cache = freshCache();
    const cold = await reportTables(mixedDir, {cacheDir: cache, threads: 2});
    expect(cold.inputs.log.files.filter((f) => f.kind === "parquet")).toHaveLength(19);
    expect(cold.inputs.log.files.every((f) => !f.cached)).toBe(true);
    const warm = await reportTables(mixedDir, {cacheDir: cache, threads: 2});
    expect(warm.inputs.log.files.every((f) => f.cached)).toBe(true);
    const text = (t: Tables) => cliJson(t).filter(([name]) => name !== "summary.json").map(([, t]) => t);
    expect(text(warm)).toEqual(text(cold));
  });
});

describe("bad Parquet input stops with one line naming the file (and the column or row)", () => {
  const file = "production_simulation.parquet";
  /** A data folder whose log is one Parquet file, made by `make`. */
  const cases: [string, (path: string) => Promise<void>, RegExp][] = [
    ["an empty file", async (path) => writeFileSync(path, ""), /production_simulation\.parquet: empty file: expected a Parquet file$/],
    ["a CSV named .parquet", async (path) => copyFileSync(seedCsv, path), /production_simulation\.parquet: not a Parquet file \(it does not start with PAR1\)/],
    [
      "a truncated file (the copy stopped half-way)",
      async (path) => {
        await duck.write(path, "SELECT * FROM log");
        const bytes = readFileSync(path);
        writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
      },
      /production_simulation\.parquet: truncated or damaged Parquet file \(it does not end with PAR1/,
    ],
    [
      "damaged data pages (footer intact)",
      async (path) => {
        await duck.write(path, "SELECT * FROM log", "COMPRESSION zstd");
        const bytes = readFileSync(path);
        const at = Math.floor(bytes.length * 0.4);
        for (let i = at; i < at + 300; ++i) bytes[i] ^= 0x5a;
        writeFileSync(path, bytes);
      },
      /production_simulation\.parquet: damaged Parquet file \(rows 1 to 500 cannot be read: .+\)$/,
    ],
    ["a missing required column", (path) => duck.write(path, "SELECT * EXCLUDE (brand) FROM log"), /production_simulation\.parquet: missing required column "brand"$/],
    [
      "a model feature missing",
      (path) => duck.write(path, "SELECT * EXCLUDE (page_views_7d) FROM log"),
      /production_simulation\.parquet: missing column "page_views_7d" that production_model\.rds uses as feature$/,
    ],
    [
      "the price stored as text",
      (path) => duck.write(path, "SELECT * REPLACE (CAST(actual_price AS VARCHAR) AS actual_price) FROM log"),
      /production_simulation\.parquet: column "actual_price": holds text \(\w+\) values, where the report reads numbers/,
    ],
    ["a date stored as a number", (path) => duck.write(path, "SELECT * REPLACE (20261001.0::DOUBLE AS date) FROM log"), /production_simulation\.parquet: column "date": holds floating-point \(DOUBLE\) values, where the report reads a DATE/],
    ["a nested column", (path) => duck.write(path, "SELECT * REPLACE ([unit_cost] AS unit_cost) FROM log"), /production_simulation\.parquet: column "unit_cost": is a nested or repeated column/],
    [
      "a null in a required column",
      (path) => duck.write(path, "SELECT * REPLACE (CASE WHEN rn = 7 THEN NULL ELSE brand END AS brand) FROM log"),
      /production_simulation\.parquet: row 7, column "brand": missing value in a required column$/,
    ],
    // A null price is a label not yet arrived (issue 22, test/pipeline/late-labels.test.ts); a NaN one is a bad value.
    ["a NaN price", (path) => duck.write(path, "SELECT * REPLACE (CASE WHEN rn = 9 THEN 'NaN'::DOUBLE ELSE actual_price END AS actual_price) FROM log"), /production_simulation\.parquet: row 9, column "actual_price": "NaN" is not a number$/],
    ["a NaN feature", (path) => duck.write(path, "SELECT * REPLACE (CASE WHEN rn = 3 THEN 'NaN'::DOUBLE ELSE unit_cost END AS unit_cost) FROM log"), /production_simulation\.parquet: row 3, column "unit_cost": "NaN" is not a number$/],
    ["a text date that is not a day", (path) => duck.write(path, "SELECT * REPLACE (CASE WHEN rn = 4 THEN '2026-02-30' ELSE CAST(date AS VARCHAR) END AS date) FROM log"), /row 4, column "date": "2026-02-30" is not a date \(expected YYYY-MM-DD\)$/],
    ["columns but no rows", (path) => duck.write(path, "SELECT * FROM log WHERE false"), /production_simulation\.parquet: no rows: the file has its columns but no data rows$/],
  ];

  it.each(cases)("%s", async (_name, make, message) => {
    const dir = folder();
    await make(join(dir, file));
    const error = await reportTables(dir, {cacheDir: freshCache(), threads: 1}).then(
      () => expect.fail("the inputs were accepted"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const text = (error as InputError).message;
    expect(text).not.toContain("\n");
    expect(text).toMatch(message);
  });

  it("several bad values are listed together, in row order, with a file of the log that lacks an optional column named", async () => {
    const dir = folder();
    await duck.write(join(dir, file), "SELECT * REPLACE (CASE WHEN rn IN (5, 12) THEN NULL ELSE category END AS category, CASE WHEN rn = 5 THEN 'Infinity'::DOUBLE ELSE weight_kg END AS weight_kg) FROM log");
    const message = await reportTables(dir, {cacheDir: freshCache(), threads: 1}).then(
      () => expect.fail("accepted"),
      (e: unknown) => (e as Error).message,
    );
    expect(message.split("\n")).toEqual([
      expect.stringMatching(/row 5, column "category": missing value in a required column$/),
      expect.stringMatching(/row 5, column "weight_kg": "Infinity" is not a number$/),
      expect.stringMatching(/row 12, column "category": missing value in a required column$/),
    ]);
    const two = folder();
    copyFileSync(seedCsv, join(two, "a.csv"));
    await duck.write(join(two, "b.parquet"), "SELECT * EXCLUDE (latency_ms) FROM log");
    await expect(reportTables(two, {cacheDir: freshCache(), threads: 1})).rejects.toThrow(/b\.parquet: column "latency_ms": has no "latency_ms" column, which a\.csv has: every file of the log must have the same optional columns$/);
  });

  it.each([cases[1], cases[6]])("the tables CLI on %s: one line on stderr, exit 1, nothing written", async (_name, make, message) => {
    const dir = folder();
    await make(join(dir, file));
    const out = join(tempDir(), "out");
    const run = runTs("loaders/cli/tables.ts", ["--data", dir, "--out", out], {REPORT_CACHE_DIR: freshCache()});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(message);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
