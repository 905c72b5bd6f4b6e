import {readFileSync} from "node:fs";
import {parentPort} from "node:worker_threads";
import {packAccumulation} from "./accumulation-transfer.js";
import {runRangeJob, type RangeJob} from "./range-job.js";

/**
 * Worker thread entry: waits for range jobs (a worker may be started before
 * its job is known) and answers each with its result, the accumulation's and
 * kept rows' arrays transferred.
 */
const port = parentPort;
if (port === null) throw new Error("range-worker.ts runs as a worker thread (see worker-pool.ts), not on the main thread");
port.on("message", (job: RangeJob) => {
  const {result, accumulation, kept, transfer: keptArrays} = runRangeJob(job);
  const {packed, transfer} = packAccumulation(accumulation);
  if (process.env.REPORT_STREAM_TRACE) process.stderr.write(`stream: range from byte ${job.from}: ${threadCpuSeconds()} s of CPU\n`);
  port.postMessage({result, accumulation: packed, kept}, [...transfer, ...keptArrays]);
});

/** This thread's CPU time (Linux; for tracing), which unlike wall time does not count waiting for a busy machine's cores. */
function threadCpuSeconds(): string {
  try {
    const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / 100).toFixed(2);
  } catch {
    return "?";
  }
}
