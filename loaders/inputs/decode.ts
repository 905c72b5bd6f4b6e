import {InputError} from "../errors.js";
import {readRds, RdsError, type RValue} from "../rds/index.js";

/** Runs `read` and turns the reader's and adapters' errors into an InputError naming the file. */
export function withFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof RdsError) throw new InputError(`not a readable .rds file: ${error.message}`, {file});
    if (error instanceof SyntaxError) throw new InputError(`not valid JSON (${error.message})`, {file});
    if (error instanceof Error && error.name !== "Error") throw new InputError(error.message, {file});
    throw error;
  }
}

export function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith(".json");
}

export function decodeRds(bytes: Uint8Array): RValue {
  return readRds(bytes);
}

export function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}
