import {availableParallelism, loadavg} from "node:os";
import {parseArgs} from "node:util";
import {addCoMoments, type CoMoments, emptyCoMoments, kernelAvailable} from "../loaders/stats/index.js";
import {mulberry32} from "./random.js";

/**
 * `npm run bench:comoments -- [--rows N] [--features K] [--missing P] [--repeat R] [--engine both|wasm|scalar]`
 *
 * Times addCoMoments over N rows of K features (default 1,000,000 × 75) in
 * batches of 8,192 rows, each value missing with probability P (default
 * 0.12): the WebAssembly kernel against the plain-JS twin (the same sums in
 * the same order, its cross products a scalar loop blocked 2 × 2). Prints,
 * per engine, the median and range of R runs (default 5) in µs per row and in
 * G pair-products per second (K(K+1)/2 products per row, corrections and
 * counts included in the time but not in the count), by wall clock and by
 * the process's CPU time, with the load average before and after: the
 * machine is shared, and other processes slow the wall clock.
 *
 * The batches are a pool of 16 random ones reused in turn, so memory stays
 * small; values are about 7,000 ± 50, centred by a shift near their mean.
 */
const {values} = parseArgs({
  options: {
    rows: {type: "string", default: "1000000"},
    features: {type: "string", default: "75"},
    missing: {type: "string", default: "0.12"},
    repeat: {type: "string", default: "5"},
    engine: {type: "string", default: "both"},
  },
});
const rows = Number(values.rows);
const k = Number(values.features);
const missing = Number(values.missing);
const repeat = Number(values.repeat);
const batch = 8192;
if (!(rows > 0 && k > 0 && repeat > 0 && missing >= 0 && missing < 1)) throw new Error("bad arguments");

const rnd = mulberry32(20261101);
const pool: Float64Array[][] = Array.from({length: 16}, () =>
  Array.from({length: k}, (_, j) => Float64Array.from({length: batch}, () => (rnd() < missing ? NaN : 7000 + j + 50 * (rnd() + rnd() - 1)))),
);
const shift = Array.from({length: k}, (_, j) => 7000 + j + 0.5);

/** One pass: wall time, and this process's CPU time (user + system), which other processes on a shared machine inflate less. */
function pass(engine: "auto" | "scalar"): {ms: number; cpuMs: number; m: CoMoments} {
  const m = emptyCoMoments(shift);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let done = 0, b = 0; done < rows; done += batch, ++b) addCoMoments(m, pool[b % pool.length], Math.min(batch, rows - done), engine);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return {ms, cpuMs: (c.user + c.system) / 1000, m};
}

const products = (k * (k + 1)) / 2;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const engines: ["wasm" | "scalar", "auto" | "scalar"][] = [];
if (values.engine !== "scalar") engines.push(["wasm", "auto"]);
if (values.engine !== "wasm") engines.push(["scalar", "scalar"]);
if (!kernelAvailable()) console.log("WebAssembly SIMD is missing here: 'wasm' runs the JS twin");

console.log(`${rows.toLocaleString("en-US")} rows × ${k} features, ${(missing * 100).toFixed(1)}% missing, batches of ${batch}, ${repeat} runs each (after one warm-up)`);
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(", ")} (${availableParallelism()} cores)`);
console.log("engine   wall µs/row median (min–max)   wall G products/s median (min–max)   CPU µs/row median   CPU G products/s median");
const results = new Map<string, number>();
for (const [name, engine] of engines) {
  pass(engine);
  const runs = Array.from({length: repeat}, () => pass(engine));
  const us = runs.map((r) => (r.ms * 1000) / rows);
  const g = runs.map((r) => (products * rows) / (r.ms * 1e6));
  const cpuUs = runs.map((r) => (r.cpuMs * 1000) / rows);
  const med = median(us);
  results.set(name, med);
  console.log(
    `${name.padEnd(8)} ${med.toFixed(3)} (${Math.min(...us).toFixed(3)}–${Math.max(...us).toFixed(3)})`.padEnd(40) +
      `${median(g).toFixed(2)} (${Math.min(...g).toFixed(2)}–${Math.max(...g).toFixed(2)})`.padEnd(37) +
      `${median(cpuUs).toFixed(3)}`.padEnd(20) +
      `${(products / median(cpuUs) / 1000).toFixed(2)}`,
  );
}
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}`);
const w = results.get("wasm");
const s = results.get("scalar");
if (w !== undefined && s !== undefined) console.log(`kernel / JS twin speed-up (wall medians): ${(s / w).toFixed(2)}×`);
