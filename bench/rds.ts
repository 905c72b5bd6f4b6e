/**
 * Decoding speed of the .rds parser on uncompressed numeric payload:
 *
 *   npm run bench:rds [-- N_DOUBLES]
 *
 * Builds a serialization stream holding one double vector (50M values by
 * default, XDR as saveRDS writes it, and native little-endian) in memory and
 * reports MB/s of payload decoded, best of several runs. Not a test: timings
 * depend on the machine.
 */
import {parseRds} from "../loaders/rds/index.js";

const n = Number(process.argv[2] ?? 50_000_000);
const runs = 5;

function stream(format: "X" | "B", count: number): Uint8Array {
  const header = 2 + 4 * 3 + 4 + 5; // format, version, writer, min reader, encoding name
  const bytes = new Uint8Array(header + 8 + count * 8);
  const view = new DataView(bytes.buffer);
  const little = format === "B";
  bytes[0] = format.charCodeAt(0);
  bytes[1] = 0x0a;
  let at = 2;
  for (const v of [3, 0x040202, 0x030500, 5]) {
    view.setInt32(at, v, little);
    at += 4;
  }
  bytes.set(new TextEncoder().encode("UTF-8"), at);
  at += 5;
  view.setInt32(at, 14, little); // REALSXP, no attributes
  view.setInt32(at + 4, count, little);
  at += 8;
  for (let i = 0; i < count; i++, at += 8) view.setFloat64(at, i * 0.5 - 1e6, little);
  return bytes;
}

function bench(label: string, bytes: Uint8Array): void {
  const payloadMB = (n * 8) / 1e6;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const v = parseRds(bytes);
    const ms = performance.now() - t0;
    if (v.type !== "double" || v.values.length !== n || v.values[n - 1] !== (n - 1) * 0.5 - 1e6) {
      throw new Error("benchmark stream decoded wrongly");
    }
    best = Math.min(best, ms);
  }
  console.log(`${label}: ${n.toLocaleString("en")} doubles (${payloadMB.toFixed(0)} MB) in ${best.toFixed(0)} ms = ${(payloadMB / (best / 1000)).toFixed(0)} MB/s`);
}

bench("XDR (saveRDS) ", stream("X", n));
bench("native binary ", stream("B", n));
