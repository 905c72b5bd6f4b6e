// The retraining cost arithmetic, shared by the loader (the page's table and
// sentences) and the page's calculator, so the two cannot disagree. It lives
// under src/ because Framework bundles only modules inside its root;
// loaders/retraining/costs.ts re-exports it.

/** What one retrain costs: engineering time at an hourly rate, plus compute. */
export interface CostInputs {
  hours: number;
  hourlyRateUsd: number;
  computeUsd: number;
}

/** Dollars per retrain: hours × rate + compute. */
export function perRetrainUsd(c: CostInputs): number {
  return c.hours * c.hourlyRateUsd + c.computeUsd;
}

/** Dollars a year: per-retrain cost × retrains a year. */
export function annualUsd(c: CostInputs, retrainsPerYear: number): number {
  return perRetrainUsd(c) * retrainsPerYear;
}
