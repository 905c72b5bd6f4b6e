import type {RetrainingTable} from "../../loaders/retraining/index.js";
import {dollars, int, num, pct, usd, usdApprox} from "../shared/format.js";
import {nothing} from "./dom.js";
import {recommendedSchedule} from "./retraining-text.js";
import {kpiCards} from "./tiles.js";

/** The Retraining page's cards, each from retraining.json alone. */

/** The trigger replay in four figures: days judged, days fired (in how many episodes), and the yearly rate at either reading. */
export function frequencyCards(ret: RetrainingTable): HTMLDivElement {
  const f = ret.frequency;
  const t = ret.costs.triggered;
  const rate = (fromReplay: number | null, rounded: number | null) => (fromReplay === null || rounded === null ? "n/a" : num(rounded, 3));
  return kpiCards([
    {title: "Days judged", value: `${int(f.evaluated_days)} of ${int(ret.daily.length)}`, note: `trailing window with ≥ ${int(ret.settings.min_window_rows)} predictions`},
    {title: "Days a trigger fired", value: int(f.held_days), note: `in ${int(f.episodes)} ${f.episodes === 1 ? "episode" : "episodes"}`},
    {title: "If a retrain cures", value: rate(f.per_year_low, t.per_year_low), note: `retrains a year (${int(f.retrains_low.length)} in the window)`},
    {title: "If the cause persists", value: rate(f.per_year_high, t.per_year_high), note: `retrains a year (${int(f.retrains_high.length)} in the window)`},
  ]);
}

/** Mispriced revenue against the cost of retraining: the window's, a year's at this pace, the recoverable part, and the recommended schedule's cost; nothing without units sold. */
export function benefitCards(ret: RetrainingTable): HTMLDivElement | DocumentFragment {
  const b = ret.benefit;
  if (!b) return nothing();
  return kpiCards([
    {title: "Mispriced revenue", value: usd(b.mispriced_usd), note: `left on the table + at risk, ${b.window_days} days (Monitoring page)`},
    {title: "At this pace, a year", value: `about ${usdApprox(b.mispriced_per_year_usd)}`, note: `the ${b.window_days} days' figure × 365 / ${b.window_days}`},
    {title: "Recoverable a year", value: `about ${usdApprox(b.recoverable_per_year_usd)}`, note: `${pct(b.recoverable_share)} of it: 1 − validation MAE / production MAE (${usd(b.validation_mae)} / ${usd(b.production_mae)})`},
    {title: `${recommendedSchedule(ret)} retraining`, value: dollars(b.schedule_annual_usd), note: b.cost_share_of_recoverable === null ? "a year" : `a year: ${pct(b.cost_share_of_recoverable)} of the recoverable`},
  ]);
}
