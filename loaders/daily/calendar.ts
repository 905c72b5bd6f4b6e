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
