import {closeSync, fstatSync, openSync, readSync, writeSync} from "node:fs";
import {crc32} from "node:zlib";
import {SpillDamaged} from "./feature-spill.js";

/**
 * The present values of a part's binned features (those with training
 * quantiles), written once to the cache as the pass reads them, filed by bin
 * (loaders/accumulate/cells.ts): so the values of the few bins that hold a
 * wanted order statistic can be read back later, a small share of the
 * file's values, without parsing the log again and without holding it in
 * memory.
 *
 * The file is a run of blocks, one per binned feature per chunk of up to
 * `chunkRows` rows: the block's bin offsets (bins + 1 unsigned 32-bit
 * integers), one CRC-32 per bin, then its values in bin order (doubles; in
 * row order within a bin). A footer lists the blocks (JSON), then its byte
 * length and a magic number.
 */
const magic = 0x42494e31; // "BIN1"
const chunkRows = 1 << 16;

interface Block {
  feature: number;
  offset: number;
  bins: number;
  values: number;
}

export class BinSpill {
  private readonly fd: number;
  private readonly values: Float64Array[];
  private readonly bins: Uint16Array[];
  private rows = 0;
  private position = 0;
  private readonly blocks: Block[] = [];

  /** `features`: the positions (model order) of the binned features, each with its bin count. */
  constructor(
    path: string,
    private readonly features: readonly {position: number; bins: number}[],
  ) {
    this.fd = openSync(path, "w");
    this.values = features.map(() => new Float64Array(chunkRows));
    this.bins = features.map(() => new Uint16Array(chunkRows));
  }

  /**
   * Adds rows [0, rows) of the columns with each value's bin (−1 = missing):
   * `binIndexes[f]` for the f-th binned feature.
   */
  add(columns: readonly Float64Array[], binIndexes: readonly Int32Array[], rows: number): void {
    for (let from = 0; from < rows; ) {
      const take = Math.min(rows - from, chunkRows - this.rows);
      this.features.forEach((f, i) => {
        this.values[i].set(columns[f.position].subarray(from, from + take), this.rows);
        const bins = this.bins[i];
        const source = binIndexes[i];
        // A missing value keeps bin 65535, beyond every feature's bins, and is left out when the chunk is filed.
        for (let r = 0; r < take; ++r) bins[this.rows + r] = source[from + r] < 0 ? 0xffff : source[from + r];
      });
      this.rows += take;
      from += take;
      if (this.rows === chunkRows) this.writeChunk();
    }
  }

  close(): void {
    try {
      if (this.rows > 0) this.writeChunk();
      const footer = Buffer.from(JSON.stringify(this.blocks));
      const tail = Buffer.alloc(8);
      tail.writeUInt32LE(footer.length, 0);
      tail.writeUInt32LE(magic, 4);
      this.write(footer);
      this.write(tail);
    } finally {
      closeSync(this.fd);
    }
  }

  private writeChunk(): void {
    const rows = this.rows;
    this.features.forEach((f, i) => {
      const bins = this.bins[i];
      const values = this.values[i];
      // A counting sort of the chunk's values by bin, rows in order within a bin.
      const start = new Uint32Array(f.bins + 1);
      for (let r = 0; r < rows; ++r) if (bins[r] !== 0xffff) ++start[bins[r] + 1];
      for (let b = 0; b < f.bins; ++b) start[b + 1] += start[b];
      const present = start[f.bins];
      const filed = new Float64Array(present);
      const next = start.slice(0, f.bins);
      for (let r = 0; r < rows; ++r) if (bins[r] !== 0xffff) filed[next[bins[r]]++] = values[r];
      const crcs = new Uint32Array(f.bins);
      const bytes = Buffer.from(filed.buffer);
      for (let b = 0; b < f.bins; ++b) crcs[b] = crc32(bytes.subarray(start[b] * 8, start[b + 1] * 8));
      this.blocks.push({feature: f.position, offset: this.position, bins: f.bins, values: present});
      this.write(Buffer.from(start.buffer));
      this.write(Buffer.from(crcs.buffer));
      this.write(bytes);
    });
    this.rows = 0;
  }

  private write(bytes: Buffer): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.position += bytes.length;
  }
}

/**
 * The values of bins [first, end) of one feature, from every block of the
 * spill, in block order (so in log order within each bin of one part).
 * Throws SpillDamaged when the file or a bin's checksum does not hold.
 */
export function readBins(path: string, feature: number, ranges: readonly [number, number][], into: (bin: number, values: Float64Array) => void): void {
  const fd = openSync(path, "r");
  try {
    for (const block of footerOf(fd, path)) {
      if (block.feature !== feature) continue;
      const header = Buffer.from(new ArrayBuffer((block.bins + 1) * 4 + block.bins * 4));
      if (readSync(fd, header, 0, header.length, block.offset) !== header.length) throw new SpillDamaged(path, `block at byte ${block.offset} is cut short`);
      const start = new Uint32Array(header.buffer, 0, block.bins + 1);
      const crcs = new Uint32Array(header.buffer, (block.bins + 1) * 4, block.bins);
      if (start[block.bins] !== block.values) throw new SpillDamaged(path, `block at byte ${block.offset} does not hold the values its footer counts`);
      const body = block.offset + header.length;
      for (const [first, end] of ranges) {
        if (start[end] === start[first]) continue;
        const bytes = Buffer.from(new ArrayBuffer((start[end] - start[first]) * 8));
        if (readSync(fd, bytes, 0, bytes.length, body + start[first] * 8) !== bytes.length) throw new SpillDamaged(path, `block at byte ${block.offset} is cut short`);
        for (let b = first; b < end; ++b) {
          const slice = bytes.subarray((start[b] - start[first]) * 8, (start[b + 1] - start[first]) * 8);
          if (crc32(slice) !== crcs[b]) throw new SpillDamaged(path, `bin ${b} of feature ${feature} at byte ${block.offset} does not match its checksum`);
          into(b, new Float64Array(slice.buffer, slice.byteOffset, slice.length / 8));
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

function footerOf(fd: number, path: string): Block[] {
  const size = fstatSync(fd).size;
  const tail = Buffer.alloc(8);
  if (size < 8 || readSync(fd, tail, 0, 8, size - 8) !== 8 || tail.readUInt32LE(4) !== magic) throw new SpillDamaged(path, "no footer");
  const length = tail.readUInt32LE(0);
  if (length > size - 8) throw new SpillDamaged(path, "footer larger than the file");
  const footer = Buffer.alloc(length);
  readSync(fd, footer, 0, length, size - 8 - length);
  try {
    return JSON.parse(footer.toString("utf8")) as Block[];
  } catch {
    throw new SpillDamaged(path, "footer is not readable");
  }
}
