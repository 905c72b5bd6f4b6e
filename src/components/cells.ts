/**
 * Cell and figure formats the tables share beyond ../shared/format.js: how a
 * missing value reads, percentages that are already in percent, yes/blank
 * flags. A null is a value the loader could not compute; it never reads as 0.
 */

/** `f(x)`, or `missing` (default "n/a") when x is null. */
export function orElse<T>(f: (x: T) => string, missing = "n/a"): (x: T | null) => string {
  return (x) => (x === null ? missing : f(x));
}

/** A value already in percent, one decimal: 12.3 → "12.3%". */
export const percent1 = (x: number): string => `${x.toFixed(1)}%`;

/** A flag as "yes" or nothing, so the column reads at a glance. */
export const yesOrBlank = (x: boolean | null): string => (x ? "yes" : "");

/** A date, or "never" when the event did not happen. */
export const orNever = (day: string | null): string => day ?? "never";

export {plural} from "../shared/format.js";
