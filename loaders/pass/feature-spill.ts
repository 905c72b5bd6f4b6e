import {closeSync, openSync, readSync, writeSync} from "node:fs";
import {crc32} from "node:zlib";

/**
 * Some feature columns of a part's rows in row order (the price signals the
 * fallback serves row by row), written once to the cache as the pass reads
 * them, so they can be read back once the whole log has ranked the signals,
 * without parsing the log again and without holding them in memory.
 *
 * The file is a run of chunks of up to `chunkRows` rows, each a header (magic,
 * rows, features, then one CRC-32 per feature column) and the columns one
 * after another (rows × 8 bytes each, little-endian doubles). A reader takes
 * only the columns it needs, and checks each column's CRC before using it.
 */
const magic = 0x46435331; // "FCS1"
const chunkRows = 1 << 16;

export function chunkHeaderBytes(k: number): number {
  return 12 + 4 * k;
}

export class FeatureSpill {
  private readonly buffer: Float64Array;
  private rows = 0;
  private readonly fd: number;
  private readonly k: number;

  /** `positions`: the columns (model order) it keeps, in the order stored. */
  constructor(
    path: string,
    private readonly positions: readonly number[],
  ) {
    this.fd = openSync(path, "w");
    this.k = positions.length;
    this.buffer = new Float64Array(this.k * chunkRows);
  }

  /** Appends rows [0, rows) of the columns (all of the batch's, model order). */
  add(columns: readonly Float64Array[], rows: number): void {
    if (this.k === 0) return;
    for (let from = 0; from < rows; ) {
      const take = Math.min(rows - from, chunkRows - this.rows);
      for (let j = 0; j < this.k; ++j) this.buffer.set(columns[this.positions[j]].subarray(from, from + take), j * chunkRows + this.rows);
      this.rows += take;
      from += take;
      if (this.rows === chunkRows) this.writeChunk();
    }
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
    const k = this.k;
    const header = Buffer.alloc(chunkHeaderBytes(k));
    header.writeUInt32LE(magic, 0);
    header.writeUInt32LE(rows, 4);
    header.writeUInt32LE(k, 8);
    const columns: Buffer[] = [];
    for (let j = 0; j < k; ++j) {
      const column = Buffer.from(this.buffer.buffer, j * chunkRows * 8, rows * 8);
      header.writeUInt32LE(crc32(column), 12 + 4 * j);
      columns.push(column);
    }
    writeAll(this.fd, header);
    for (const column of columns) writeAll(this.fd, column);
    this.rows = 0;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A feature spill's columns could not be read back as written: the cache entry is damaged. */
export class SpillDamaged extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/**
 * Reads the given feature columns of a spill that stored `stored` (positions,
 * model order), chunk by chunk: `visit` gets the chunk's rows and one column
 * per requested feature (in `features` order). Throws SpillDamaged on a bad
 * header, a short read or a CRC mismatch.
 */
export function readSpill(path: string, stored: readonly number[], features: readonly number[], visit: (rows: number, columns: Float64Array[]) => void): number {
  const k = stored.length;
  const at = features.map((f) => stored.indexOf(f));
  if (at.some((i) => i < 0)) throw new Error(`the spill keeps columns ${stored.join(", ")}, not all of ${features.join(", ")}`);
  const fd = openSync(path, "r");
  let total = 0;
  try {
    const header = Buffer.alloc(chunkHeaderBytes(k));
    let offset = 0;
    for (;;) {
      const got = readSync(fd, header, 0, header.length, offset);
      if (got === 0) break;
      if (got !== header.length || header.readUInt32LE(0) !== magic || header.readUInt32LE(8) !== k) throw new SpillDamaged(path, `bad chunk header at byte ${offset}`);
      const rows = header.readUInt32LE(4);
      const body = offset + header.length;
      const columns = at.map((j) => {
        const bytes = Buffer.from(new ArrayBuffer(rows * 8));
        if (readSync(fd, bytes, 0, bytes.length, body + j * rows * 8) !== bytes.length) throw new SpillDamaged(path, `chunk at byte ${offset} is cut short`);
        if (crc32(bytes) !== header.readUInt32LE(12 + 4 * j)) throw new SpillDamaged(path, `column ${j} of the chunk at byte ${offset} does not match its checksum`);
        // The bytes were allocated for this column alone: view them as doubles without a copy.
        return new Float64Array(bytes.buffer, bytes.byteOffset, rows);
      });
      visit(rows, columns);
      total += rows;
      offset = body + k * rows * 8;
    }
  } finally {
    closeSync(fd);
  }
  return total;
}
