/**
 * Parquet dates and timestamps as the day strings the CSV reader reads
 * (YYYY-MM-DD): a DATE is a count of days since 1970-01-01; a TIMESTAMP is
 * taken on its UTC calendar (a timestamp without a time zone, as DuckDB and
 * Spark write a plain TIMESTAMP, is the wall-clock time it names, whose day
 * is the same computed as UTC). A log has few distinct days, so each day's
 * string is made once.
 */
export class DayNames {
  private readonly names = new Map<number, string>();

  /** The day string of day number `days` since the epoch. */
  fromDays(days: number): string {
    let name = this.names.get(days);
    if (name === undefined) {
      name = dayString(days);
      this.names.set(days, name);
    }
    return name;
  }

  /** The day of a timestamp counted in `perDay` units a day (milliseconds, microseconds, nanoseconds). */
  fromTimestamp(value: bigint, perDay: bigint): string {
    // Floor division: a timestamp before 1970 belongs to the day that started before it.
    let days = value / perDay;
    if (value % perDay < 0n) days -= 1n;
    return this.fromDays(Number(days));
  }
}

export const millisPerDay = 86_400_000n;
export const microsPerDay = 86_400_000_000n;
export const nanosPerDay = 86_400_000_000_000n;

/** YYYY-MM-DD of a day number; outside years 0–9999 it is not a YYYY-MM-DD, and the reader reports it as not a date. */
function dayString(days: number): string {
  const date = new Date(days * 86_400_000);
  if (Number.isNaN(date.getTime())) return String(days);
  return date.toISOString().slice(0, -14);
}
