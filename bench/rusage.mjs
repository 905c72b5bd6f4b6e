// Preloaded into each benchmarked Node process (NODE_OPTIONS=--import=…):
// on exit, appends the process's peak resident memory (all its threads) to
// the file named by BENCH_RUSAGE_FILE, one JSON line per process.
import {appendFileSync} from "node:fs";
import {isMainThread} from "node:worker_threads";

// Worker threads run this preload too; the process's figures are reported once, by its main thread.
const file = process.env.BENCH_RUSAGE_FILE;
if (file && isMainThread) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    appendFileSync(file, JSON.stringify({pid: process.pid, maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000}) + "\n");
  });
}
