import type {Accumulation, Rows} from "../accumulate/index.js";
import type {TrainingStats} from "../inputs/index.js";
import {predictionConclusion, segmentMixConclusion, targetConclusion} from "./label-drift-conclusions.js";
import {predictionDrift, type PredictionDrift} from "./prediction-drift.js";
import {segmentMixReport, type SegmentMixReport} from "./segment-mix.js";
import {targetDrift, type TargetDrift} from "./target-drift.js";

/** The Drift page's sections on what training_stats holds beyond the features: the segment mix, the target, the predictions. */
export interface LabelDrift {
  segment_mix: SegmentMixReport;
  target: TargetDrift;
  prediction: PredictionDrift;
  conclusions: {segment_mix: string; target: string; prediction: string};
}

export function labelDrift(acc: Accumulation, rows: Rows, stats: TrainingStats, validationRmse: number): LabelDrift {
  const segment_mix = segmentMixReport(acc, stats);
  const target = targetDrift(rows, stats, validationRmse);
  const prediction = predictionDrift(rows, stats);
  return {
    segment_mix,
    target,
    prediction,
    conclusions: {segment_mix: segmentMixConclusion(segment_mix), target: targetConclusion(target), prediction: predictionConclusion(prediction)},
  };
}
