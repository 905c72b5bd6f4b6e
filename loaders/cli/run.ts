import {InputError} from "../errors.js";

/**
 * Runs a command-line entry point: a problem with the inputs prints its one-line
 * message and exits 1; anything else is a bug and keeps its stack trace.
 */
export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof InputError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 2;
      }
    });
}
