import {Worker} from "node:worker_threads";
import {InputError, type InputLocation} from "../errors.js";
import type {PartJob, PartOutcome} from "./range-job.js";
import {rangeWorkerScript} from "./worker-script.js";

/**
 * Range worker threads, which can be started before their jobs are known: a
 * thread takes a few hundred milliseconds to start, which then overlaps the
 * main thread's own start (loading modules, reading the model). Idle threads
 * do not keep the process alive.
 */
const idle: Worker[] = [];

export function startRangeWorkers(count: number): void {
  while (idle.length < count) idle.push(newWorker());
}

function newWorker(): Worker {
  const script = rangeWorkerScript();
  const worker = new Worker(script.url, {workerData: script.data});
  worker.unref();
  return worker;
}

/** Stops the idle workers (after a run, or when the jobs never came). */
export function stopRangeWorkers(): void {
  for (const worker of idle.splice(0)) void worker.terminate();
}

type Answer = {outcome: PartOutcome} | {progress: number} | {error: {message: string; stack?: string; input?: {problem: string; where: InputLocation}}};

/**
 * Runs the jobs on `threads` worker threads, each taking the next job when it
 * is done with one, and gives their outcomes in the jobs' order. A job that
 * fails rejects with its error (an InputError stays one).
 */
export function runOnWorkers(jobs: readonly PartJob[], threads: number, onProgress?: (index: number, bytes: number) => void): Promise<PartOutcome[]> {
  const count = Math.max(1, Math.min(threads, jobs.length));
  startRangeWorkers(count);
  const workers = idle.splice(0, count);
  const outcomes = new Array<PartOutcome>(jobs.length);
  let next = 0;
  return new Promise<PartOutcome[]>((resolve, reject) => {
    let running = 0;
    let failed = false;
    const finish = () => {
      for (const w of workers) void w.terminate();
    };
    const give = (worker: Worker) => {
      if (failed) return;
      if (next >= jobs.length) {
        if (running === 0) {
          finish();
          resolve(outcomes);
        }
        return;
      }
      const index = next++;
      ++running;
      const listen = (answer: Answer) => {
        if ("progress" in answer) return void onProgress?.(index, answer.progress);
        worker.off("message", listen);
        --running;
        if ("error" in answer) {
          failed = true;
          finish();
          const e = answer.error;
          reject(e.input ? new InputError(e.input.problem, e.input.where) : Object.assign(new Error(e.message), {stack: e.stack}));
          return;
        }
        outcomes[index] = answer.outcome;
        onProgress?.(index, jobs[index].part.to - jobs[index].part.from);
        give(worker);
      };
      worker.on("message", listen);
      worker.postMessage(jobs[index]);
    };
    for (const worker of workers) {
      worker.ref();
      worker.once("error", (error) => {
        failed = true;
        finish();
        reject(error);
      });
      give(worker);
    }
  });
}
