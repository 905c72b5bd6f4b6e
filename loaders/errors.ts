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

function formatLocation({file, line, row, column}: InputLocation): string {
  const parts: string[] = [];
  if (line !== undefined) parts.push(`line ${line}`);
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column "${column}"`);
  const place = parts.join(", ");
  if (file !== undefined) return place ? `${file}: ${place}: ` : `${file}: `;
  return place ? `${place}: ` : "";
}
