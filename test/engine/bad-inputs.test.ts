import {copyFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {InputError} from "../../loaders/errors.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {freshCache} from "../builders/engine.js";
import {dataCopy, editText, root, runTs, tempDir} from "../builders/helpers.js";

const csv = "production_simulation.csv";

/** Replaces field `column` of physical line `line` (1-based) of a CSV file. */
function setField(file: string, line: number, column: string, value: string): void {
  editText(file, (text) => {
    const lines = text.split("\n");
    const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
    const fields = lines[line - 1].split(",");
    fields[header.indexOf(column)] = value;
    lines[line - 1] = fields.join(",");
    return lines.join("\n");
  });
}

function dropColumn(file: string, column: string): void {
  editText(file, (text) => {
    const lines = text.split("\n");
    const index = lines[0].split(",").map((h) => h.replace(/"/g, "")).indexOf(column);
    return lines.map((l) => (l === "" ? l : l.split(",").filter((_, i) => i !== index).join(","))).join("\n");
  });
}

const cases: [string, (dir: string) => void, RegExp][] = [
  ["a missing input file", (dir) => rmSync(join(dir, "production_model.rds")), /: missing production_model\.rds \(or production_model\.json\)$/],
  ["a missing required column", (dir) => dropColumn(join(dir, csv), "brand"), /production_simulation\.csv:1: missing required column "brand"$/],
  ["text in a numeric column", (dir) => setField(join(dir, csv), 7, "unit_cost", "12,5".replace(",", "x")), /production_simulation\.csv:7:unit_cost: "12x5" is not a number$/],
  ["a ragged line", (dir) => editText(join(dir, csv), (t) => t.replace(/\n([^\n]*),[^,\n]*\n/, "\n$1\n")), /production_simulation\.csv:2: expected 83 fields, found 82$/],
  ["a header-only file", (dir) => editText(join(dir, csv), (t) => t.slice(0, t.indexOf("\n") + 1)), /production_simulation\.csv: header only: the file has no data rows$/],
  ["an empty file", (dir) => writeFileSync(join(dir, csv), ""), /production_simulation\.csv: empty file/],
  ["a missing date", (dir) => setField(join(dir, csv), 12, "date", ""), /production_simulation\.csv:12:date: missing value in a required column$/],
  ["a date that is not a day", (dir) => setField(join(dir, csv), 3, "date", '"2026-02-30"'), /production_simulation\.csv:3:date: "2026-02-30" is not a date \(expected YYYY-MM-DD\)$/],
  [
    "a model feature the CSV lacks",
    (dir) => dropColumn(join(dir, csv), "page_views_7d"),
    /production_simulation\.csv:1: missing column "page_views_7d" that production_model\.rds uses as feature$/,
  ],
  [
    "statistics without per-feature SDs",
    (dir) => copyFileSync(join(root, "test/fixtures/inputs/training_stats_no_sd.rds"), join(dir, "training_stats.rds")),
    /training_stats\.rds: row 1, column "features\.sd": is missing$/,
  ],
  [
    "statistics JSON without means",
    (dir) => {
      rmSync(join(dir, "training_stats.rds"));
      const stats = JSON.parse(readFileSync(join(root, "test/fixtures/inputs/training_stats.json"), "utf8"));
      delete stats.features[3].mean;
      writeFileSync(join(dir, "training_stats.json"), JSON.stringify(stats));
    },
    /training_stats\.json: row 4, column "features\.mean": is missing$/,
  ],
  [
    "a truncated model .rds",
    (dir) => truncateSync(join(dir, "production_model.rds"), 900),
    /production_model\.rds: not a readable \.rds file: .+/,
  ],
  [
    "a truncated statistics .rds",
    (dir) => truncateSync(join(dir, "training_stats.rds"), 20000),
    /training_stats\.rds: not a readable \.rds file: .+/,
  ],
  ["no production log", (dir) => rmSync(join(dir, csv)), /: no production log in the data folder \(expected \.csv or \.parquet files\)$/],
];

describe("bad inputs stop with one clear message naming file, line or row, and column", () => {
  it.each(cases)("%s", async (_name, edit, message) => {
    const data = dataCopy(edit);
    const error = await reportTables(data, {cacheDir: freshCache()}).then(
      () => expect.fail("the inputs were accepted"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const text = (error as InputError).message;
    expect(text).not.toContain("\n");
    expect(text).toMatch(message);
  });
});

// The CLI itself, end to end, for two of the cases: one line on stderr, exit 1, nothing written.
describe("the tables CLI on bad inputs", () => {
  it.each([cases[2], cases[11]])("%s", (_name, edit, message) => {
    const data = dataCopy(edit);
    const out = join(tempDir(), "out");
    const run = runTs("loaders/cli/tables.ts", ["--data", data, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(message);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe("the tables CLI on a log with several faults", () => {
  it("lists every problem, one line each in file order, exits 1 and writes nothing", () => {
    const data = dataCopy((dir) => {
      setField(join(dir, csv), 7, "unit_cost", "12x5");
      setField(join(dir, csv), 12, "date", '"2026-02-30"');
      setField(join(dir, csv), 21, "brand", '""');
    });
    const out = join(tempDir(), "out");
    const run = runTs("loaders/cli/tables.ts", ["--data", data, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^error: .*production_simulation\.csv:7:unit_cost: "12x5" is not a number$/);
    expect(lines[1]).toMatch(/^error: .*production_simulation\.csv:12:date: "2026-02-30" is not a date \(expected YYYY-MM-DD\)$/);
    expect(lines[2]).toMatch(/^error: .*production_simulation\.csv:21:brand: missing value in a required column$/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
