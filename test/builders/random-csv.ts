import {mulberry32} from "./random.js";

/**
 * Small random production CSVs that stress the readers: quoted and unquoted
 * text with escapes, commas and line breaks, numbers in every syntax (and some
 * that are not numbers), NA and empty cells, CRLF, LF or CR records, BOMs,
 * blank lines, ragged records, reordered and extra columns, bad quoting.
 * About a third of them are valid.
 */
export const randomFeatures = ["f1", "f2", "f3"];

const textColumns = ["product_id", "date", "category", "brand", "price_tier", "extra"];

export function randomProductionCsvs(seed: number): () => string {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const chance = (p: number) => random() < p;

  const numberText = (): string => {
    if (chance(0.025)) return pick(["", "NA", '"NA"', '""', '"12.5"', "1e400", "12x5", " 1", "0x1f", ".", "-", "+.5", "5.", "-0", "1e-7", "123456789012345678", "0.1234567890123456789", "1E+5", "nan", "Infinity"]);
    const x = (random() - 0.3) * 10 ** Math.floor(random() * 8 - 3);
    return chance(0.5) ? String(x) : x.toPrecision(1 + Math.floor(random() * 17));
  };
  const textValue = (column: string): string => {
    if (column === "date") return chance(0.05) ? pick(["2026-02-30", "2026-1-01", "", "NA", "x"]) : `2026-10-${String(1 + Math.floor(random() * 30)).padStart(2, "0")}`;
    if (chance(0.02)) return pick(["", "NA", 'a"b', "a,b", "line\nbreak", "é", "\ufeffx", "a\r\nb"]);
    return pick(["Apparel", "Books", "Home & Kitchen", "P1", "P2", "Acme"]);
  };
  const quoteText = (v: string): string => (/[",\r\n]/.test(v) || chance(0.7) ? `"${v.replace(/"/g, '""')}"` : v);

  return () => {
    let columns = ["product_id", "date", "category", "brand", "price_tier", ...randomFeatures, "actual_price", "units_sold", "latency_ms"];
    if (chance(0.3)) columns.push("extra");
    if (chance(0.3)) columns = [...columns].sort(() => random() - 0.5);
    if (chance(0.03)) columns = columns.filter((c) => c !== pick(columns));
    if (chance(0.02)) columns.push(columns[0]);
    const lineBreak = pick(["\n", "\n", "\r\n", "\r"]);
    const lines = [columns.map((c) => (chance(0.5) ? `"${c}"` : c)).join(",")];
    const rows = Math.floor(random() * 8);
    for (let r = 0; r < rows; ++r) {
      if (chance(0.05)) {
        lines.push("");
        continue;
      }
      let fields = columns.map((c) => (textColumns.includes(c) ? quoteText(textValue(c)) : numberText()));
      if (chance(0.03)) fields = fields.slice(1);
      if (chance(0.02)) fields.push("1");
      if (chance(0.01)) fields[0] = '"unterminated';
      if (chance(0.01)) fields[0] = 'ab"c';
      if (chance(0.01)) fields[0] = '"ab"c';
      lines.push(fields.join(","));
    }
    let text = lines.join(lineBreak) + (chance(0.7) ? lineBreak : "");
    if (chance(0.05)) text = "\ufeff" + text;
    if (chance(0.02)) text = text.replace(/\r\n/, "\n");
    return text;
  };
}

/** Random text over the characters CSV syntax cares about, for the record scanner. */
export function randomCsvNoise(seed: number): () => string {
  const random = mulberry32(seed);
  const alphabet = ["a", "1", ",", ",", '"', '"', "\n", "\r", "\r\n", " ", "\0", "é", "\ufeff", "NA"];
  return () => {
    const n = Math.floor(random() * 16);
    let text = "";
    for (let i = 0; i < n; ++i) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  };
}
