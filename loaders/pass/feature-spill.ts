import {closeSync, fstatSync, openSync, readSync, writevSync} from "node:fs";
import {crc32} from "node:zlib";

/**
 * What a part keeps of its feature values, written once to the cache as the
 * pass reads them, for the figures that need values once the whole log's sums
 * are known, without parsing the log again and without holding the values in
 * memory (a million rows × 75 features is 600 MB):
 *
 * - exact production quantiles (loaders/drift/quantile-look.ts): the merged
 *   bin counts (loaders/accumulate/cells.ts) say which bin holds each order
 *   statistic, so only the values of those few bins are needed. Each binned
 *   feature's present values are therefore stored bin by bin (a counting
 *   sort of the chunk by bin, rows in log order within a bin), with the
 *   chunk's count per bin: a reader reads the values of one bin, a few
 *   hundred bytes, not the column.
 * - the fallback's price signals row by row (loaders/risk/fallback.ts): the
 *   plan's price features are stored as plain columns in row order.
 *
 * A feature that is neither is not stored. Every byte a reader uses is
 * checked against a CRC-32 first: each row-order column has one, each binned
 * feature's counts have one, and its values have one per group of
 * `groupBins` consecutive bins (one CRC per bin would cost a call per few
 * values; a reader of one bin reads and checks its group, about 8/1,000 of
 * the feature's values).
 *
 * The file is a run of chunks of up to `chunkRows` rows:
 *   header: magic, header bytes, rows, kr, kb (u32 each), then
 *     kr × (feature position, CRC of its column),
 *     kb × (feature position, bins B, present values P, CRC of the counts, then ⌈B / groupBins⌉ group CRCs);
 *   body: the kr row-order columns (rows doubles each), then per binned
 *     feature its B counts (u32) and its P values (doubles) in bin order.
 */
const magic = 0x46435333; // "FCS3"
export const chunkRows = 1 << 16;
/** The bin of a missing value: beyond every feature's bins. */
export const missingBin = 0xffff;
/** Bytes from one chunk column to the next (see the constructor). */
const columnStride = chunkRows * 8 + 64;
/** Bins per checked group of a binned feature's values. */
export const groupBins = 8;

/** How a part's features are spilled: which in row order, and how many bins each binned one has (null: not binned). */
export interface SpillLayout {
  features: number;
  /** Feature positions stored as row-order columns. */
  rowFeatures: readonly number[];
  /** Per feature position, its bin count, or null. */
  binCounts: readonly (number | null)[];
}

/** Where a batch's rows go in the spill's current chunk: its feature columns, and the bin columns, from `offset`. */
export interface SpillSlot {
  offset: number;
  /** Every feature's column, viewed from `offset` with room for the rows asked for: the reader writes the batch there. */
  values: Float64Array[];
  /** Whole bin columns by feature position (null for a feature without bins): the batch's bins go at [offset, offset + rows). */
  bins: (Uint16Array | null)[];
}

export class FeatureSpill {
  private readonly fd: number;
  /** The chunk's values, one column per feature (the reader parses into them: see slot). */
  private readonly values: Float64Array[];
  private readonly bins: (Uint16Array | null)[];
  private readonly binned: number[];
  /** Scratch of the counting sort: one binned column's values in bin order, its counts, their running ends. */
  private readonly sorted = new Float64Array(chunkRows);
  private readonly counts: Uint32Array[];
  private readonly ends = new Uint32Array(missingBin);
  private rows = 0;
  /** Where the next chunk starts in the file. */
  private at = 0;
  private reserved = 0;

  constructor(
    path: string,
    private readonly layout: SpillLayout,
  ) {
    this.fd = openSync(path, "w");
    // One block, each column a cache line further than a power of two from the last: the reader writes a row
    // into every column in turn, and columns 512 KiB apart would all fall in the same few cache sets and evict each other.
    const block = new ArrayBuffer(layout.features * columnStride);
    this.values = Array.from({length: layout.features}, (_, j) => new Float64Array(block, j * columnStride, chunkRows));
    this.bins = layout.binCounts.map((b) => (b === null ? null : new Uint16Array(chunkRows)));
    this.binned = layout.binCounts.flatMap((b, j) => (b === null ? [] : [j]));
    this.counts = this.binned.map((j) => new Uint32Array(layout.binCounts[j] ?? 0));
  }

  /**
   * Room for up to `rows` more rows in the current chunk (written out first
   * when they would not fit): the caller puts the batch's values there and
   * each binned value's bin at [offset, offset + rows), then calls `commit`
   * with the rows it used.
   */
  slot(rows: number): SpillSlot {
    if (rows > chunkRows) throw new RangeError(`a batch of ${rows} rows is larger than a spill chunk`);
    if (this.rows + rows > chunkRows) this.writeChunk();
    const offset = this.rows;
    this.reserved = rows;
    return {offset, values: this.values.map((c) => c.subarray(offset, offset + rows)), bins: this.bins};
  }

  /** The slot's first `rows` rows are the batch's. */
  commit(rows: number): void {
    if (rows > this.reserved) throw new RangeError(`${rows} rows committed to a slot of ${this.reserved}`);
    this.rows += rows;
    this.reserved = 0;
  }

  /** Writes what is left and closes the file. */
  close(): void {
    try {
      if (this.rows > 0) this.writeChunk();
    } finally {
      closeSync(this.fd);
    }
  }

  /** The size of a chunk's header: fixed by the layout, so the body can be written before it. */
  private headerBytes(): number {
    const {rowFeatures, binCounts} = this.layout;
    return 4 * (5 + 2 * rowFeatures.length + this.binned.reduce((sum, j) => sum + 4 + Math.ceil((binCounts[j] ?? 0) / groupBins), 0));
  }

  /** Writes the chunk at the end of the file: its body first (each binned column sorted into the one scratch buffer and written before the next), then its header in front. */
  private writeChunk(): void {
    const rows = this.rows;
    const {rowFeatures, binCounts} = this.layout;
    const chunkAt = this.at;
    const header: number[] = [magic, this.headerBytes(), rows, rowFeatures.length, this.binned.length];
    let at = chunkAt + header[1];
    const columns: Buffer[] = [];
    for (const j of rowFeatures) {
      const column = Buffer.from(this.values[j].buffer, this.values[j].byteOffset, rows * 8);
      header.push(j, crc32(column));
      columns.push(column);
    }
    at += writeAll(this.fd, columns, at);
    this.binned.forEach((j, b) => {
      const bins = this.bins[j];
      const binCount = binCounts[j];
      if (bins === null || binCount === null) return;
      const counts = this.counts[b];
      const ends = this.ends;
      const sorted = this.sorted;
      const present = sortByBin(bins, this.values[j], rows, binCount, counts, ends, sorted);
      const countBytes = Buffer.from(counts.buffer, 0, binCount * 4);
      const countsCrc = crc32(countBytes);
      const valueBytes = Buffer.from(sorted.buffer, 0, present * 8);
      header.push(j, binCount, present, countsCrc);
      for (let g = 0; g * groupBins < binCount; ++g) {
        const first = g === 0 ? 0 : ends[g * groupBins - 1];
        const end = ends[Math.min(binCount, (g + 1) * groupBins) - 1];
        header.push(crc32(valueBytes.subarray(first * 8, end * 8)));
      }
      at += writeAll(this.fd, [countBytes, valueBytes], at);
    });
    writeAll(this.fd, [Buffer.from(Uint32Array.from(header).buffer)], chunkAt);
    this.at = at;
    this.rows = 0;
  }
}

/**
 * A counting sort of rows [0, rows) of a binned column by bin: `counts` gets
 * each bin's count, `ends` where each bin's values end in `sorted` (which
 * gets the present values, bin by bin, in row order within a bin). Returns
 * the present values.
 */
function sortByBin(bins: Uint16Array, values: Float64Array, rows: number, binCount: number, counts: Uint32Array, ends: Uint32Array, sorted: Float64Array): number {
  counts.fill(0);
  let missing = 0;
  for (let i = 0; i < rows; ++i) {
    const t = bins[i];
    if (t === missingBin) ++missing;
    else ++counts[t];
  }
  for (let t = 0, start = 0; t < binCount; ++t) {
    ends[t] = start;
    start += counts[t];
  }
  for (let i = 0; i < rows; ++i) {
    const t = bins[i];
    if (t !== missingBin) sorted[ends[t]++] = values[i];
  }
  return rows - missing;
}

/** Writes the buffers at `position`; returns the bytes written. */
function writeAll(fd: number, buffers: Buffer[], position: number): number {
  let left = buffers.filter((b) => b.length > 0);
  let written = 0;
  while (left.length > 0) {
    let done = writevSync(fd, left, position + written);
    written += done;
    while (left.length > 0 && done >= left[0].length) {
      done -= left[0].length;
      left = left.slice(1);
    }
    if (done > 0) left[0] = left[0].subarray(done);
  }
  return written;
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
 * One chunk as a reader sees it: its rows, and readers of its values (each
 * read and checked against its CRC when asked for). A row-order column is a
 * view of the reader's scratch memory, valid until the next one is asked
 * for; a bin's values are a view valid until the next group is read: copy
 * what must outlive them.
 */
export interface SpillChunk {
  rows: number;
  /** A row-order feature's column (a price feature of the plan). */
  values(feature: number): Float64Array;
  /** The values of one bin of a binned feature, in row order. */
  binValues(feature: number, bin: number): Float64Array;
}

interface BinnedEntry {
  bins: number;
  present: number;
  countsCrc: number;
  groupCrcs: number[];
  /** File offsets of its counts and its values. */
  countsAt: number;
  valuesAt: number;
  /** Where each bin's values start among them (read when first asked for). */
  starts: Uint32Array | null;
}

/**
 * Reads a spill chunk by chunk; `visit` reads the values it needs from each.
 * Throws SpillDamaged on a bad header, a short read, a CRC mismatch, a file
 * that does not end where its last chunk does, or rows other than `rows`
 * (when given). Returns the rows read.
 */
export function readSpill(path: string, visit: (chunk: SpillChunk) => void, rows?: number): number {
  const fd = openSync(path, "r");
  let total = 0;
  try {
    const size = fstatSync(fd).size;
    const fixed = Buffer.alloc(20);
    // Scratch memory, reused chunk after chunk (a fresh buffer per column would zero 600 MB per million rows).
    const columnScratch = new Float64Array(chunkRows);
    const groupScratch = new Float64Array(chunkRows);
    let offset = 0;
    while (offset < size) {
      if (readSync(fd, fixed, 0, 20, offset) !== 20 || fixed.readUInt32LE(0) !== magic) throw new SpillDamaged(path, `bad chunk header at byte ${offset}`);
      const headerBytes = fixed.readUInt32LE(4);
      const chunk = fixed.readUInt32LE(8);
      const kr = fixed.readUInt32LE(12);
      const kb = fixed.readUInt32LE(16);
      if (chunk > chunkRows || headerBytes < 20 + 8 * kr + 16 * kb || headerBytes % 4 !== 0 || offset + headerBytes > size) throw new SpillDamaged(path, `bad chunk header at byte ${offset}`);
      const header = Buffer.alloc(headerBytes);
      if (readSync(fd, header, 0, headerBytes, offset) !== headerBytes) throw new SpillDamaged(path, `chunk at byte ${offset} is cut short`);
      const word = (i: number) => header.readUInt32LE(i * 4);
      let w = 5;
      let at = offset + headerBytes;
      const columns = new Map<number, {at: number; crc: number}>();
      for (let i = 0; i < kr; ++i, w += 2) {
        columns.set(word(w), {at, crc: word(w + 1)});
        at += chunk * 8;
      }
      const binned = new Map<number, BinnedEntry>();
      for (let i = 0; i < kb; ++i) {
        if ((w + 4) * 4 > headerBytes) throw new SpillDamaged(path, `bad chunk header at byte ${offset}`);
        const feature = word(w);
        const bins = word(w + 1);
        const present = word(w + 2);
        const groups = Math.ceil(bins / groupBins);
        if ((w + 4 + groups) * 4 > headerBytes || present > chunk) throw new SpillDamaged(path, `bad chunk header at byte ${offset}`);
        const groupCrcs = Array.from({length: groups}, (_, g) => word(w + 4 + g));
        binned.set(feature, {bins, present, countsCrc: word(w + 3), groupCrcs, countsAt: at, valuesAt: at + bins * 4, starts: null});
        at += bins * 4 + present * 8;
        w += 4 + groups;
      }
      if (at > size) throw new SpillDamaged(path, `chunk at byte ${offset} is cut short`);
      const chunkAt = offset;
      const read = (into: Uint8Array, from: number) => {
        if (readSync(fd, into, 0, into.length, from) !== into.length) throw new SpillDamaged(path, `chunk at byte ${chunkAt} is cut short`);
      };
      const startsOf = (feature: number, e: BinnedEntry): Uint32Array => {
        if (e.starts !== null) return e.starts;
        const counts = Buffer.alloc(e.bins * 4);
        read(counts, e.countsAt);
        if (crc32(counts) !== e.countsCrc) throw new SpillDamaged(path, `the bin counts of feature ${feature} in the chunk at byte ${chunkAt} do not match their checksum`);
        const starts = new Uint32Array(e.bins + 1);
        for (let t = 0; t < e.bins; ++t) starts[t + 1] = starts[t] + counts.readUInt32LE(t * 4);
        if (starts[e.bins] !== e.present) throw new SpillDamaged(path, `the bin counts of feature ${feature} in the chunk at byte ${chunkAt} do not add up`);
        return (e.starts = starts);
      };
      // The group last read (a reader asks for a feature's bins in order, often several in one group).
      let group: {feature: number; g: number} | null = null;
      visit({
        rows: chunk,
        values(feature) {
          const c = columns.get(feature);
          if (c === undefined) throw new RangeError(`feature ${feature} is not spilled in row order`);
          const bytes = new Uint8Array(columnScratch.buffer, 0, chunk * 8);
          read(bytes, c.at);
          if (crc32(bytes) !== c.crc) throw new SpillDamaged(path, `feature ${feature}'s column in the chunk at byte ${chunkAt} does not match its checksum`);
          return columnScratch.subarray(0, chunk);
        },
        binValues(feature, bin) {
          const e = binned.get(feature);
          if (e === undefined) throw new RangeError(`feature ${feature} is not spilled by bin`);
          if (!(bin >= 0 && bin < e.bins)) throw new RangeError(`bin ${bin} of feature ${feature}, which has ${e.bins}`);
          const starts = startsOf(feature, e);
          const g = Math.floor(bin / groupBins);
          const first = starts[g * groupBins];
          if (group === null || group.feature !== feature || group.g !== g) {
            const end = starts[Math.min(e.bins, (g + 1) * groupBins)];
            const bytes = new Uint8Array(groupScratch.buffer, 0, (end - first) * 8);
            read(bytes, e.valuesAt + first * 8);
            if (crc32(bytes) !== e.groupCrcs[g]) throw new SpillDamaged(path, `bins ${g * groupBins}… of feature ${feature} in the chunk at byte ${chunkAt} do not match their checksum`);
            group = {feature, g};
          }
          return groupScratch.subarray(starts[bin] - first, starts[bin + 1] - first);
        },
      });
      total += chunk;
      offset = at;
    }
    if (offset !== size) throw new SpillDamaged(path, `ends inside a chunk`);
  } finally {
    closeSync(fd);
  }
  if (rows !== undefined && total !== rows) throw new SpillDamaged(path, `holds ${total} rows, its part of the file ${rows}`);
  return total;
}
