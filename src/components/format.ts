import {format} from "d3";

/** Dollars with cents: $14.14. */
export const usd = (x: number): string => "$" + format(",.2f")(x);
/** A signed percentage: +72.3%. */
export const signedPct = (x: number): string => format("+.1f")(x) + "%";
/** A share in percent: 12.3%. */
export const pct = (x: number, digits = 1): string => format(`.${digits}%`)(x);
export const int = (x: number): string => format(",d")(x);
export const num = (x: number, digits = 3): string => format(`.${digits}`)(x);
/** Signed dollars: +$0.83, −$1.22. */
export const signedUsd = (x: number): string => (x < 0 ? "−" : "+") + usd(Math.abs(x));
/** `digits` significant digits, trailing zeros dropped, thousands separated: 7,676 or 0.009969. */
export const sig = (x: number, digits = 4): string => format(`,.${digits}~r`)(x);
/** A signed number with fixed decimals: +2.37, −0.02. */
export const signedNum = (x: number, digits = 2): string => format(`+.${digits}f`)(x);
/** Fixed decimals with a true minus sign: −0.007. */
export const fixed = (x: number, digits = 3): string => format(`.${digits}f`)(x);
