import {config} from "../config.js";
import {int, list, pct, plural, present, usd} from "../shared/index.js";
import {dimensions} from "../inputs/index.js";
import type {PriceBin} from "./price-bins.js";
import type {ErrorTail, TailSide} from "./tail.js";
import type {WithoutWorstStep} from "./without-worst.js";

// Closing sentences of the sections that need row-level figures.

/** Where the largest errors sit, in dollars and relative to price. */
export function priceBinsConclusion(bins: readonly PriceBin[]): string {
  if (bins.length < 2) return "All rows fall in one price bin: errors cannot be compared across prices.";
  const byRmse = [...bins].sort((a, b) => b.rmse - a.rmse);
  const byShare = [...bins].sort((a, b) => b.rmse_share_of_price - a.rmse_share_of_price);
  const hi = byRmse[0];
  const lo = byRmse[byRmse.length - 1];
  const rel = byShare[0];
  const relLo = byShare[byShare.length - 1];
  const cheap = bins[0];
  const dear = bins[bins.length - 1];
  return (
    `In dollars, RMSE is highest for actual prices ${hi.label} (${usd(hi.rmse)}) and lowest for ${lo.label} (${usd(lo.rmse)}). ` +
    `Relative to price, errors are largest for ${rel.label}, where RMSE is ${pct(rel.rmse_share_of_price)} of the mean price, ` +
    `and smallest for ${relLo.label} (${pct(relLo.rmse_share_of_price)}). ` +
    `The cheapest bin is ${biasText(cheap.bias)} and the dearest ${biasText(dear.bias)}.`
  );
}

/** A mean error in words: positive errors (actual above predicted) mean under-pricing. */
function biasText(bias: number): string {
  return bias > 0 ? `under-priced by ${usd(bias)} on average` : bias < 0 ? `over-priced by ${usd(-bias)} on average` : "priced without bias on average";
}

/** Which segments and price ranges hold the largest errors, each direction on its own. */
export function tailConclusion(tail: ErrorTail): string {
  const share = pct(1 - tail.quantile, 0);
  const head =
    `The top ${share} of absolute errors (${plural(tail.n, "row")}, each off by more than ${usd(tail.threshold)}) are ` +
    `${count(tail.under.n, "under-prediction")} (priced too low) and ${count(tail.over.n, "over-prediction")} (priced too high).`;
  return [head, sideText("Under-predictions", tail.under), sideText("Over-predictions", tail.over)].filter(Boolean).join(" ");
}

const count = (n: number, noun: string) => `${int(n)} ${noun}${n === 1 ? "" : "s"}`;

function sideText(name: string, side: TailSide): string {
  if (side.n === 0) return "";
  const places = dimensions.flatMap((d) => {
    const top = side.segments.find((s) => s.dimension === d);
    return top ? [`${top.segment} (${int(top.n)} of ${int(side.n)}, vs ${pct(top.row_share)} of all rows)`] : [];
  });
  const bin = [...side.price_bins].sort((a, b) => b.n - a.n || a.bin - b.bin)[0];
  const price = bin ? `; by price, ${bin.label} holds ${int(bin.n)} of ${int(side.n)}` : "";
  return `${name} gather most in ${list(places)}${price}.`;
}

/**
 * RMSE of what is left once the worst segments are left out together: the
 * first step at which the rest is back near validation, or else all of them.
 */
export function withoutWorstConclusion(steps: readonly WithoutWorstStep[], validationRmse: number): string {
  const {nearValidationPct, concentratedMaxRowShare} = config.performance;
  if (steps.length === 0) return "None of the worst segments is significantly worse than validation: there is nothing to leave out.";
  const near = validationRmse * (1 + nearValidationPct / 100);
  // Across dimensions the worst segments can cover every row; judge the last step that leaves some.
  // A step that leaves rows has their RMSE and its increase over validation.
  const withRows = present(steps, "rmse_rest", "rest_increase_pct");
  const back = withRows.find((s) => s.rmse_rest <= near);
  const step = back ?? withRows.at(-1);
  if (!step) return "The worst segment covers every row: the degradation is not confined to any part of the catalogue.";
  const names = list(steps.slice(0, step.step).map((s) => s.segment));
  const what = `${names} (${int(step.rows_left_out)} rows, ${pct(step.row_share)} of all, ${pct(step.sse_share)} of the squared error)`;
  if (!back) {
    return `Leaving out ${what} together leaves RMSE ${usd(step.rmse_rest)}, still ${pct(step.rest_increase_pct / 100)} above validation: the rest of the catalogue is degraded too.`;
  }
  const head = `Leaving out ${what} brings RMSE back to ${usd(step.rmse_rest)}, within ${nearValidationPct}% of validation`;
  return step.row_share <= concentratedMaxRowShare
    ? `${head}: ${step.step === 1 ? "it carries" : "they carry"} the degradation.`
    : `${head}; but that is more than the ${pct(concentratedMaxRowShare, 0)} of rows a targeted fix could cover.`;
}
