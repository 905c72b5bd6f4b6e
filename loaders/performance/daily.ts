import type {Accumulation, DayAccumulation} from "../accumulate/index.js";
import {config} from "../config.js";
import {compare} from "../shared/index.js";
import {accuracy} from "../stats/index.js";
import {rmseInterval, type IntervalMethod} from "./interval.js";
import type {RowErrors} from "./row-errors.js";

export interface DayPerformance {
  date: string;
  n: number;
  rmse: number;
  mae: number;
  bias: number;
  /** RMSE of the trailing rollingDays calendar days, from their pooled squared errors; null until a full window has passed. */
  rolling_rmse: number | null;
  rolling_n: number | null;
}

/** A window of calendar days with its RMSE interval. */
export interface DayWindow {
  start: string;
  end: string;
  n: number;
  rmse: number;
  rmse_ci_low: number | null;
  rmse_ci_high: number | null;
  ci_method: IntervalMethod | null;
}

export type WindowChange = "worse" | "better" | "no detectable change";

/** The first and last full windows of the production period, compared by their intervals. */
export interface WindowComparison {
  days: number;
  first: DayWindow;
  last: DayWindow;
  /** "worse"/"better" only when the intervals do not overlap. */
  change: WindowChange;
}

const dayMs = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOf = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

/** Accuracy per day, with a trailing rolling RMSE pooled from the days' sums (not an average of daily RMSEs). */
export function dailyPerformance(acc: Accumulation): DayPerformance[] {
  const days = sortedDays(acc);
  const width = config.performance.rollingDays;
  return days.map(({date, day, sums}) => {
    const {rmse, mae, bias} = accuracy(sums.errors);
    // A full window needs rollingDays calendar days since the first; days without rows simply add nothing.
    const full = day - days[0].day >= width - 1;
    let n = 0;
    let sse = 0;
    if (full) {
      for (const d of days) {
        if (d.day > day - width && d.day <= day) {
          n += d.sums.errors.n;
          sse += d.sums.errors.sumSquaredError;
        }
      }
    }
    return {date, n: sums.errors.n, rmse, mae, bias, rolling_rmse: full ? Math.sqrt(sse / n) : null, rolling_n: full ? n : null};
  });
}

/**
 * The first and the last rollingDays-day windows, when the period holds two
 * windows that do not overlap; their RMSE intervals say whether accuracy moved.
 */
export function windowComparison(acc: Accumulation, errors: RowErrors): WindowComparison | null {
  const days = sortedDays(acc);
  const width = config.performance.rollingDays;
  if (days.length === 0) return null;
  const start = days[0].day;
  const end = days[days.length - 1].day;
  if (end - start + 1 < 2 * width) return null;
  const window = (from: number, key: string): DayWindow => {
    const inside = days.filter((d) => d.day >= from && d.day < from + width);
    let n = 0;
    let sse = 0;
    for (const d of inside) {
      n += d.sums.errors.n;
      sse += d.sums.errors.sumSquaredError;
    }
    const absErrors = errors.absOf("date", inside.map((d) => d.date));
    const interval = rmseInterval(absErrors, key);
    return {
      start: dateOf(from),
      end: dateOf(from + width - 1),
      n,
      rmse: Math.sqrt(sse / n),
      rmse_ci_low: interval?.low ?? null,
      rmse_ci_high: interval?.high ?? null,
      ci_method: interval?.method ?? null,
    };
  };
  const first = window(start, "window:first");
  const last = window(end - width + 1, "window:last");
  return {days: width, first, last, change: windowChange(first, last)};
}

function windowChange(first: DayWindow, last: DayWindow): WindowChange {
  if (first.rmse_ci_low === null || first.rmse_ci_high === null || last.rmse_ci_low === null || last.rmse_ci_high === null) return "no detectable change";
  if (last.rmse_ci_low > first.rmse_ci_high) return "worse";
  if (last.rmse_ci_high < first.rmse_ci_low) return "better";
  return "no detectable change";
}

function sortedDays(acc: Accumulation): {date: string; day: number; sums: DayAccumulation}[] {
  return [...acc.days].sort(([a], [b]) => compare(a, b)).map(([date, sums]) => ({date, day: dayNumber(date), sums}));
}
