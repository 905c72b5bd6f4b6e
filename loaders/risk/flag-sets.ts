import {config} from "../config.js";
import type {TrainingStats} from "../inputs/index.js";
import {criticalFeatures, type FeatureImportance} from "../scoring/index.js";

/** Model features measured in the target's unit: the price-like inputs the fallback may serve instead of the model. */
export function priceFeatures(features: readonly string[], stats: TrainingStats): string[] {
  const unit = new Map(stats.features.map((f) => [f.feature, f.unit]));
  return features.filter((f) => unit.get(f) === config.risk.priceUnit);
}

/** The feature sources other than the API (the data pipeline's), sorted. */
export function pipelineSources(stats: TrainingStats): string[] {
  return [...new Set(stats.features.map((f) => f.source))].filter((s) => s !== config.risk.apiSource).sort();
}

/** The sets of features whose absence in a row the risk table counts: any critical one, a critical one from the pipeline, from the API. */
export const riskFlagNames = ["critical", "critical-pipeline", "critical-api"] as const;
export type RiskFlag = (typeof riskFlagNames)[number];

/**
 * The flag sets the pass records for every row (loaders/accumulate/plan.ts),
 * by feature position: declared here, next to the code that reads them, and
 * known from the model and the statistics before the log is read.
 */
export function riskFlagSets(features: readonly string[], stats: TrainingStats, importance: readonly FeatureImportance[]): {name: RiskFlag; features: number[]}[] {
  const critical = criticalFeatures(importance).features.map((f) => f.feature);
  const source = new Map(stats.features.map((f) => [f.feature, f.source]));
  const pipeline = pipelineSources(stats);
  const positions = (names: string[]) => names.map((f) => features.indexOf(f)).filter((j) => j >= 0);
  return [
    {name: "critical", features: positions(critical)},
    {name: "critical-pipeline", features: positions(critical.filter((f) => pipeline.includes(source.get(f) ?? "")))},
    {name: "critical-api", features: positions(critical.filter((f) => source.get(f) === config.risk.apiSource))},
  ];
}
