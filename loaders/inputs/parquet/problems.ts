import {InputError} from "../../errors.js";
import type {ParquetResult} from "./rows.js";

/**
 * A Parquet file's problems, as the CSV reader's `fileProblems` gives a
 * CSV's: a file with its columns but no rows first and alone, then every
 * value problem in row order (the first `shownProblems` shown), each naming
 * its row and column (a Parquet file has rows, not lines).
 */
export function parquetFileProblems(results: readonly ParquetResult[], file: string): {errors: InputError[]; total: number} {
  if (results.every((r) => r.rows === 0)) return {errors: [new InputError("no rows: the file has its columns but no data rows", {file})], total: 1};
  const errors = results.flatMap((r) => r.problems.map((p) => new InputError(p.problem, {file, row: p.row, column: p.column})));
  return {errors, total: results.reduce((sum, r) => sum + r.problemCount, 0)};
}
