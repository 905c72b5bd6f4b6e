import {closeSync, openSync, readFileSync, writeSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {isMissingToken} from "../loaders/inputs/index.js";
import {mulberry32} from "./random.js";

/**
 * A deterministic large production log made from a small one: rows resampled
 * from the seed with replacement, day by day in date order (each day keeps its
 * share of the rows), each numeric cell replaced by one of a few
 * jittered variants of the seed value (integers stay integers, missing stays
 * missing), same columns, same quoting (text quoted, missing as empty fields).
 * The same seed and row count always give the same bytes.
 */
export interface GenerateOptions {
  rows: number;
  /** PRNG seed. */
  seed?: number;
  /** Relative jitter of numeric values (uniform in ±jitter). */
  jitter?: number;
}

/** Variants per seed cell: enough that generated rows are practically all distinct. */
const variants = 16;
const textColumns = new Set(["product_id", "date", "category", "brand", "price_tier"]);

export function generateProductionCsv(seedCsv: string, outFile: string, {rows, seed = 20261101, jitter = 0.01}: GenerateOptions): {bytes: number} {
  const records = parse(readFileSync(seedCsv), {bom: true, skip_empty_lines: true}) as string[][];
  const [header, ...seedRows] = records;
  const random = mulberry32(seed);
  const integer = header.map((_, j) => isIntegerColumn(seedRows, j));
  const width = header.length;
  // Every cell's variants as bytes in one pool, separator (comma or newline)
  // included; variant v of cell (row, j) is pool[start[k + v] .. start[k + v + 1]).
  const pieces: Buffer[] = [];
  const first = new Int32Array(seedRows.length * width + 1);
  const count = new Int32Array(seedRows.length * width);
  seedRows.forEach((row, r) =>
    row.forEach((value, j) => {
      const options = cellVariants(value, textColumns.has(header[j]), integer[j], jitter, random);
      first[r * width + j] = pieces.length;
      count[r * width + j] = options.length;
      for (const v of options) pieces.push(Buffer.from(v + (j === width - 1 ? "\n" : ",")));
    }),
  );
  const pool = Buffer.concat(pieces);
  const start = new Int32Array(pieces.length + 1);
  pieces.forEach((piece, i) => (start[i + 1] = start[i] + piece.length));

  const fd = openSync(outFile, "w");
  const out = Buffer.allocUnsafe(1 << 22);
  let used = 0;
  let bytes = 0;
  const flush = () => {
    bytes += writeSync(fd, out, 0, used);
    used = 0;
  };
  try {
    used = out.write(header.map(quote).join(",") + "\n");
    // A log in time order, as a service writes it: each day gets its seed share
    // of the rows, resampled from that day's seed rows.
    const dateColumn = header.indexOf("date");
    const days = new Map<string, number[]>();
    seedRows.forEach((row, r) => days.set(row[dateColumn], [...(days.get(row[dateColumn]) ?? []), r]));
    const order = [...days.keys()].sort();
    let done = 0;
    let seen = 0;
    for (const day of order) {
      const members = days.get(day)!;
      seen += members.length;
      const target = Math.round((rows * seen) / seedRows.length);
      for (; done < target; ++done) {
        if (used > out.length - 65536) flush();
        const base = members[Math.floor(random() * members.length)] * width;
        for (let j = 0; j < width; ++j) {
          const n = count[base + j];
          const piece = first[base + j] + (n === 1 ? 0 : Math.floor(random() * n));
          for (let b = start[piece], end = start[piece + 1]; b < end; ++b) out[used++] = pool[b];
        }
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return {bytes};
}

function cellVariants(value: string, text: boolean, integer: boolean, jitter: number, random: () => number): string[] {
  if (text) return [quote(value)];
  if (isMissingToken(value)) return [""];
  const x = Number(value);
  return Array.from({length: variants}, () => {
    const y = x * (1 + jitter * (2 * random() - 1));
    return String(integer ? Math.round(y) : Number(y.toPrecision(7)));
  });
}

function isIntegerColumn(rows: string[][], j: number): boolean {
  return rows.every((row) => isMissingToken(row[j]) || /^-?\d+$/.test(row[j]));
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
