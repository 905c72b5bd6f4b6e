import {annualUsd, perRetrainUsd, type CostInputs} from "../shared/index.js";
import {config} from "../config.js";
import type {TriggerFrequency} from "./frequency.js";

// The page's calculator runs the same arithmetic in the browser (see src/components/retraining-costs.ts).
export {annualUsd, perRetrainUsd, type CostInputs} from "../shared/index.js";

export type Schedule = "weekly" | "monthly" | "quarterly";
export type BriefSchedule = keyof typeof config.retraining.briefAnnualUsd;

export interface ScheduleCost {
  schedule: Schedule;
  retrains_per_year: number;
  per_retrain_usd: number;
  annual_usd: number;
}

/** One of the brief's stated annual costs against what its inputs give. */
export interface BriefFigure {
  schedule: BriefSchedule;
  brief_usd: number;
  retrains_per_year: number;
  /** From the brief's inputs: retrains × (hours × rate + compute). */
  computed_usd: number;
  /** computed − brief. */
  difference_usd: number;
  /** The per-retrain cost the brief's figure implies at this many retrains. */
  implied_per_retrain_usd: number;
  /** Hours that give the implied cost at the brief's rate and compute. */
  implied_hours: number;
  /** Hourly rate that gives it at the brief's hours and compute. */
  implied_hourly_rate_usd: number;
}

/** One per-retrain cost that reproduces every stated figure, with the retrain counts it needs. */
export interface BriefReading {
  per_retrain_usd: number;
  /** The schedule whose stated figure fixes the cost (at its calendar count). */
  from: BriefSchedule;
  retrains_per_year: Record<BriefSchedule, number>;
  /** Whether each count differs from the calendar's (52 weekly, 12 monthly). */
  recounted: Record<BriefSchedule, boolean>;
  implied_hours: number;
}

export interface TriggeredCost {
  /** Retrains a year, rounded to 0.1 (the cost is computed from the rounded figure, so the page's arithmetic checks). */
  per_year_low: number | null;
  per_year_high: number | null;
  annual_low_usd: number | null;
  annual_high_usd: number | null;
}

export interface RetrainingCosts {
  inputs: {hours: number; hourly_rate_usd: number; compute_usd: number};
  per_retrain_usd: number;
  schedules: ScheduleCost[];
  brief: BriefFigure[];
  readings: BriefReading[];
  triggered: TriggeredCost;
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** What each schedule costs at these inputs: a record over every schedule, so a lookup by schedule cannot miss. */
export function scheduleCosts(inputs: CostInputs = {...config.retraining.cost}): Record<Schedule, ScheduleCost> {
  const counts = config.retraining.retrainsPerYear;
  const per = perRetrainUsd(inputs);
  const cost = (schedule: Schedule): ScheduleCost => ({
    schedule,
    retrains_per_year: counts[schedule],
    per_retrain_usd: per,
    annual_usd: annualUsd(inputs, counts[schedule]),
  });
  return {weekly: cost("weekly"), monthly: cost("monthly"), quarterly: cost("quarterly")};
}

/** A costs table's schedule costs by schedule: computed again from its own inputs, so they are its figures. */
export function costsBySchedule(costs: RetrainingCosts): Record<Schedule, ScheduleCost> {
  const {hours, hourly_rate_usd: hourlyRateUsd, compute_usd: computeUsd} = costs.inputs;
  return scheduleCosts({hours, hourlyRateUsd, computeUsd});
}

export function retrainingCosts(frequency: TriggerFrequency, inputs: CostInputs = {...config.retraining.cost}): RetrainingCosts {
  const counts = config.retraining.retrainsPerYear;
  const per = perRetrainUsd(inputs);
  // In schedule order, weekly first (Object.values keeps the record's order).
  const schedules = Object.values(scheduleCosts(inputs));
  const stated = config.retraining.briefAnnualUsd;
  const briefSchedules = Object.keys(stated) as BriefSchedule[];
  const brief = briefSchedules.map((schedule): BriefFigure => {
    const implied = stated[schedule] / counts[schedule];
    const computed = annualUsd(inputs, counts[schedule]);
    return {
      schedule,
      brief_usd: stated[schedule],
      retrains_per_year: counts[schedule],
      computed_usd: computed,
      difference_usd: computed - stated[schedule],
      implied_per_retrain_usd: implied,
      implied_hours: (implied - inputs.computeUsd) / inputs.hourlyRateUsd,
      implied_hourly_rate_usd: (implied - inputs.computeUsd) / inputs.hours,
    };
  });
  return {
    inputs: {hours: inputs.hours, hourly_rate_usd: inputs.hourlyRateUsd, compute_usd: inputs.computeUsd},
    per_retrain_usd: per,
    schedules,
    brief,
    readings: briefReadings(stated, counts, inputs),
    triggered: triggeredCost(frequency, per),
  };
}

/**
 * Readings of the brief's figures under which one per-retrain cost gives all
 * of them: fix the cost from one figure at its calendar count, and ask whether
 * every other figure is then a whole number of retrains.
 */
export function briefReadings(stated: Record<BriefSchedule, number>, counts: Record<BriefSchedule, number>, inputs: CostInputs): BriefReading[] {
  const schedules = Object.keys(stated) as BriefSchedule[];
  const readings: BriefReading[] = [];
  for (const from of schedules) {
    const per = stated[from] / counts[from];
    const implied = Object.fromEntries(schedules.map((s) => [s, stated[s] / per])) as Record<BriefSchedule, number>;
    if (!schedules.every((s) => sameNumber(implied[s], Math.round(implied[s])) && Math.round(implied[s]) > 0)) continue;
    const whole = Object.fromEntries(schedules.map((s) => [s, Math.round(implied[s])])) as Record<BriefSchedule, number>;
    readings.push({
      per_retrain_usd: per,
      from,
      retrains_per_year: whole,
      recounted: Object.fromEntries(schedules.map((s) => [s, whole[s] !== counts[s]])) as Record<BriefSchedule, boolean>,
      implied_hours: (per - inputs.computeUsd) / inputs.hourlyRateUsd,
    });
  }
  return readings;
}

function triggeredCost(f: TriggerFrequency, per: number): TriggeredCost {
  const low = f.per_year_low === null ? null : round1(f.per_year_low);
  const high = f.per_year_high === null ? null : round1(f.per_year_high);
  return {per_year_low: low, per_year_high: high, annual_low_usd: low === null ? null : low * per, annual_high_usd: high === null ? null : high * per};
}
