import {Worker} from "node:worker_threads";
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

/** A started worker (or a new one), referenced until it is given back. */
export function takeRangeWorker(): Worker {
  const worker = idle.pop() ?? newWorker();
  worker.ref();
  return worker;
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
