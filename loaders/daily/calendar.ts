const dayMs = 86_400_000;

function toUtc(day: string): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
}

/**
 * Every calendar day from the first to the last (YYYY-MM-DD, inclusive). A day
 * without predictions is a day monitoring must see (volume 0), so the series
 * runs over the calendar, not over the dates the log happens to hold.
 */
export function calendarDays(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = toUtc(first), end = toUtc(last); t <= end; t += dayMs) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * The log's days, in the one wording every page uses: the calendar span from
 * the first to the last day with rows, how many of its days have rows, and
 * the days that have none (named, because monitoring sees them: volume 0).
 */
export interface DaySpan {
  first: string;
  last: string;
  calendar_days: number;
  days_with_rows: number;
  days_without_rows: string[];
}

/** The span of the given days with rows (YYYY-MM-DD, any order, no repeats). */
export function daySpan(daysWithRows: Iterable<string>): DaySpan {
  const held = new Set(daysWithRows);
  const sorted = [...held].sort();
  if (sorted.length === 0) throw new RangeError("a day span needs at least one day with rows");
  const calendar = calendarDays(sorted[0], sorted[sorted.length - 1]);
  return {
    first: sorted[0],
    last: sorted[sorted.length - 1],
    calendar_days: calendar.length,
    days_with_rows: held.size,
    days_without_rows: calendar.filter((d) => !held.has(d)),
  };
}
