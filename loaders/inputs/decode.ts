import {InputError} from "../errors.js";
import {ModelError} from "../model/index.js";
import {readRds, RdsError, RValueError, type RValue} from "../rds/index.js";

/** Runs `read` and turns the reader's and adapters' errors into an InputError naming the file. */
export async function withFile<T>(file: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InputError) throw error.where.file ? error : new InputError(error.problem, {...error.where, file});
    if (error instanceof RdsError) throw new InputError(`not a readable .rds file: ${error.message}`, {file});
    if (error instanceof SyntaxError) throw new InputError(`not valid JSON (${error.message})`, {file});
    if (error instanceof ModelError || error instanceof RValueError) throw new InputError(error.message, {file});
    throw error;
  }
}

export function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith(".json");
}

export function decodeRds(bytes: Uint8Array): Promise<RValue> {
  return readRds(bytes);
}

export function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}
