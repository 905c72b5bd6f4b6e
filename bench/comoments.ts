import {availableParallelism, loadavg} from "node:os";
import {commandOrExit} from "../loaders/cli/args.js";
import {comomentsWasm} from "../loaders/stats/comoments-wasm.js";
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
 * Then the cross products alone (Σ c_i c_j over the centred, zero-filled
 * values of one batch, repeated to N rows): the kernel's `cross` export
 * against a plain JS loop blocked 2 × 2 with four accumulators.
 *
 * The batches are a pool of 16 random ones reused in turn, so memory stays
 * small; values are about 7,000 ± 50, centred by a shift near their mean.
 */
const {values} = commandOrExit({
  command: "npm run bench:comoments --",
  summary: "Times the co-moment accumulator over N rows of K features: the WebAssembly kernel against the plain-JS twin, then the cross products alone.",
  options: {
    rows: {type: "string", value: "N", default: "1000000", help: "rows"},
    features: {type: "string", value: "K", default: "75", help: "features"},
    missing: {type: "string", value: "P", default: "0.12", help: "probability a value is missing"},
    repeat: {type: "string", value: "R", default: "5", help: "runs per engine"},
    engine: {type: "string", value: "E", default: "both", help: "both, wasm or scalar"},
  },
});
const rows = Number(values.rows);
const k = Number(values.features);
const missing = Number(values.missing);
const repeat = Number(values.repeat);
const batch = 8192;
if (!(rows > 0 && k > 0 && repeat > 0 && missing >= 0 && missing < 1 && ["both", "wasm", "scalar"].includes(values.engine))) {
  process.stderr.write("error: --rows, --features and --repeat take positive numbers, --missing a probability below 1, --engine both, wasm or scalar\n");
  process.exit(2);
}

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

// The cross products alone, on one batch's centred, zero-filled values.
const c = pool[0].map((col, j) => Float64Array.from(col, (x) => (x === x ? x - shift[j] : 0)));
const calls = Math.ceil(rows / batch);

function jsCross(): number {
  const out = new Float64Array(k * k);
  const zero = new Float64Array(batch);
  const t0 = performance.now();
  for (let call = 0; call < calls; ++call) {
    for (let i = 0; i < k; i += 2) {
      const x0 = c[i];
      const x1 = i + 1 < k ? c[i + 1] : zero;
      for (let j = i; j < k; j += 2) {
        const y0 = c[j];
        const y1 = j + 1 < k ? c[j + 1] : zero;
        let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
        for (let r = 0; r < batch; ++r) {
          const a0 = x0[r], a1 = x1[r], b0 = y0[r], b1 = y1[r];
          s00 += a0 * b0; s01 += a0 * b1; s10 += a1 * b0; s11 += a1 * b1;
        }
        out[i * k + j] += s00;
        if (j + 1 < k) out[i * k + j + 1] += s01;
        if (i + 1 < k) out[(i + 1) * k + j] += s10;
        if (i + 1 < k && j + 1 < k) out[(i + 1) * k + j + 1] += s11;
      }
    }
  }
  return performance.now() - t0;
}

interface CrossKernel {
  memory: WebAssembly.Memory;
  cross(cols: number, kc: number, rows2: number, out: number, chunk: number): void;
}
const kernel = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(atob(comomentsWasm), (ch) => ch.charCodeAt(0))), {}).exports as unknown as CrossKernel;
const kc = (k + 3) & ~3;
const outAt = kc * 65600;
kernel.memory.grow(Math.ceil((outAt + kc * kc * 8) / 65536));
const heap = new Float64Array(kernel.memory.buffer);
c.forEach((col, j) => heap.set(col, (j * 65600) / 8));
function wasmCross(): number {
  const t0 = performance.now();
  for (let call = 0; call < calls; ++call) {
    heap.fill(0, outAt / 8, outAt / 8 + kc * kc);
    kernel.cross(0, kc, batch, outAt, 512);
  }
  return performance.now() - t0;
}

console.log(`\ncross products only (${products} per row), ${(calls * batch).toLocaleString("en-US")} rows, ${repeat} runs each`);
console.log("loop                 wall µs/row median (min–max)   G products/s median");
for (const [name, run] of [["kernel cross 2x4", wasmCross], ["JS 2x2 blocked", jsCross]] as const) {
  run();
  const us = Array.from({length: repeat}, () => (run() * 1000) / (calls * batch));
  console.log(`${name.padEnd(20)} ${median(us).toFixed(3)} (${Math.min(...us).toFixed(3)}–${Math.max(...us).toFixed(3)})`.padEnd(52) + `${(products / median(us) / 1000).toFixed(2)}`);
}
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}`);
