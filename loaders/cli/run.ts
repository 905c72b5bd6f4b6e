import {InputError} from "../errors.js";
import {UsageError} from "./args.js";

/**
 * Runs a command-line entry point with the exit statuses the README lists:
 * 0 done; 1 a problem with the inputs (its one-line message); 2 a usage
 * mistake (one line naming it); 70 a bug in the report
 * itself (one line; DEBUG=1 prints its stack trace). No user mistake prints a
 * stack trace.
 */
export const exitStatus = {done: 0, badInput: 1, usage: 2, internal: 70} as const;

export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${error.line}\n`);
        process.exitCode = exitStatus.usage;
      } else if (error instanceof InputError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = exitStatus.badInput;
      } else {
        const detail = process.env.DEBUG ? (error instanceof Error ? (error.stack ?? error.message) : String(error)) : `${error instanceof Error ? error.message : String(error)} (a bug in the report: run again with DEBUG=1 for its stack trace)`;
        process.stderr.write(`internal error: ${detail}\n`);
        process.exitCode = exitStatus.internal;
      }
    });
}
