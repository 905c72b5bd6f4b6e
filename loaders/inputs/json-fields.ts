import {InputError} from "../errors.js";

/**
 * Small typed readers for plain JSON-like objects (a parsed .json input, or an
 * R list converted to the same shape). Each names the path of the offending
 * field, so a bad input file gets a message that points into it.
 */
export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

export class FieldReader {
  constructor(readonly file: string) {}

  fail(path: string, problem: string, row?: number): never {
    throw new InputError(problem, {file: this.file, column: path, row});
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) this.fail(path, value === undefined ? "is missing" : "is not an object");
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, value === undefined ? "is missing" : "is not an array");
    return value;
  }

  number(value: unknown, path: string, row?: number): number {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.fail(path, value === undefined || value === null ? "is missing" : `is not a finite number (${JSON.stringify(value)})`, row);
    }
    return value;
  }

  string(value: unknown, path: string, row?: number): string {
    if (typeof value !== "string") this.fail(path, value === undefined || value === null ? "is missing" : "is not a string", row);
    return value;
  }

  numbers(value: unknown, path: string): number[] {
    return this.array(value, path).map((x, i) => this.number(x, `${path}[${i + 1}]`));
  }

  counts(value: unknown, path: string): Map<string, number> {
    const object = this.object(value, path);
    return new Map(Object.entries(object).map(([k, v]) => [k, this.number(v, `${path}.${k}`)]));
  }
}
