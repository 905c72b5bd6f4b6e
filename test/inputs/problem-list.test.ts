import {describe, expect, it} from "vitest";
import {InputProblems} from "../../loaders/errors.js";
import {parseProductionBytes} from "../../loaders/inputs/csv/production-bytes.js";
import {parseProduction} from "../builders/csv-parse-reference.js";

const features = ["f1", "f2"];
const header = "product_id,date,category,brand,price_tier,f1,f2,actual_price";

/** The error a reader throws on a file. */
function failure(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  return expect.fail("the file was accepted");
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the input check lists every problem of the log at once, as file:line:column: message", () => {
  it("a log with several faults in different rows lists them all, in file order", () => {
    const text = [
      header,
      "P1,2026-10-01,A,B,C,1,2,3",
      "P2,2026-10-01,A,B,C,1,12x5,3", // a bad number
      "P3,2026-10-01,A,B,C,1,2,3",
      "P4,2026-13-01,A,B,C,1,2,3", // a bad date
      "P5,2026-10-01,A,,C,1,2,3", // a missing required value
      "P6,2026-10-01,A,B,C,1,2", // a ragged line
      "P7,,A,B,C,x,2,abc", // three in one record
      "",
    ].join("\n");
    const ours = failure(() => parseProductionBytes(bytes(text), features, "log.csv", "m.rds"));
    expect(ours).toBeInstanceOf(InputProblems);
    expect(ours.message.split("\n")).toEqual([
      'log.csv:3:f2: "12x5" is not a number',
      'log.csv:5:date: "2026-13-01" is not a date (expected YYYY-MM-DD)',
      "log.csv:6:brand: missing value in a required column",
      "log.csv:7: expected 8 fields, found 7",
      "log.csv:8:date: missing value in a required column",
      'log.csv:8:actual_price: "abc" is not a number',
      'log.csv:8:f1: "x" is not a number',
    ]);
    expect(failure(() => parseProduction(text, features, "log.csv", "m.rds")).message).toBe(ours.message);
  });

  it("shows the first 20 and counts the rest in one more line", () => {
    const rows = Array.from({length: 25}, (_, i) => `P${i},2026-10-01,A,B,C,1,bad${i},3`);
    const text = [header, ...rows, ""].join("\n");
    const lines = failure(() => parseProductionBytes(bytes(text), features, "log.csv", "m.rds")).message.split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('log.csv:2:f2: "bad0" is not a number');
    expect(lines[19]).toBe('log.csv:21:f2: "bad19" is not a number');
    expect(lines[20]).toBe("… and 5 more problems (25 in all)");
  });

  it("one problem is one line", () => {
    // An NA actual_price is a label not yet arrived (issue 22); "abc" is a bad value.
    const text = `${header}\nP1,2026-10-01,A,B,C,1,2,abc\n`;
    expect(failure(() => parseProductionBytes(bytes(text), features, "log.csv", "m.rds")).message).toBe('log.csv:2:actual_price: "abc" is not a number');
  });
});

describe("a log that is not UTF-8 stops with one line naming file, line and column", () => {
  // "Acmé" as Latin-1: é is the single byte 0xE9, which is not UTF-8.
  const latin1 = (before: string, after: string) => Buffer.concat([Buffer.from(before, "latin1"), Buffer.from([0xe9]), Buffer.from(after, "latin1")]);

  it.each([
    ["an unquoted brand (the fast path)", latin1(`${header}\nP1,2026-10-01,A,B,C,1,2,3\nP2,2026-10-01,A,Acm`, ",C,1,2,3\nP3,2026-10-01,A,B,C,1,oops,3\n"), "log.csv:3:brand"],
    ["a quoted brand with an escaped quote (the careful path)", latin1(`${header}\nP1,2026-10-01,A,"B ""x""",C,1,2,3\nP2,2026-10-01,A,"Acm`, ' ""Pro""",C,1,2,3\n'), "log.csv:3:brand"],
    ["a column the report does not read", latin1(`${header},note\nP1,2026-10-01,A,B,C,1,2,3,caf`, "\n"), "log.csv:2:note"],
  ])("%s", (_name, file, where) => {
    const error = failure(() => parseProductionBytes(file, features, "log.csv", "m.rds"));
    expect(error.message).not.toContain("\n");
    expect(error.message).toBe(`${where}: not valid UTF-8: the file must be UTF-8 (this looks like Latin-1 or Windows-1252: save it as UTF-8)`);
  });

  it("a UTF-8 BOM and UTF-8 text are read as before", () => {
    const data = parseProductionBytes(bytes(`\ufeff${header}\nP1,2026-10-01,A,Acmé,C,1,2,3\n`), features, "log.csv", "m.rds");
    expect(data.brand).toEqual(["Acmé"]);
  });
});

describe("a log saved with another separator says so", () => {
  it.each([
    ["semicolons", header.replaceAll(",", ";"), "P1;2026-10-01;A;B;C;1,5;2;3", `log.csv:1: the header is one column containing ";": the file looks semicolon-separated; the log must be comma-separated`],
    ["quoted semicolons (R's write.csv2)", header.split(",").map((h) => `"${h}"`).join(";"), '"P1";"2026-10-01";"A";"B";"C";1,5;2;3', `log.csv:1: the header is one column containing ";": the file looks semicolon-separated; the log must be comma-separated`],
    ["tabs", header.replaceAll(",", "\t"), "P1\t2026-10-01\tA\tB\tC\t1.5\t2\t3", "log.csv:1: the header is one column containing a tab: the file looks tab-separated; the log must be comma-separated"],
  ])("%s", (_name, head, row, message) => {
    const text = `${head}\n${row}\n`;
    expect(failure(() => parseProductionBytes(bytes(text), features, "log.csv", "m.rds")).message).toBe(message);
    expect(failure(() => parseProduction(text, features, "log.csv", "m.rds")).message).toBe(message);
  });
});
