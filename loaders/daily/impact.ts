import type {ImpactSums} from "./days.js";

/**
 * Business impact of pricing errors, under stated assumptions (shown on the
 * page): the realised price (`actual_price`) is the right price, and the units
 * sold would have sold at the model's price too (no demand response). Then
 * - an under-priced row (actual > predicted) leaves units × (actual − predicted)
 *   of revenue on the table, had the model's price been charged;
 * - an over-priced row (predicted > actual) puts units × (predicted − actual)
 *   at risk: the premium customers were asked for that the market did not pay,
 *   a first-order exposure, not a forecast of lost sales.
 */
export interface ImpactTotals {
  underpriced_usd: number;
  overpriced_usd: number;
  revenue_usd: number;
  units: number;
  /** (under + over) / revenue, in %; null without revenue. */
  mispricing_pct: number | null;
  /** Share of the mispriced dollars that are under-pricing, in %; null when nothing is mispriced. */
  underpriced_share_pct: number | null;
}

export function mispricingPct(s: ImpactSums): number | null {
  return s.revenue > 0 ? ((s.underpriced + s.overpriced) / s.revenue) * 100 : null;
}

export function impactTotals(s: ImpactSums): ImpactTotals {
  const mispriced = s.underpriced + s.overpriced;
  return {
    underpriced_usd: s.underpriced,
    overpriced_usd: s.overpriced,
    revenue_usd: s.revenue,
    units: s.units,
    mispricing_pct: mispricingPct(s),
    underpriced_share_pct: mispriced > 0 ? (s.underpriced / mispriced) * 100 : null,
  };
}
