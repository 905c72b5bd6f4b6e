import {modelFromJson, modelFromR, type LinearModel, type ModelOptions} from "../model/index.js";
import {decodeJson, decodeRds, isJsonFile, withFile} from "./decode.js";

/** The model to score with, from a .rds written by R or its JSON equivalent. */
export function parseModelFile(bytes: Uint8Array, file: string, options: ModelOptions = {}): Promise<LinearModel> {
  return withFile(file, async () => (isJsonFile(file) ? modelFromJson(decodeJson(bytes)) : modelFromR(await decodeRds(bytes), options)));
}
