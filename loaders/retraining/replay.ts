import {config} from "../config.js";
import type {Rows} from "../accumulate/index.js";
import {type DaySums, pool, trailing} from "../daily/index.js";
import {driftFromMoments, largestDrift, type CriticalColumn, type DriftMeasure} from "./drift-measure.js";
import type {TriggerId} from "./triggers.js";

/** The triggers as a daily job would judge them: on the trailing window ending each day. */
export interface TriggerDay {
  date: string;
  /** 1 for the log's first day. */
  day: number;
  window_n: number;
  rmse_increase_pct: number | null;
  drift_pct: number | null;
  drift_feature: string | null;
  drift_measure: DriftMeasure | null;
  new_category_pct: number | null;
  fired: Record<TriggerId, boolean | null>;
  /** Any trigger fired; null when none could be judged. */
  any: boolean | null;
}

export interface WindowOptions {
  windowDays?: number;
  minWindowRows?: number;
}

/** Rows per day whose category is absent from the training counts; null without training counts. */
export function newCategoryRowsByDay(rows: Rows, trainingCategories: ReadonlyMap<string, number> | null): Map<string, number> | null {
  if (!trainingCategories) return null;
  const unseen = rows.category.values.map((c) => !trainingCategories.has(c));
  const perDay = new Float64Array(rows.date.values.length);
  for (let r = 0; r < rows.n; ++r) if (unseen[rows.category.codes[r]]) ++perDay[rows.date.codes[r]];
  // Days in order of first appearance, as the rows give them.
  const counts = new Map<string, number>();
  rows.date.values.forEach((day, c) => {
    if (perDay[c] > 0) counts.set(day, perDay[c]);
  });
  return counts;
}

/**
 * Each day's trigger values over the trailing window (monitoring's window and
 * minimum rows, so a trigger is judged on as many predictions as an alert),
 * and whether each trigger fired.
 */
export function triggerDays(
  days: readonly DaySums[],
  newCategoryRows: ReadonlyMap<string, number> | null,
  critical: readonly CriticalColumn[],
  validationRmse: number,
  options: WindowOptions = {},
): TriggerDay[] {
  const width = options.windowDays ?? config.monitoring.windowDays;
  const minRows = options.minWindowRows ?? config.monitoring.minWindowRows;
  const t = config.retraining.triggers;
  return days.map((d, i): TriggerDay => {
    const inside = trailing(days, i, width);
    const window = pool(inside);
    const enough = window.rows >= minRows;
    // The RMSE trigger needs as many labelled rows (a row awaiting its actual price has no error yet).
    const rmseIncrease = window.errors.n >= minRows ? (Math.sqrt(window.errors.sumSquaredError / window.errors.n) / validationRmse - 1) * 100 : null;
    const worst = enough ? largestDrift(critical.map((c) => ({feature: c.feature, value: driftFromMoments(window.features[c.index].present, c)}))) : null;
    const newRows = newCategoryRows === null ? null : inside.reduce((s, x) => s + (newCategoryRows.get(x.date) ?? 0), 0);
    const newPct = enough && newRows !== null ? (newRows / window.rows) * 100 : null;
    const fired: Record<TriggerId, boolean | null> = {
      rmse: rmseIncrease === null ? null : rmseIncrease > t.rmseDegradationPct,
      critical_drift: worst === null ? null : worst.value.drift_pct > t.criticalDriftPct,
      new_categories: newPct === null ? null : newPct > t.newCategorySharePct,
    };
    const judged = Object.values(fired).filter((v) => v !== null);
    return {
      date: d.date,
      day: i + 1,
      window_n: window.rows,
      rmse_increase_pct: rmseIncrease,
      drift_pct: worst ? worst.value.drift_pct : null,
      drift_feature: worst ? worst.feature : null,
      drift_measure: worst ? worst.value.measure : null,
      new_category_pct: newPct,
      fired,
      any: judged.length === 0 ? null : judged.some((v) => v),
    };
  });
}
