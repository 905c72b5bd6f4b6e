import type {InputError} from "../../errors.js";
import {headerOnlyError, recordInputError, syntaxInputError} from "./header.js";
import type {RangeResult} from "./row-stream.js";

/** A file's problems, the first ones found (at most `shownProblems`), and how many there are in all. */
export interface FileProblems {
  errors: InputError[];
  total: number;
}

/**
 * The problems of a file read as consecutive byte ranges (one range, or one
 * per thread), in file order. A syntax error or an encoding error stops
 * reading and comes alone: the first in file order, since one reading of the
 * whole file would stop there and never see what follows (and csv-parse, the
 * reference, reports a syntax error anywhere before any bad value). Then a
 * header without rows; then every record problem. `lineBase` is the file's
 * line at the first range's start; each range counts lines from its own.
 */
export function fileProblems(results: readonly RangeResult[], file: string, lineBase: number): FileProblems {
  const bases = results.map((_, i) => results.slice(0, i).reduce((sum, r) => sum + r.lines, lineBase));
  for (let i = 0; i < results.length; ++i) {
    const {syntaxError, encodingError} = results[i];
    if (syntaxError) return {errors: [syntaxInputError(syntaxError, file, bases[i])], total: 1};
    if (encodingError) return {errors: [recordInputError(encodingError, file, bases[i])], total: 1};
  }
  if (results.every((r) => r.rows === 0)) return {errors: [headerOnlyError(file)], total: 1};
  const errors = results.flatMap((r, i) => r.problems.map((p) => recordInputError(p, file, bases[i])));
  return {errors, total: results.reduce((sum, r) => sum + r.problemCount, 0)};
}
