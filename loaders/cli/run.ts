import {InputError} from "../errors.js";
import {UsageError} from "./args.js";

/**
 * The exit statuses the README lists: 0 done; 1 a problem with the inputs (its
 * one-line message, or one line per problem when the check lists several); 2 a usage mistake (one line naming it); 70 a bug in the
 * report itself (one line; DEBUG=1 prints its stack trace). No user mistake
 * prints a stack trace.
 */
export const exitStatus = {done: 0, badInput: 1, usage: 2, internal: 70} as const;

/** Exit statuses of a command's failures: a problem with its inputs, a usage mistake, and a bug. */
export interface FailureCodes {
  input: number;
  usage: number;
  internal: number;
}

const standardCodes: FailureCodes = {input: exitStatus.badInput, usage: exitStatus.usage, internal: exitStatus.internal};

/**
 * Runs a command-line entry point, printing each failure as one line and
 * exiting with its status. The monitor passes 3 for every failure: its 1 and 2
 * mean yellow and red to the monitoring tools that read it.
 */
export function runCli(main: () => void | Promise<void>, codes: FailureCodes = standardCodes): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${error.line}\n`);
        process.exitCode = codes.usage;
      } else if (error instanceof InputError) {
        // Each line of a problem list is a line of its own, as a compiler's are.
        process.stderr.write(error.message.split("\n").map((line) => `error: ${line}\n`).join(""));
        process.exitCode = codes.input;
      } else {
        const detail = process.env.DEBUG ? (error instanceof Error ? (error.stack ?? error.message) : String(error)) : `${error instanceof Error ? error.message : String(error)} (a bug in the report: run again with DEBUG=1 for its stack trace)`;
        process.stderr.write(`internal error: ${detail}\n`);
        process.exitCode = codes.internal;
      }
    });
}
