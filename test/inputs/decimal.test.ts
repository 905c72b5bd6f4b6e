import {describe, expect, it} from "vitest";
import {parseNumericCell} from "../../loaders/inputs/columns.js";
import {decimalEnd, readDecimal} from "../../loaders/inputs/csv/decimal.js";
import {printsAsItself} from "../../loaders/pass/scores-writer.js";
import {mulberry32} from "../builders/random.js";

const encoder = new TextEncoder();

/** Reads s (followed by a comma, as in a record) the way the fast path does, or null when it declines. */
function fast(s: string): number | null {
  const bytes = encoder.encode(s + ",");
  const value = readDecimal(bytes, 0);
  return value === value && decimalEnd.at === s.length ? value : null;
}

/** Random decimal text: signs, leading and trailing zeros, long mantissas, exponents, odd forms. */
function randomDecimal(random: () => number): string {
  const digits = (n: number) => Array.from({length: n}, () => String(Math.floor(random() * 10))).join("");
  const sign = random() < 0.3 ? (random() < 0.8 ? "-" : "+") : "";
  const shape = random();
  let s: string;
  if (shape < 0.5) s = digits(1 + Math.floor(random() * 9)) + "." + digits(Math.floor(random() * 12));
  else if (shape < 0.65) s = digits(1 + Math.floor(random() * 22));
  else if (shape < 0.75) s = "." + digits(1 + Math.floor(random() * 25));
  else if (shape < 0.85) s = digits(Math.floor(random() * 4)) + "." + "0".repeat(Math.floor(random() * 25)) + digits(1 + Math.floor(random() * 6));
  else s = String((random() - 0.5) * 10 ** Math.floor(random() * 60 - 30));
  if (random() < 0.15) s += (random() < 0.5 ? "e" : "E") + (random() < 0.5 ? "-" : random() < 0.5 ? "+" : "") + digits(1 + Math.floor(random() * 3));
  return sign + s;
}

describe("readDecimal: the fast path is Number() to the bit", () => {
  it("on 150,000 random decimal strings, whenever it accepts one", () => {
    const random = mulberry32(11);
    let accepted = 0;
    for (let t = 0; t < 150_000; ++t) {
      const s = randomDecimal(random);
      const value = fast(s);
      if (value === null) continue;
      ++accepted;
      // Object.is tells -0 from 0; equal doubles are bit-identical otherwise.
      if (!Object.is(value, Number(s))) expect.fail(`${s}: fast path ${value}, Number() ${Number(s)}`);
    }
    // It must take the common case, or the test would prove nothing.
    expect(accepted).toBeGreaterThan(75_000);
  });

  it("takes every plain decimal of up to 15 digits with a small exponent", () => {
    const random = mulberry32(12);
    for (let t = 0; t < 20_000; ++t) {
      const digits = 1 + Math.floor(random() * 15);
      const text = String(Math.floor(random() * 10 ** digits));
      const point = Math.floor(random() * text.length);
      const s = (random() < 0.5 ? "-" : "") + (point === 0 ? text : `${text.slice(0, point)}.${text.slice(point)}`);
      if (!Object.is(fast(s), Number(s))) expect.fail(`${s}: fast path ${fast(s)}, Number() ${Number(s)}`);
    }
  });

  it("declines what it cannot do exactly or is not a plain decimal", () => {
    for (const s of ["12345678901234567", "0.12345678901234567", "1e23", "1e-400", "1e999", "9007199254740993", ".", "-", "+", "", "e5", "1e", "1e+", "0x1f", "Infinity", "NaN", "1,5"]) {
      expect(fast(s), s).toBeNull();
    }
  });

  it("and what it declines, the careful path reads with Number() (parseNumericCell)", () => {
    expect(parseNumericCell("12345678901234567")).toBe(12345678901234567);
    expect(parseNumericCell("1e23")).toBe(1e23);
    expect(parseNumericCell("1e999")).toBeNull();
  });

  it("keeps the sign of zero, as Number() does", () => {
    expect(Object.is(fast("-0"), -0)).toBe(true);
    expect(Object.is(fast("-0.000e5"), -0)).toBe(true);
    expect(Object.is(fast("0"), 0)).toBe(true);
  });
});

describe("printsAsItself: a number's input text is copied to scores.csv only when String() would print the same", () => {
  it("on 150,000 random decimal strings", () => {
    const random = mulberry32(13);
    let copied = 0;
    for (let t = 0; t < 150_000; ++t) {
      const s = randomDecimal(random);
      const bytes = encoder.encode(s);
      if (!printsAsItself(bytes, 0, bytes.length)) continue;
      ++copied;
      if (String(Number(s)) !== s) expect.fail(`${s} would be copied but String() prints ${String(Number(s))}`);
    }
    expect(copied).toBeGreaterThan(25_000);
  });

  it("declines forms String() rewrites", () => {
    for (const s of ["-0", "1.50", "007", ".5", "1e3", "0.0000001", "1234567890123456", "+1"]) {
      const bytes = encoder.encode(s);
      expect(printsAsItself(bytes, 0, bytes.length), s).toBe(false);
    }
    for (const s of ["0", "47.06", "-0.5", "0.000001", "100"]) {
      const bytes = encoder.encode(s);
      expect(printsAsItself(bytes, 0, bytes.length), s).toBe(true);
    }
  });
});
