import {InputError} from "../errors.js";

/** Exit statuses of a command's failures: a problem with its inputs, and a bug. */
export interface FailureCodes {
  input: number;
  internal: number;
}

/**
 * Runs a command-line entry point: a problem with the inputs prints its one-line
 * message and exits `codes.input` (1); anything else is a bug and keeps its
 * stack trace (`codes.internal`, 2). The monitor passes 3 for both: its 1 and 2
 * mean yellow and red to the monitoring tools that read it.
 */
export function runCli(main: () => void | Promise<void>, codes: FailureCodes = {input: 1, internal: 2}): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof InputError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = codes.input;
      } else {
        process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = codes.internal;
      }
    });
}
