import {closeSync, openSync, readSync, writeSync} from "node:fs";
import {crc32} from "node:zlib";

/**
 * A part's feature columns, written once to the cache as the pass reads
 * them, so the figures that need a feature's values once the whole log's sums
 * are known (its exact production quantiles, the fallback's price signals
 * row by row) can read them back without parsing the log again and without
 * holding them in memory (a million rows × 75 features is 600 MB).
 *
 * Beside each binned feature's values (those with training quantiles) the
 * spill keeps each value's bin (loaders/accumulate/cells.ts; 0xffff when
 * missing), so a reader looking for the values of a few bins compares
 * 16-bit numbers and reads a value column only where its bins occur.
 *
 * The file is a run of chunks of up to `chunkRows` rows: a header (magic,
 * rows, value columns k, bin columns kb, one CRC-32 per column), then the k
 * value columns (rows doubles each) and the kb bin columns (rows 16-bit
 * integers each), in the order given when the spill was made.
 */
const magic = 0x46435332; // "FCS2"
export const chunkRows = 1 << 16;
/** The bin of a missing value: beyond every feature's bins. */
export const missingBin = 0xffff;

function headerBytes(k: number, kb: number): number {
  return 16 + 4 * (k + kb);
}

/** Where a batch's rows go in the spill's current chunk: every value column, and the bin columns, from `offset`. */
export interface SpillSlot {
  offset: number;
  values: Float64Array[];
  /** Bin columns by feature position (null for a feature without bins). */
  bins: (Uint16Array | null)[];
}

export class FeatureSpill {
  private readonly fd: number;
  private readonly values: Float64Array[];
  private readonly binColumns: Uint16Array[];
  private readonly binsByFeature: (Uint16Array | null)[];
  private rows = 0;

  /** `features`: the number of feature columns; `binned`: which of them keep their bins (by position). */
  constructor(
    path: string,
    private readonly features: number,
    private readonly binned: readonly boolean[],
  ) {
    this.fd = openSync(path, "w");
    this.values = Array.from({length: features}, () => new Float64Array(chunkRows));
    this.binsByFeature = binned.map((b) => (b ? new Uint16Array(chunkRows) : null));
    this.binColumns = this.binsByFeature.filter((b): b is Uint16Array => b !== null);
  }

  /**
   * Room for `rows` more rows in the current chunk (written first when they
   * would not fit): the caller copies the values there and writes each
   * binned value's bin at [offset, offset + rows).
   */
  slot(rows: number): SpillSlot {
    if (rows > chunkRows) throw new RangeError(`a batch of ${rows} rows is larger than a spill chunk`);
    if (this.rows + rows > chunkRows) this.writeChunk();
    const offset = this.rows;
    this.rows += rows;
    return {offset, values: this.values, bins: this.binsByFeature};
  }

  /** Writes what is left and closes the file. */
  close(): void {
    try {
      if (this.rows > 0) this.writeChunk();
    } finally {
      closeSync(this.fd);
    }
  }

  private writeChunk(): void {
    const rows = this.rows;
    const k = this.features;
    const kb = this.binColumns.length;
    const header = Buffer.alloc(headerBytes(k, kb));
    header.writeUInt32LE(magic, 0);
    header.writeUInt32LE(rows, 4);
    header.writeUInt32LE(k, 8);
    header.writeUInt32LE(kb, 12);
    const columns = [...this.values.map((c) => Buffer.from(c.buffer, 0, rows * 8)), ...this.binColumns.map((c) => Buffer.from(c.buffer, 0, rows * 2))];
    columns.forEach((column, i) => header.writeUInt32LE(crc32(column), 16 + 4 * i));
    writeAll(this.fd, header);
    for (const column of columns) writeAll(this.fd, column);
    this.rows = 0;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A spill's columns could not be read back as written: the cache entry is damaged. */
export class SpillDamaged extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/**
 * One chunk as a reader sees it: its rows, and readers of its columns (each
 * read and checked against its CRC when asked for). A column is a view of
 * the reader's scratch memory, valid until the next column of the same kind
 * is asked for: copy what must outlive it.
 */
export interface SpillChunk {
  rows: number;
  values(feature: number): Float64Array;
  /** The bins of a binned feature (its place among the binned ones: `binIndex`). */
  bins(binIndex: number): Uint16Array;
}

/**
 * Reads a spill chunk by chunk; `visit` reads the columns it needs from each.
 * Throws SpillDamaged on a bad header, a short read or a CRC mismatch.
 * Returns the rows read.
 */
export function readSpill(path: string, visit: (chunk: SpillChunk) => void): number {
  const fd = openSync(path, "r");
  let total = 0;
  try {
    const fixed = Buffer.alloc(16);
    // Scratch memory for columns, reused chunk after chunk (a fresh buffer per column would zero 600 MB per million rows).
    const valuesScratch = new Float64Array(chunkRows);
    const binsScratch = new Uint16Array(chunkRows);
    let offset = 0;
    for (;;) {
      const got = readSync(fd, fixed, 0, 16, offset);
      if (got === 0) break;
      if (got !== 16 || fixed.readUInt32LE(0) !== magic) throw new SpillDamaged(path, `bad chunk header at byte ${offset}`);
      const rows = fixed.readUInt32LE(4);
      const k = fixed.readUInt32LE(8);
      const kb = fixed.readUInt32LE(12);
      const header = Buffer.alloc(headerBytes(k, kb));
      if (readSync(fd, header, 0, header.length, offset) !== header.length) throw new SpillDamaged(path, `chunk at byte ${offset} is cut short`);
      const body = offset + header.length;
      if (rows > chunkRows) throw new SpillDamaged(path, `chunk at byte ${offset} claims ${rows} rows`);
      const column = (i: number, at: number, bytes: number, scratch: ArrayBuffer): Buffer => {
        const out = Buffer.from(scratch, 0, bytes);
        if (readSync(fd, out, 0, bytes, at) !== bytes) throw new SpillDamaged(path, `chunk at byte ${offset} is cut short`);
        if (crc32(out) !== header.readUInt32LE(16 + 4 * i)) throw new SpillDamaged(path, `column ${i} of the chunk at byte ${offset} does not match its checksum`);
        return out;
      };
      const chunkStart = offset;
      visit({
        rows,
        values(feature) {
          if (feature >= k) throw new RangeError(`feature ${feature} of a spill of ${k}`);
          column(feature, body + feature * rows * 8, rows * 8, valuesScratch.buffer);
          return valuesScratch.subarray(0, rows);
        },
        bins(binIndex) {
          if (binIndex >= kb) throw new RangeError(`bin column ${binIndex} of a spill of ${kb} (chunk at byte ${chunkStart})`);
          column(k + binIndex, body + k * rows * 8 + binIndex * rows * 2, rows * 2, binsScratch.buffer);
          return binsScratch.subarray(0, rows);
        },
      });
      total += rows;
      offset = body + k * rows * 8 + kb * rows * 2;
    }
  } finally {
    closeSync(fd);
  }
  return total;
}
