import {decodeJson, decodeRds, isJsonFile, withFile} from "./decode.js";
import {trainingStatsToJson} from "./training-stats-rds.js";
import {trainingStatsFromJson, type TrainingStats} from "./training-stats.js";

/** Training statistics from `training_stats.rds` or its JSON equivalent. */
export function parseStatsFile(bytes: Uint8Array, file: string): Promise<TrainingStats> {
  return withFile(file, async () =>
    trainingStatsFromJson(isJsonFile(file) ? decodeJson(bytes) : trainingStatsToJson(await decodeRds(bytes), file), file),
  );
}
