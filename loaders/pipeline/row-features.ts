import {featureImportance} from "../scoring/index.js";
import type {TrainingStats} from "../inputs/index.js";
import type {LinearModel} from "../model/index.js";
import {riskRowFeatures} from "../risk/index.js";

/**
 * The feature columns `passTables` reads row by row, beyond the
 * accumulation's sums (today only the risk table's), in model order: what the
 * streaming path keeps of every row. Known from the model and the training
 * statistics alone, before the log is read. A stage that starts reading
 * another column must name it here (the streaming test fails otherwise).
 */
export function passRowFeatures(model: LinearModel, stats: TrainingStats): string[] {
  return riskRowFeatures(model.features, stats, featureImportance(model, stats));
}
