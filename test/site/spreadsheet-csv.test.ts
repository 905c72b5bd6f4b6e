import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {spreadsheetCsv, spreadsheetField, utf8Bom} from "../../loaders/shared/index.js";

// The pages' "Download CSV" files: full precision, UTF-8, formulas defused.
describe("spreadsheetField", () => {
  it("prefixes text a spreadsheet would run as a formula with '", () => {
    expect(spreadsheetField("=cmd|' /C calc'!A7")).toBe("'=cmd|' /C calc'!A7");
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(spreadsheetField(`${start}x`).startsWith(`'${start}`) || spreadsheetField(`${start}x`).startsWith(`"'${start}`)).toBe(true);
    expect(spreadsheetField("Acme")).toBe("Acme");
    expect(spreadsheetField("a=b")).toBe("a=b");
  });

  it("quotes a field holding a comma, a quote or a line break", () => {
    expect(spreadsheetField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(spreadsheetField("\rx")).toBe("\"'\rx\"");
  });

  it("writes numbers in full (negative numbers are numbers, never prefixed), nothing for null", () => {
    expect(spreadsheetField(-0.1)).toBe("-0.1");
    expect(spreadsheetField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(spreadsheetField(1e-12)).toBe("1e-12");
    expect(spreadsheetField(null)).toBe("");
    expect(spreadsheetField(Number.NaN)).toBe("");
    expect(spreadsheetField(true)).toBe("true");
  });
});

describe("spreadsheetCsv", () => {
  const rows = [
    {id: "=cmd|' /C calc'!A7", brand: "Zürich, λ–Co", rmse: 14.137265358979312, shift: -0.000123456789012345, n: 3},
    {id: "P-1", brand: "-Minus", rmse: 1 / 3, shift: 2.5e-17, n: 0},
  ];
  const columns = [
    {label: "Product id", value: (r: (typeof rows)[number]) => r.id},
    {label: "Brand", value: (r: (typeof rows)[number]) => r.brand},
    {label: "RMSE", value: (r: (typeof rows)[number]) => r.rmse},
    {label: "Shift", value: (r: (typeof rows)[number]) => r.shift},
    {label: "Rows", value: (r: (typeof rows)[number]) => r.n},
  ];
  const text = spreadsheetCsv(rows, columns);

  it("starts with the UTF-8 byte-order mark and ends its rows with CRLF", () => {
    expect(text.startsWith(utf8Bom)).toBe(true);
    expect(text.split("\r\n")).toHaveLength(rows.length + 2);
    expect(new TextDecoder("utf-8", {ignoreBOM: true}).decode(new TextEncoder().encode(text))).toBe(text);
  });

  it("parses back: numbers exactly, text as written but for the ' before a formula", () => {
    const parsed = csvParse(text.slice(utf8Bom.length));
    expect(parsed.columns).toEqual(columns.map((c) => c.label));
    expect(parsed.map((r) => Number(r.RMSE))).toEqual(rows.map((r) => r.rmse));
    expect(parsed.map((r) => Number(r.Shift))).toEqual(rows.map((r) => r.shift));
    expect(parsed.map((r) => Number(r.Rows))).toEqual(rows.map((r) => r.n));
    expect(parsed.map((r) => r["Product id"])).toEqual(["'=cmd|' /C calc'!A7", "P-1"]);
    expect(parsed.map((r) => r.Brand)).toEqual(["Zürich, λ–Co", "'-Minus"]);
  });
});
