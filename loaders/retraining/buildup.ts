import {type DaySums, pool} from "../daily/index.js";
import {driftFromMoments, largestDrift, type CriticalColumn} from "./drift-measure.js";

/** One calendar week of production (7 days from the log's first day; the last may be shorter). */
export interface WeekFigures {
  week: number;
  start: string;
  end: string;
  days: number;
  rows: number;
  rmse: number | null;
  rmse_increase_pct: number | null;
  /** Largest drift among the critical features this week, and which. */
  drift_pct: number | null;
  drift_feature: string | null;
  /** Missing cells among the critical features, % of their cells. */
  critical_missing_pct: number | null;
  /** Predictions in categories absent from training, %; null without training counts. */
  new_category_pct: number | null;
}

/** How fast accuracy and inputs moved during the production window, week by week. */
export interface Buildup {
  weeks: WeekFigures[];
}

const weekDays = 7;

/** Consecutive 7-day blocks of the calendar-filled days, pooled like the trailing windows. */
export function weeklyBuildup(
  days: readonly DaySums[],
  newCategoryRows: ReadonlyMap<string, number> | null,
  critical: readonly CriticalColumn[],
  validationRmse: number,
): Buildup {
  const weeks: WeekFigures[] = [];
  for (let from = 0; from < days.length; from += weekDays) {
    const block = days.slice(from, from + weekDays);
    const sums = pool(block);
    const has = sums.rows > 0;
    // Over the labelled rows: a row awaiting its actual price has no error yet.
    const rmse = sums.errors.n > 0 ? Math.sqrt(sums.errors.sumSquaredError / sums.errors.n) : null;
    const worst = has ? largestDrift(critical.map((c) => ({feature: c.feature, value: driftFromMoments(sums.features[c.index].present, c)}))) : null;
    const missing = critical.reduce((s, c) => s + sums.features[c.index].missing, 0);
    const newRows = newCategoryRows === null ? null : block.reduce((s, d) => s + (newCategoryRows.get(d.date) ?? 0), 0);
    weeks.push({
      week: weeks.length + 1,
      start: block[0].date,
      end: block[block.length - 1].date,
      days: block.length,
      rows: sums.rows,
      rmse,
      rmse_increase_pct: rmse === null ? null : (rmse / validationRmse - 1) * 100,
      drift_pct: worst ? worst.value.drift_pct : null,
      drift_feature: worst ? worst.feature : null,
      critical_missing_pct: has && critical.length > 0 ? (missing / (sums.rows * critical.length)) * 100 : null,
      new_category_pct: has && newRows !== null ? (newRows / sums.rows) * 100 : null,
    });
  }
  return {weeks};
}
