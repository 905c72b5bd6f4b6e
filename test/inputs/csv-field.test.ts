import {csvFormatValue} from "d3";
import {describe, expect, it} from "vitest";
import {csvField} from "../../loaders/shared/csv-field.js";

describe("csvField quotes text as d3's csvFormatValue does", () => {
  it.each(["plain", "", "NA", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "é ü", " padded ", '"', ","])("%j", (text) => {
    expect(csvField(text)).toBe(csvFormatValue(text));
  });
});
