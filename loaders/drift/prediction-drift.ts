import type {Rows} from "../accumulate/index.js";
import type {TrainingStats} from "../inputs/index.js";
import {config} from "../config.js";
import {compare} from "../shared/index.js";
import {perTestLevel} from "../stats/index.js";
import {ksPValue} from "./distribution.js";
import {targetSummary} from "./target-drift.js";
import {valueDrift, type ValueDrift} from "./value-drift.js";

/** One day's predictions against the training target. */
export interface DailyPredictionDrift extends Omit<ValueDrift, "train_quantiles" | "prod_quantiles" | "train_mean" | "train_sd"> {
  date: string;
}

/**
 * The model's predictions against the training target distribution: the one
 * drift signal that needs no actual price. Even without drift they differ
 * from it: a model's predictions omit its error, so their SD is about
 * √R² × the target's (validation R²), the `expected_sd` shown beside it.
 */
export interface PredictionDrift {
  unavailable: string | null;
  overall: ValueDrift | null;
  /** √(validation R²) × training target SD: the predictions' SD if nothing drifted and errors are uncorrelated with predictions (an approximation, not a bound). */
  expected_sd: number | null;
  daily: DailyPredictionDrift[];
  /** The per-test level of each day's KS test (the family of days corrected by config.driftAnalysis.multipleTesting). */
  daily_alpha: number;
  /** Days whose approximate KS distance exceeds its critical value. */
  ks_beyond_noise_days: number;
}

export function predictionDrift(rows: Pick<Rows, "n" | "prediction" | "date">, stats: Pick<TrainingStats, "target" | "quantileProbs" | "nObs" | "file" | "validation">): PredictionDrift {
  const target = targetSummary(stats);
  if (target === null) return {unavailable: `${stats.file} has no target statistics`, overall: null, expected_sd: null, daily: [], daily_alpha: config.driftAnalysis.multipleTesting.familyAlpha, ks_beyond_noise_days: 0};
  const byDay = new Map<number, number[]>();
  for (let r = 0; r < rows.n; ++r) {
    const code = rows.date.codes[r];
    const list = byDay.get(code);
    if (list) list.push(rows.prediction[r]);
    else byDay.set(code, [rows.prediction[r]]);
  }
  // The days are one family of tests, corrected by the drift page's one rule (config.driftAnalysis.multipleTesting):
  // uncorrected, 30 days at 5% would flag about 1.5 days by chance alone.
  const {correction, familyAlpha} = config.driftAnalysis.multipleTesting;
  const days = [...byDay].map(([code, values]) => ({date: rows.date.values[code], values, first: valueDrift(values, target)}));
  const pValues = target.n > 0 ? days.flatMap(({first}) => (first.ks === null ? [] : [ksPValue(first.ks, first.n, target.n)])) : [];
  const level = perTestLevel(pValues, familyAlpha, correction);
  const daily = days
    .map(({date, values}): DailyPredictionDrift => {
      const {train_quantiles: _q, prod_quantiles: _p, train_mean: _m, train_sd: _s, ...d} = valueDrift(values, target, level);
      return {date, ...d};
    })
    .sort((a, b) => compare(a.date, b.date));
  const r2 = stats.validation.r2;
  return {
    unavailable: null,
    overall: valueDrift(rows.prediction.subarray(0, rows.n), target),
    expected_sd: r2 >= 0 && r2 <= 1 ? Math.sqrt(r2) * target.sd : null,
    daily,
    daily_alpha: level,
    ks_beyond_noise_days: daily.filter((d) => d.ks_beyond_noise).length,
  };
}
