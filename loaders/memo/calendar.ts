import {config} from "../config.js";

export type Task = "review" | "retraining" | "audit" | "architecture";

export interface CalendarEvent {
  date: string;
  task: Task;
}

export interface TaskSummary<T extends Task = Task> {
  task: T;
  name: string;
  cadence: string;
  owner: string;
  count: number;
  first: string;
  last: string;
}

/** The next 12 calendar months after the log's last day, with every maintenance task's dates. */
export interface MaintenanceCalendar {
  start: string;
  end: string;
  events: CalendarEvent[];
  /** Review, retraining, audit and architecture review, in that order. */
  tasks: [TaskSummary<"review">, TaskSummary<"retraining">, TaskSummary<"audit">, TaskSummary<"architecture">];
}

export interface CalendarOptions {
  months: number;
  /** 0 = Sunday … 6 = Saturday. */
  reviewWeekday: number;
  retrainingWeekday: number;
  auditEveryMonths: number;
  owners: Record<Task, string>;
}

const weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const iso = (t: Date) => t.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** A calendar month (UTC): its dates, first and last. */
interface Month {
  days: Date[];
  first: Date;
  last: Date;
}

/** Month `month` (0-based) of `year`. */
function calendarMonth(year: number, month: number): Month {
  const days: Date[] = [];
  for (let d = utc(year, month, 1); d.getUTCMonth() === month; d = utc(year, month, d.getUTCDate() + 1)) days.push(d);
  return {days, first: utc(year, month, 1), last: utc(year, month + 1, 0)};
}

/** The month's first `weekday` (0 = Sunday): within its first seven days. */
function firstWeekday(m: Month, weekday: number): Date {
  return utc(m.first.getUTCFullYear(), m.first.getUTCMonth(), 1 + ((((weekday - m.first.getUTCDay()) % 7) + 7) % 7));
}

/** The month's last Monday-to-Friday day: its last day, or the Friday before a weekend. */
function lastWorkday(m: Month): Date {
  const back = m.last.getUTCDay() === 0 ? 2 : m.last.getUTCDay() === 6 ? 1 : 0;
  return utc(m.last.getUTCFullYear(), m.last.getUTCMonth(), m.last.getUTCDate() - back);
}

/**
 * Dates come from the data (the log's last day), never from today: the
 * calendar starts on the first day of the month after the log ends and runs
 * for `months` calendar months. Weekly reviews every review weekday; retraining
 * on the first retraining weekday of each month; audits on the last working
 * day of every `auditEveryMonths`-th month; the architecture review with the
 * year's last audit.
 */
export function maintenanceCalendar(lastDay: string, options: CalendarOptions = config.memo.calendar): MaintenanceCalendar {
  const y = +lastDay.slice(0, 4);
  const m = +lastDay.slice(5, 7) - 1;
  const months = Array.from({length: options.months}, (_, i) => {
    const first = utc(y, m + 1 + i, 1); // Date.UTC rolls month 12 over into January of the next year
    return calendarMonth(first.getUTCFullYear(), first.getUTCMonth());
  });
  const events: CalendarEvent[] = [];
  months.forEach((month, i) => {
    for (const d of month.days) if (d.getUTCDay() === options.reviewWeekday) events.push({date: iso(d), task: "review"});
    events.push({date: iso(firstWeekday(month, options.retrainingWeekday)), task: "retraining"});
    if ((i + 1) % options.auditEveryMonths === 0) {
      const last = iso(lastWorkday(month));
      events.push({date: last, task: "audit"});
      if (i === months.length - 1) events.push({date: last, task: "architecture"});
    }
  });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const o = options.owners;
  const summary = <T extends Task>(task: T, name: string, cadence: string, owner: string): TaskSummary<T> => {
    const dates = events.filter((e) => e.task === task).map((e) => e.date);
    return {task, name, cadence, owner, count: dates.length, first: dates[0], last: dates[dates.length - 1]};
  };
  return {
    start: iso(months[0].first),
    end: iso(months[months.length - 1].last),
    events,
    tasks: [
      summary("review", "Weekly performance review", `every ${weekdayNames[options.reviewWeekday]}`, o.review),
      summary("retraining", "Monthly retraining", `first ${weekdayNames[options.retrainingWeekday]} of each month`, o.retraining),
      summary("audit", "Quarterly audit", `last working day of every ${ordinal(options.auditEveryMonths)} month`, o.audit),
      summary("architecture", "Annual architecture review", "with the year's last audit", o.architecture),
    ],
  };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
