/**
 * Days in the report's JSON are ISO dates ("2026-10-05"), always UTC: a day
 * never shifts with the reader's time zone.
 */

/** Milliseconds in a day. */
export const dayMs = 24 * 3600 * 1000;

/** An ISO day as a Date at 00:00 UTC. */
export const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** An ISO day without its year: "2026-10-05" → "10-05". */
export const monthDay = (day: string): string => day.slice(5);

/**
 * A band axis's tick label for a day: the 1st, 6th, 11th… of the month as
 * "MM-DD", every other day blank, so a month of bars stays legible.
 * Takes the day as an ISO string or as a UTC Date.
 */
export function everyFifthDay(day: string | Date): string {
  const text = typeof day === "string" ? day : day.toISOString().slice(0, 10);
  return +text.slice(8) % 5 === 1 ? monthDay(text) : "";
}

/** What a date axis may change: its label, its domain, its inset. */
export interface DateAxisOptions {
  /** Default "Date"; null for none. */
  label?: string | null;
  domain?: [Date, Date];
  /** Pixels kept free at both ends. */
  inset?: number;
}

/** Plot x-scale options for a time axis of days: a UTC scale labelled "Date". */
export function dateAxis(options: DateAxisOptions = {}): {type: "utc"; label: string | null} & DateAxisOptions {
  return {type: "utc", label: "Date", ...options};
}

/**
 * Plot x-scale options for a band axis of days (one bar per day), ticks from
 * {@link everyFifthDay}.
 *
 * @param label the axis label (default "Date")
 */
export function dayBandAxis(label = "Date"): {type: "band"; label: string; tickFormat: (day: string | Date) => string} {
  return {type: "band", label, tickFormat: everyFifthDay};
}

/** From half a day before `first` to half a day after `last`: a UTC domain whose end days' marks are not cut in half. */
export function dayExtent(first: string, last: string): [Date, Date] {
  return [new Date(+toDate(first) - dayMs / 2), new Date(+toDate(last) + dayMs / 2)];
}

/** The log's days as every page words them (see loaders/daily/calendar.ts). */
export interface DaySpanFacts {
  first: string;
  last: string;
  calendar_days: number;
  days_with_rows: number;
  days_without_rows: readonly string[];
}

/** Up to four days by name; past that, the first three and how many more. */
function someDays(days: readonly string[]): string {
  const named = days.length <= 4 ? days : days.slice(0, 3);
  const rest = days.length - named.length;
  const items = rest > 0 ? [...named, `${rest} more`] : [...named];
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * "30 days from 2026-10-01 to 2026-10-30, with rows on every day", or "45 calendar
 * days from 2026-12-10 to 2027-01-23, 43 of them with rows (none on
 * 2026-12-25 and 2027-01-01)": the calendar span first, then its days with
 * rows, so a count of days never means two things.
 */
export function daysText(s: DaySpanFacts): string {
  if (s.calendar_days === 1) return `1 day, ${s.first}`;
  const span = `from ${s.first} to ${s.last}`;
  if (s.days_without_rows.length === 0) return `${s.calendar_days} days ${span}, with rows on every day`;
  const some = s.days_with_rows === 1 ? "1 of them" : `${s.days_with_rows} of them`;
  return `${s.calendar_days} calendar days ${span}, ${some} with rows (none on ${someDays(s.days_without_rows)})`;
}
