import {decodeJson, decodeRds, isJsonFile, withFile} from "./decode.js";
import {trainingStatsToJson} from "./training-stats-rds.js";
import {trainingStatsFromJson, type TrainingStats} from "./training-stats.js";

/** Training statistics from `training_stats.rds` or its JSON equivalent. */
export function parseStatsFile(bytes: Uint8Array, file: string): TrainingStats {
  return withFile(file, () => trainingStatsFromJson(isJsonFile(file) ? decodeJson(bytes) : trainingStatsToJson(decodeRds(bytes), file), file));
}
