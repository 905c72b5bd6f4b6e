import type {ImpactTotals} from "../daily/index.js";

/** What degraded accuracy costs in mispriced revenue, against what retraining costs. */
export interface CostBenefit {
  window_days: number;
  /** Left on the table + at risk over the window (monitoring's business impact). */
  mispriced_usd: number;
  /** The same at this pace for a year: × 365 / window days. */
  mispriced_per_year_usd: number;
  validation_mae: number;
  production_mae: number;
  /**
   * Share of the mispriced revenue that accuracy back at validation would
   * remove: 1 − validation MAE / production MAE (mispriced dollars are units ×
   * |error|, so they shrink with the absolute errors if the errors shrink
   * evenly across rows). 0 when production is as accurate as validation.
   */
  recoverable_share: number;
  recoverable_per_year_usd: number;
  /** The recommended schedule's annual cost, and what share of the recoverable revenue it is. */
  schedule_annual_usd: number;
  cost_share_of_recoverable: number | null;
}

const daysPerYear = 365;

/** Null without units sold: the mispriced revenue cannot be computed. */
export function costBenefit(impact: ImpactTotals | null, windowDays: number, validationMae: number, productionMae: number, scheduleAnnualUsd: number): CostBenefit | null {
  if (!impact || windowDays <= 0) return null;
  const mispriced = impact.underpriced_usd + impact.overpriced_usd;
  const perYear = (mispriced * daysPerYear) / windowDays;
  const share = productionMae > validationMae ? 1 - validationMae / productionMae : 0;
  const recoverable = perYear * share;
  return {
    window_days: windowDays,
    mispriced_usd: mispriced,
    mispriced_per_year_usd: perYear,
    validation_mae: validationMae,
    production_mae: productionMae,
    recoverable_share: share,
    recoverable_per_year_usd: recoverable,
    schedule_annual_usd: scheduleAnnualUsd,
    cost_share_of_recoverable: recoverable > 0 ? scheduleAnnualUsd / recoverable : null,
  };
}
