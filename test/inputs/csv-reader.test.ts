import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {parseProduction} from "../builders/csv-parse-reference.js";
import {syntaxInputError} from "../../loaders/inputs/csv/header.js";
import {parseProductionBytes} from "../../loaders/inputs/csv/production-bytes.js";
import {RecordScanner, unknownBreak} from "../../loaders/inputs/csv/record-scanner.js";
import {mulberry32} from "../builders/random.js";
import {randomCsvNoise, randomFeatures, randomProductionCsvs} from "../builders/random-csv.js";

const encoder = new TextEncoder();
const features = ["f1", "f2"];
const header = "product_id,date,category,brand,price_tier,f1,f2,actual_price";

/** What a reader made of a file: its data, or its error message. */
function outcome(read: () => unknown): string {
  try {
    return JSON.stringify(read(), (_, v) => (v instanceof Float64Array ? Array.from(v, (x) => (Object.is(x, -0) ? "-0" : Number.isNaN(x) ? "NaN" : x)) : v));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** The in-memory reader (csv-parse, the reference) and the byte-level reader on the same bytes. */
function bothReaders(text: string, names = features): [string, string] {
  const bytes = encoder.encode(text);
  return [
    outcome(() => parseProduction(new TextDecoder().decode(bytes), names, "f.csv", "m.rds")),
    outcome(() => parseProductionBytes(bytes, names, "f.csv", "m.rds")),
  ];
}

describe("the byte-level reader reads what csv-parse reads, and fails where it fails, with the same message", () => {
  const cases: [string, string, RegExp | null][] = [
    ["quoted text with commas, escaped quotes and a line break", `${header}\n"P1","2026-10-01","Home, Garden","Acme ""Pro""","Mid",1.5,2,10\n"P2","2026-10-02","Multi\nline","B","Low",NA,,20\n`, null],
    ["CRLF records", `${header}\r\n"P1",2026-10-01,A,B,C,1,2,3\r\n"P2",2026-10-01,A,B,C,4,5,6\r\n`, null],
    ["CR records and no final break", `${header}\r"P1",2026-10-01,A,B,C,1,2,3\r"P2",2026-10-01,A,B,C,4,5,6`, null],
    ["NA, quoted NA and empty cells in features", `${header}\nP1,2026-10-01,A,B,C,NA,"NA",3\nP2,2026-10-01,A,B,C,"",,6\n`, null],
    ["quoted numbers, exponents and long mantissas", `${header}\nP1,2026-10-01,A,B,C,"1.5",1e3,0.12345678901234567\n`, null],
    ["blank lines and a leading BOM", `\ufeff${header}\n\nP1,2026-10-01,A,B,C,1,2,3\n\n`, null],
    ["a ragged line", `${header}\nP1,2026-10-01,A,B,C,1,2,3\nP2,2026-10-01,A,B,C,1,2\n`, /f\.csv:3: expected 8 fields, found 7$/],
    ["a bad number", `${header}\nP1,2026-10-01,A,B,C,1,12x5,3\n`, /f\.csv:2:f2: "12x5" is not a number$/],
    // Issue 22: an empty or NA actual_price is a label not yet arrived, read as NaN by both readers; a bad one is still refused.
    ["a target awaiting its label, empty and NA", `${header}\nP1,2026-10-01,A,B,C,1,2,NA\nP2,2026-10-01,A,B,C,1,2,\nP3,2026-10-01,A,B,C,1,2,"NA"\n`, null],
    ["a target that is not a number", `${header}\nP1,2026-10-01,A,B,C,1,2,abc\n`, /f\.csv:2:actual_price: "abc" is not a number$/],
    ["an impossible date", `${header}\nP1,2026-02-30,A,B,C,1,2,3\n`, /f\.csv:2:date: "2026-02-30" is not a date/],
    ["an unclosed quote", `${header}\nP1,2026-10-01,"A,B,C,1,2,3\nP2\n`, /f\.csv:3: not valid CSV \(Quote Not Closed/],
    ["text after a closing quote", `${header}\nP1,2026-10-01,"A"x,B,C,1,2,3\n`, /f\.csv:2: not valid CSV \(Invalid Closing Quote: got "x" at line 2/],
    ["a quote inside unquoted text", `${header}\nP1,2026-10-01,A"b,B,C,1,2,3\n`, /f\.csv:2: not valid CSV \(Invalid Opening Quote: a quote is found on field 2 at line 2, value is "A"\)$/],
    // csv-parse reads the whole file before any record is checked: a later syntax error wins over an earlier bad value.
    ["a bad value, then a syntax error", `${header}\nP1,2026-10-01,A,B,C,1,oops,3\nP2,2026-10-01,"A"x,B,C,1,2,3\n`, /f\.csv:3: not valid CSV/],
    ["a header only", `${header}\n\n`, /header only: the file has no data rows$/],
    ["an empty file", "\n\n", /empty file/],
    ["a missing column, with data", "product_id,date,category,brand,f1,f2,actual_price\nP1,2026-10-01,A,B,1,2,3\n", /f\.csv:1: missing required column "price_tier"$/],
    ["a missing column, without data", "product_id,date,category,brand,f1,f2,actual_price\n", /header only/],
  ];
  it.each(cases)("%s", (_name, text, error) => {
    const [reference, ours] = bothReaders(text);
    expect(ours).toBe(reference);
    if (error) expect(reference).toMatch(error);
    else expect(reference).not.toMatch(/^error/);
  });

  it("on 1,500 random small production files (about a third valid)", () => {
    const next = randomProductionCsvs(21);
    let valid = 0;
    for (let t = 0; t < 1500; ++t) {
      const text = next();
      const [reference, ours] = bothReaders(text, randomFeatures);
      if (ours !== reference) expect.fail(`${JSON.stringify(text)}\ncsv-parse: ${reference}\nbyte reader: ${ours}`);
      if (!reference.startsWith("error")) ++valid;
    }
    expect(valid).toBeGreaterThan(350);
  });
});

describe("the record scanner is csv-parse, record by record", () => {
  /** csv-parse's records with their line numbers, or its error. */
  function reference(text: string): string {
    try {
      const records = parse(new TextDecoder().decode(encoder.encode(text)), {bom: true, info: true, relax_column_count: true, skip_empty_lines: true}) as unknown as {record: string[]; info: {lines: number}}[];
      return JSON.stringify(records.map((r) => [r.info.lines, r.record]));
    } catch (error) {
      return `error: ${(error as {lines: number}).lines} ${(error as Error).message}`;
    }
  }
  /** The scanner fed a few bytes at a time (as a worker's buffer fills), from after up to two BOMs. */
  function scanned(text: string, random: () => number): string {
    const bytes = encoder.encode(text);
    let p = 0;
    for (let bom = 0; bom < 2; ++bom) if (bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
    const scanner = new RecordScanner(unknownBreak);
    const records: [number, string[]][] = [];
    let limit = Math.min(bytes.length, p + Math.floor(random() * 5));
    for (;;) {
      const result = scanner.scan(bytes, p, limit, limit === bytes.length, true);
      if (result === "more") {
        limit = Math.min(bytes.length, limit + 1 + Math.floor(random() * 4));
        continue;
      }
      if (result === "error") {
        const error = syntaxInputError(scanner.error!, "f.csv", 1);
        return `error: ${error.where.line} ${error.problem.replace(/^not valid CSV \((.*)\)$/s, "$1")}`;
      }
      if (result === "end") return JSON.stringify(records);
      if (result === "record") records.push([scanner.recordLine + 1, [...scanner.fields]]);
      p = scanner.next;
      limit = Math.max(limit, p);
    }
  }

  it("on 8,000 random strings of quotes, commas, CR, LF, NUL, BOM and text", () => {
    const next = randomCsvNoise(22);
    const random = mulberry32(23);
    for (let t = 0; t < 8_000; ++t) {
      const text = next();
      const expected = reference(text);
      const actual = scanned(text, random);
      if (actual !== expected) expect.fail(`${JSON.stringify(text)}\ncsv-parse: ${expected}\nscanner:   ${actual}`);
    }
  });
});
