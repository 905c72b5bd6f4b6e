import * as Inputs from "@observablehq/inputs";
import type {RetrainingTable} from "../../loaders/retraining/index.js";
import {annualUsd, perRetrainUsd, type CostInputs} from "../shared/costs.js";
import {dollars, int, num} from "../shared/format.js";
import {el} from "./dom.js";
import {hoursText, scheduleName, span} from "./retraining-text.js";

/**
 * Retraining costs on the page: each schedule's yearly cost (the table and
 * the chart read the same rows), and the calculator, which runs the report's
 * own cost formula (../shared/costs.ts) in the browser.
 */

/** One schedule's cost: its name, retrains a year as text, per-retrain cost, annual cost as text, and the annual range for the chart. */
export interface ScheduleRow {
  schedule: string;
  n: string;
  per: number;
  annual: string;
  low: number;
  high: number;
}

/** Every fixed schedule, and triggered retraining (a range) when the replay gives its rate. */
export function scheduleRows(ret: RetrainingTable): ScheduleRow[] {
  const c = ret.costs;
  const t = c.triggered;
  const fixed = c.schedules.map((x) => ({schedule: scheduleName[x.schedule], n: int(x.retrains_per_year), per: x.per_retrain_usd, annual: dollars(x.annual_usd), low: x.annual_usd, high: x.annual_usd}));
  if (t.per_year_low === null || t.per_year_high === null || t.annual_low_usd === null || t.annual_high_usd === null) return fixed;
  return [
    ...fixed,
    {schedule: "Triggered", n: span(num(t.per_year_low, 3), num(t.per_year_high, 3)), per: c.per_retrain_usd, annual: span(dollars(t.annual_low_usd), dollars(t.annual_high_usd)), low: t.annual_low_usd, high: t.annual_high_usd},
  ];
}

/** A schedule the calculator can price: its label and retrains a year. */
export interface ScheduleChoice {
  label: string;
  n: number;
}

/** The calculator's schedules: each fixed one, and the two readings of triggered retraining when the replay gives them. */
export function scheduleChoices(ret: RetrainingTable): ScheduleChoice[] {
  const c = ret.costs;
  const {per_year_low: low, per_year_high: high} = c.triggered;
  return [
    ...c.schedules.map((x) => ({label: `${scheduleName[x.schedule]} (${x.retrains_per_year} a year)`, n: x.retrains_per_year})),
    ...(low === null || high === null
      ? []
      : [
          {label: `Triggered, if a retrain cures (${num(low, 3)} a year)`, n: low},
          {label: `Triggered, if the cause persists (${num(high, 3)} a year)`, n: high},
        ]),
  ];
}

/** Engineering hours per retrain, from a quarter hour to a day; starts at the brief's. */
export const hoursInput = (ret: RetrainingTable) => Inputs.range([0.25, 8], {step: 0.25, value: ret.costs.inputs.hours, label: "Engineering hours per retrain"});
/** The hourly rate in dollars; starts at the brief's. */
export const rateInput = (ret: RetrainingTable) => Inputs.number([0, 1000], {step: 1, value: ret.costs.inputs.hourly_rate_usd, label: "Hourly rate ($)"});
/** Compute per retrain in dollars; starts at the brief's. */
export const computeInput = (ret: RetrainingTable) => Inputs.number([0, 100000], {step: 1, value: ret.costs.inputs.compute_usd, label: "Compute per retrain ($)"});

/** The schedule to price, as radio buttons; starts at the recommended one. */
export function scheduleInput(ret: RetrainingTable) {
  const choices = scheduleChoices(ret);
  const recommended = scheduleName[ret.protocol.schedule.recommended];
  return Inputs.radio(choices, {label: "Schedule", format: (o) => o.label, value: choices.find((o) => o.label.startsWith(recommended))});
}

/** The calculator's answer, recomputed from its inputs with the report's formula: the yearly cost, and the arithmetic behind it. */
export function costResult(inputs: CostInputs, schedule: ScheduleChoice): HTMLDivElement {
  const per = perRetrainUsd(inputs);
  const annual = annualUsd(inputs, schedule.n);
  return el(
    "div",
    {className: "card calc-result", id: "retraining-cost-result"},
    el("div", {className: "big"}, `${dollars(annual)} a year`),
    el("p", {}, `${hoursText(inputs.hours)} × ${dollars(inputs.hourlyRateUsd)} + ${dollars(inputs.computeUsd)} = ${dollars(per)} a retrain; × ${num(schedule.n, 3)} retrains a year = ${dollars(annual)}.`),
  );
}
