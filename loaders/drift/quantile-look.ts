import {binOfRank, cutOfBin, type Accumulation, type AccumulationPlan} from "../accumulate/index.js";
import {readSpill, SpillDamaged, type Contribution} from "../pass/index.js";
import {orderStatistic, quantileRanks} from "../stats/index.js";

/**
 * Exact production quantiles of every feature at the training probabilities,
 * without holding the log's values. The pass counted each feature's values in
 * bins around its training quantiles (loaders/accumulate/cells.ts), so the bin
 * holding each order statistic the quantiles need, and its rank inside the
 * bin, are known from the merged counts; a statistic in the bin of values
 * equal to a training quantile is that value. The other bins' values are
 * read from the files' spills, which store each feature's values bin by bin
 * (a bin holds about 1/900 of a feature's values when production looks like
 * training, so only those few are read), and a selection inside each gives
 * the statistic.
 *
 * Returns each feature's order statistic `k` (0-based among its present
 * values), or null for a feature without bins.
 */
export function orderStatisticsOf(acc: Accumulation, plan: AccumulationPlan, probs: readonly number[] | null, contributions: readonly Contribution[]): (feature: number) => ((k: number) => number) | null {
  const k = plan.features.length;
  const found: (Map<number, number> | null)[] = new Array(k).fill(null);
  // Per feature: the wanted open bins, where each collects, and the ranks wanted in each.
  interface Wanted {
    feature: number;
    /** Ascending. */
    bins: number[];
    into: Map<number, {before: number; ranks: number[]; values: Float64Array; used: number}>;
  }
  const wanted: Wanted[] = [];
  for (let j = 0; j < k; ++j) {
    const bins = acc.bins[j];
    const cuts = plan.cuts[j];
    if (cuts === null) continue;
    const n = acc.features[j].present.n;
    if (probs === null || bins === null || n === 0) continue;
    const values = new Map<number, number>();
    found[j] = values;
    const w: Wanted = {feature: j, bins: [], into: new Map()};
    for (const rank of quantileRanks(n, probs)) {
      const {bin, before} = binOfRank(bins, rank);
      const cut = cutOfBin(cuts, bin);
      if (cut >= 0) {
        values.set(rank, cuts.values[cut]);
        continue;
      }
      const into = w.into.get(bin) ?? {before, ranks: [], values: new Float64Array(bins[bin]), used: 0};
      into.ranks.push(rank - before);
      w.into.set(bin, into);
    }
    w.bins = [...w.into.keys()].sort((a, b) => a - b);
    if (w.bins.length > 0) wanted.push(w);
  }
  if (wanted.length > 0) {
    for (const c of contributions) {
      for (const part of c.parts) {
        readSpill(
          part.features,
          (chunk) => {
            for (const w of wanted) {
              for (const bin of w.bins) {
                const values = chunk.binValues(w.feature, bin);
                const into = w.into.get(bin);
                if (into === undefined || into.used + values.length > into.values.length) throw new SpillDamaged(part.features, `bin ${bin} of ${plan.features[w.feature]} holds more values than the pass counted`);
                into.values.set(values, into.used);
                into.used += values.length;
              }
            }
          },
          part.rows,
        );
      }
    }
    for (const w of wanted) {
      const values = found[w.feature];
      if (values === null) continue;
      for (const [bin, into] of w.into) {
        if (into.used !== into.values.length) throw new Error(`feature ${plan.features[w.feature]}: bin ${bin} holds ${into.used} values, the pass counted ${into.values.length}`);
        // Ascending ranks: each selection searches only the values not below the previous one.
        let from = 0;
        for (const r of [...into.ranks].sort((a, b) => a - b)) {
          values.set(into.before + r, orderStatistic(into.values, r, from));
          from = r + 1;
        }
      }
    }
  }
  return (feature) => {
    const values = found[feature];
    if (values === null || values === undefined) return null;
    return (rank) => {
      const v = values.get(rank);
      if (v === undefined) throw new Error(`order statistic ${rank} of feature ${plan.features[feature]} was not selected`);
      return v;
    };
  };
}
