/** The production CSV's columns besides the model features (the input contract). */
export const idColumns = ["product_id", "date", "category", "brand", "price_tier"] as const;
export const targetColumn = "actual_price";
/** Optional: business impact needs units, the latency panel needs latency. */
export const optionalColumns = ["units_sold", "latency_ms"] as const;

/** Values that stand for "missing" in a numeric column: R's write.csv and ours. */
export function isMissingToken(s: string): boolean {
  return s === "" || s === "NA";
}

// Strict decimal syntax: Number() would also take "0x1f", " 12 ", "Infinity".
const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number in a numeric cell, NaN when missing, or null when it is not a number. */
export function parseNumericCell(s: string): number | null {
  if (isMissingToken(s)) return NaN;
  if (!decimal.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether s is a real calendar day written as YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  const m = isoDay.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
