import {checkPlan, cutsOf, type AccumulationPlan} from "../accumulate/index.js";
import {validQuantiles} from "../drift/index.js";
import type {ModelInputs} from "../inputs/index.js";
import {priceFeatures, riskFlagSets} from "../risk/index.js";
import {featureImportance, scoringPlan, type ScoringPlan} from "../scoring/index.js";

/**
 * What the pass keeps of the log besides the fixed sums, decided before it is
 * read from the model and the statistics: the drift tests' cells (each
 * feature's training quantile values), the co-moments' shift (the training
 * means), the risk table's flag sets and price signals.
 */
export function accumulationPlan({model, stats}: ModelInputs): {plan: AccumulationPlan; scoring: ScoringPlan} {
  const scoring = scoringPlan(model, stats);
  const probs = stats.quantileProbs;
  const importance = featureImportance(model, stats);
  const prices = new Set(priceFeatures(model.features, stats));
  const plan = checkPlan({
    features: [...model.features],
    shift: Float64Array.from(scoring.fill),
    cuts: model.features.map((f) => {
      const q = stats.quantiles?.get(f);
      return probs && q && validQuantiles(q, probs) ? cutsOf(q) : null;
    }),
    flagSets: riskFlagSets(model.features, stats, importance),
    priceFeatures: model.features.flatMap((f, j) => (prices.has(f) ? [j] : [])),
  });
  return {plan, scoring};
}
