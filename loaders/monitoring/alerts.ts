/** Which side of a threshold is bad. `abs_above`: the size of a signed value (a shift either way). */
export type Direction = "above" | "below" | "abs_above";

export interface Thresholds {
  direction: Direction;
  yellow: number;
  red: number;
}

/** An evaluated metric's state. `no_data` when the value cannot be computed (too few rows, column absent). */
export type Level = "green" | "yellow" | "red" | "no_data";

/** Whether `value` is past `threshold` on the bad side (strictly: "above 15%" means > 15%). */
export function past(value: number, threshold: number, direction: Direction): boolean {
  if (direction === "above") return value > threshold;
  if (direction === "below") return value < threshold;
  return Math.abs(value) > threshold;
}

export function levelOf(value: number | null, t: Thresholds): Level {
  if (value === null) return "no_data";
  if (past(value, t.red, t.direction)) return "red";
  if (past(value, t.yellow, t.direction)) return "yellow";
  return "green";
}

/** The threshold a level was judged against (the one crossed; for green, the yellow line still ahead). */
export function thresholdFor(level: Level, t: Thresholds): number {
  return level === "red" ? t.red : t.yellow;
}

/** Severity order, for "at least as bad as". */
export function severity(level: Level): number {
  return level === "red" ? 2 : level === "yellow" ? 1 : 0;
}

/** Rejects thresholds whose yellow line is not crossed before the red one. */
export function checkThresholds(id: string, t: Thresholds): Thresholds {
  const ordered = t.direction === "below" ? t.yellow > t.red : t.yellow < t.red;
  if (!ordered) throw new Error(`alert thresholds for ${id}: yellow (${t.yellow}) must come before red (${t.red}) going ${t.direction === "below" ? "down" : "up"}`);
  return t;
}
