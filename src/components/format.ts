import {format} from "d3";

/** Dollars with cents: $14.14. */
export const usd = (x: number): string => "$" + format(",.2f")(x);
/** A signed percentage: +72.3%. */
export const signedPct = (x: number): string => format("+.1f")(x) + "%";
/** A share in percent: 12.3%. */
export const pct = (x: number, digits = 1): string => format(`.${digits}%`)(x);
export const int = (x: number): string => format(",d")(x);
export const num = (x: number, digits = 3): string => format(`.${digits}`)(x);
