/**
 * Where a problem in an input was found. Every field is optional because a
 * problem may concern a whole file (missing), a column (absent) or one cell.
 */
export interface InputLocation {
  file?: string;
  /** 1-based physical line in a text file (the header is line 1). */
  line?: number;
  /** 1-based data row, for inputs without lines (a data.frame, a JSON array). */
  row?: number;
  column?: string;
}

/**
 * A problem with the report's inputs. Its message is meant for the analyst who
 * dropped the files in, so it is one line: where, then what is wrong.
 */
export class InputError extends Error {
  readonly where: InputLocation;
  readonly problem: string;

  constructor(problem: string, where: InputLocation = {}) {
    super(formatLocation(where) + problem);
    this.name = "InputError";
    this.where = where;
    this.problem = problem;
  }
}

/**
 * A place in a text file is written the way compilers and linters write it,
 * `file:line:column: `, so editors and `grep`-trained eyes find it; the column
 * is the column's name from the header (the log's fields are named, and a
 * name survives reordering where a field number does not), left out when the
 * problem concerns the whole record or header.
 */
function formatLocation({file, line, row, column}: InputLocation): string {
  if (file !== undefined && line !== undefined && row === undefined) return `${file}:${line}${column === undefined ? "" : `:${column}`}: `;
  const parts: string[] = [];
  if (line !== undefined) parts.push(`line ${line}`);
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column "${column}"`);
  const place = parts.join(", ");
  if (file !== undefined) return place ? `${file}: ${place}: ` : `${file}: `;
  return place ? `${place}: ` : "";
}

/** How many problems a list shows; the rest are counted in one more line. */
export const shownProblems = 20;

/**
 * Every problem one check found in the inputs, in file order: a user fixing a
 * log wants the whole list, not one problem per run. The message is one line
 * per problem (the first `shownProblems`), then one line counting the rest;
 * one problem reads exactly as its own InputError.
 */
export class InputProblems extends InputError {
  /** The problems shown, at most `shownProblems`. */
  readonly problems: readonly InputError[];
  /** Every problem found, shown or not. */
  readonly total: number;

  constructor(problems: readonly InputError[], total = problems.length) {
    const [first] = problems;
    if (first === undefined) throw new Error("InputProblems needs at least one problem");
    super(first.problem, first.where);
    this.name = "InputProblems";
    this.problems = problems.slice(0, shownProblems);
    this.total = Math.max(total, problems.length);
    const rest = this.total - this.problems.length;
    const lines = this.problems.map((p) => p.message);
    if (rest > 0) lines.push(`… and ${rest} more ${rest === 1 ? "problem" : "problems"} (${this.total} in all)`);
    this.message = lines.join("\n");
  }
}
