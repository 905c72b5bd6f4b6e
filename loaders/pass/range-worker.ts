import {readFileSync} from "node:fs";
import {parentPort} from "node:worker_threads";
import {rowsBuffers} from "../accumulate/index.js";
import {runAnyPartJob} from "./parquet-job.js";
import type {PartJob} from "./range-job.js";

/**
 * Worker thread entry: waits for part jobs (a worker may be started before
 * its jobs are known) and answers each with its outcome, the kept rows'
 * arrays transferred (moved, not copied). A failure is answered too, as
 * {error}, so the main thread reports it in order with the other files.
 */
const port = parentPort;
if (port === null) throw new Error("range-worker.ts runs as a worker thread");
port.on("message", (job: PartJob) => {
  try {
    let reported = 0;
    // A few progress messages a second at most: every 16 MB read.
    const outcome = runAnyPartJob(job, (bytes) => {
      if (bytes - reported < 16 << 20) return;
      reported = bytes;
      port.postMessage({progress: bytes});
    });
    if (process.env.REPORT_STREAM_TRACE) process.stderr.write(`stream: ${job.part.file} from byte ${job.part.from}: ${threadCpuSeconds()} s of CPU\n`);
    port.postMessage({outcome}, rowsBuffers(outcome.rows));
  } catch (error) {
    port.postMessage({error: describe(error)});
  }
});

/** An error as plain data (an InputError's fields survive the structured clone; its class does not). */
function describe(error: unknown): {message: string; stack?: string; input?: {problem: string; where: Record<string, unknown>}} {
  if (error instanceof Error) {
    const input = "problem" in error && "where" in error ? {problem: String(error.problem), where: error.where as Record<string, unknown>} : undefined;
    return {message: error.message, stack: error.stack, input};
  }
  return {message: String(error)};
}

/** This thread's CPU time (Linux; for tracing), which unlike wall time does not count waiting for a busy machine's cores. */
function threadCpuSeconds(): string {
  try {
    const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / 100).toFixed(2);
  } catch {
    return "?";
  }
}
