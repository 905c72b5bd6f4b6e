import {parentPort, workerData} from "node:worker_threads";
import {packAccumulation} from "./accumulation-transfer.js";
import {runRangeJob, type RangeJob} from "./range-job.js";

/** Worker thread entry: runs one range job and posts its result, the accumulation's arrays transferred. */
const {result, accumulation, kept, transfer: keptArrays} = runRangeJob(workerData as RangeJob);
const {packed, transfer} = packAccumulation(accumulation);
parentPort!.postMessage({result, accumulation: packed, kept}, [...transfer, ...keptArrays]);
