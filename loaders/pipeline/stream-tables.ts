import type {ColumnLayout, ModelInputs} from "../inputs/index.js";
import {streamPass, type StreamOptions} from "../pass/index.js";
import {passRowFeatures} from "./row-features.js";
import {passTables, type PassTables} from "./tables.js";

/** The tables of a production log too large to hold, from one streaming pass: all but the drift report and input summary, which read every feature column row by row. */
export interface StreamedTables extends PassTables {
  layout: ColumnLayout;
  /** Byte ranges read in parallel (1 when the log was read in one range). */
  threads: number;
}

/** Streams the log (loaders/pass), keeping of each row only the feature columns the tables read row by row, then computes the tables. */
export async function streamTables(modelInputs: ModelInputs, options: Omit<StreamOptions, "keepFeatures">): Promise<StreamedTables> {
  const keepFeatures = passRowFeatures(modelInputs.model, modelInputs.stats);
  const {inputs, scores, accumulation, layout, threads} = await streamPass(modelInputs, {...options, keepFeatures});
  return {layout, threads, ...passTables(inputs, scores, accumulation)};
}
