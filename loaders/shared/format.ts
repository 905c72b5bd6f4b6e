import {format} from "d3";

// Number formats for the pages and for the sentences the loaders generate, in one
// place so a figure reads the same in prose and in tables. It lives under src/
// because Framework bundles only modules inside its root; loaders/format.ts
// re-exports it.

/** Dollars with cents: $14.14 (−$3.20 when negative). */
export const usd = (x: number): string => (x < 0 ? "−$" : "$") + format(",.2f")(Math.abs(x));
/** Dollars, without cents when the amount is whole to the cent: $18,200, $216.67. */
export const dollars = (x: number): string => (Math.abs(x - Math.round(x)) < 0.005 ? (x < 0 ? "−$" : "$") + format(",d")(Math.abs(Math.round(x))) : usd(x));
/** An estimate in dollars to three significant figures: $448,000. */
export const usdApprox = (x: number): string => (x < 0 ? "−$" : "$") + format(",.3r")(Math.abs(x));
/** A share in percent: 12.3%. */
export const pct = (x: number, digits = 1): string => format(`.${digits}%`)(x);
/** A signed percent change: +72.3%. */
export const signedPct = (x: number, digits = 1): string => (x < 0 ? "−" : "+") + format(`.${digits}f`)(Math.abs(x)) + "%";
export const int = (x: number): string => format(",d")(x);
/** A count with its noun, right at 0, 1 and many: "0 days", "1 day", "1,200 rows". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${int(n)} ${n === 1 ? word : many}`;
export const num = (x: number, digits = 3): string => format(`.${digits}`)(x);
/** A name in mid-sentence: "New categories" → "new categories", but "RMSE degradation" and "API outages" keep their acronyms. */
export const midSentence = (name: string): string => (/^[A-Z]{2}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));
/** A list in prose: "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
/** Signed dollars: +$0.83, −$1.22. */
export const signedUsd = (x: number): string => (x < 0 ? "−" : "+") + usd(Math.abs(x));
/** `digits` significant digits, trailing zeros dropped, thousands separated: 7,676 or 0.009969. */
export const sig = (x: number, digits = 4): string => format(`,.${digits}~r`)(x);
/** A signed number with fixed decimals: +2.37, −0.02. */
export const signedNum = (x: number, digits = 2): string => format(`+.${digits}f`)(x);
/** Fixed decimals with a true minus sign: −0.007. */
export const fixed = (x: number, digits = 3): string => format(`.${digits}f`)(x);
