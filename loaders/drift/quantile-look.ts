import {binOfRank, cutOfBin, type Accumulation, type AccumulationPlan} from "../accumulate/index.js";
import {readBins, type Contribution} from "../pass/index.js";
import {orderStatistic, quantileRanks} from "../stats/index.js";

/**
 * Exact production quantiles of every feature at the training probabilities,
 * without holding the log's values. The pass counted each feature's values in
 * bins around its training quantiles (loaders/accumulate/cells.ts), so the bin
 * holding each order statistic the quantiles need, and its rank inside the
 * bin, are known from the merged counts; a statistic in the bin of values
 * equal to a training quantile is that value. The other bins' values are read
 * back from the files' bin spills (a small share of the log: a bin holds about
 * 1/900 of a feature's values when production looks like training), and a
 * selection inside each gives the statistic.
 *
 * Returns each feature's order statistic `k` (0-based among its present
 * values), or null for a feature without bins.
 */
export function orderStatisticsOf(acc: Accumulation, plan: AccumulationPlan, probs: readonly number[] | null, contributions: readonly Contribution[]): (feature: number) => ((k: number) => number) | null {
  const found: (Map<number, number> | null)[] = plan.features.map((_, j) => {
    const bins = acc.bins[j];
    const cuts = plan.cuts[j];
    const n = acc.features[j].present.n;
    if (probs === null || bins === null || cuts === null || n === 0) return null;
    const values = new Map<number, number>();
    // The open bins to read, and the ranks wanted inside each.
    const wanted = new Map<number, {before: number; ranks: number[]}>();
    for (const rank of quantileRanks(n, probs)) {
      const {bin, before} = binOfRank(bins, rank);
      const cut = cutOfBin(cuts, bin);
      if (cut >= 0) values.set(rank, cuts.values[cut]);
      else {
        const w = wanted.get(bin) ?? {before, ranks: []};
        w.ranks.push(rank - before);
        wanted.set(bin, w);
      }
    }
    if (wanted.size === 0) return values;
    const collected = new Map([...wanted.keys()].map((b) => [b, {values: new Float64Array(bins[b]), used: 0}]));
    const ranges = [...wanted.keys()].sort((a, b) => a - b).map((b): [number, number] => [b, b + 1]);
    for (const c of contributions) {
      for (const part of c.parts) {
        readBins(part.bins, j, ranges, (bin, slice) => {
          const into = collected.get(bin);
          if (into === undefined || into.used + slice.length > into.values.length) throw new Error(`feature ${plan.features[j]}: bin ${bin} holds more values than the pass counted`);
          into.values.set(slice, into.used);
          into.used += slice.length;
        });
      }
    }
    for (const [bin, {before, ranks}] of wanted) {
      const into = collected.get(bin);
      if (into === undefined || into.used !== into.values.length) throw new Error(`feature ${plan.features[j]}: bin ${bin} holds ${into?.used} values, the pass counted ${into?.values.length}`);
      // Ascending ranks: each selection searches only the values not below the previous one.
      let from = 0;
      for (const r of [...ranks].sort((a, b) => a - b)) {
        values.set(before + r, orderStatistic(into.values, r, from));
        from = r + 1;
      }
    }
    return values;
  });
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
