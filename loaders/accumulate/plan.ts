import type {ProductionData} from "../inputs/index.js";
import type {Cuts} from "./cells.js";

/**
 * What one pass keeps of a production log besides the fixed sums: decided
 * from the model and the training statistics before the log is read, the same
 * for every file and every worker, so their accumulations merge.
 */
export interface AccumulationPlan {
  /** The model's features, in its order (the order of every batch's columns). */
  features: readonly string[];
  /** Each feature's training mean: values are centred on it before their products are summed (loaders/stats/comoments.ts). */
  shift: Float64Array;
  /** Each feature's distinct training quantile values (the bins its values are counted in: cells.ts), or null without quantiles. */
  cuts: (Cuts | null)[];
  /**
   * Named sets of feature positions: every kept row records, in bit k of its
   * flags, whether it misses any feature of set k (the risk table's critical
   * features by source). At most 8 sets.
   */
  flagSets: {name: string; features: number[]}[];
  /** Feature positions in the target's unit, each read as a price on its own: Σ (actual − x)² over its present rows. */
  priceFeatures: number[];
}

/** The most flag sets a row's one byte of flags holds. */
export const maxFlagSets = 8;

export function checkPlan(plan: AccumulationPlan): AccumulationPlan {
  if (plan.flagSets.length > maxFlagSets) throw new Error(`at most ${maxFlagSets} flag sets, got ${plan.flagSets.length}`);
  if (plan.shift.length !== plan.features.length || plan.cuts.length !== plan.features.length) throw new Error("a plan needs one shift and one set of cuts per feature");
  return plan;
}

/** A batch's feature columns must be the plan's, in its order. */
export function checkBatch(plan: AccumulationPlan, batch: ProductionData): void {
  if (batch.x.length !== plan.features.length) throw new Error(`a batch has ${batch.x.length} feature columns, the plan ${plan.features.length}`);
}
