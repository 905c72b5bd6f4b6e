import {readSync} from "node:fs";
import {shownProblems} from "../../errors.js";
import {allocateColumns, readRecord, type ColumnLayout, type ProductionData} from "../production.js";
import type {CsvSyntaxError} from "./syntax.js";
import {FastRowReader, spanColumns} from "./fast-rows.js";
import {crBreak, crlfBreak, RecordScanner} from "./record-scanner.js";

/** Where the bytes come from: a whole file in memory, or an open file read block by block. */
export type ByteSource = {kind: "memory"; bytes: Buffer} | {kind: "file"; fd: number; size: number};

/** A validation problem found in a record; its line counts from the start of the range. */
export interface RecordProblem {
  problem: string;
  line: number;
  column?: string;
}

export interface RangeResult {
  /** Data records read. */
  rows: number;
  /** Line breaks between the range's start and `end`, as csv-parse counts them. */
  lines: number;
  /** File offset where reading stopped: the first record start at or after the range's end, or the end of the file. */
  end: number;
  /** The first syntax error, which stops reading; its line counts from the start of the range. */
  syntaxError: CsvSyntaxError | null;
  /**
   * The range's record problems in file order, the first `shownProblems` of
   * them (the whole file's list shows no more); after the first, records are
   * still checked but no batch is handed over.
   */
  problems: RecordProblem[];
  /** How many record problems the range has in all. */
  problemCount: number;
  /** The first field that is not valid UTF-8: reading stopped there (the file is in another encoding). */
  encodingError: RecordProblem | null;
  /** A record longer than `maxRecordBytes`: reading stopped. */
  tooLong: boolean;
}

/** Rows handed to the caller: a ProductionData view of the batch, plus where its id fields sit in `buf`. */
export interface RowBatch {
  data: ProductionData;
  buf: Buffer;
  /** [start, end) in `buf` of each row's product_id, date, category, brand, price_tier. */
  spans: Int32Array | null;
  /** Those five texts for rows the careful path read (their bytes may hold escapes). */
  texts: Map<number, string[]>;
  /** File offset just after the batch's last record (for progress). */
  position: number;
}

export interface RangeOptions {
  layout: ColumnLayout;
  /** Record break kind, found while reading the header. */
  mode: number;
  /** File offset of the first record. */
  from: number;
  /** Records starting at or after this offset belong to the next range. */
  to: number;
  /** Rows per batch; a batch is also handed over before the buffer moves. */
  batchRows: number;
  keepProductId: boolean;
  /** Record id-field spans for scores.csv. */
  spans: boolean;
  /** Check the syntax and count records, nothing else. */
  structureOnly?: boolean;
  /** A speculative range gives up on a longer record rather than buffer it. */
  maxRecordBytes?: number;
  onBatch?: (batch: RowBatch) => void;
  /**
   * Where each batch's feature columns go (each with room for `batchRows`),
   * asked for before the batch's first row: a caller that keeps the values
   * (the pass's spill) has them parsed straight into place instead of copied.
   * Without it, one set of columns is reused batch after batch.
   */
  columns?: () => Float64Array[];
}

const blockBytes = 4 << 20;

/**
 * Reads the records of one byte range of the production CSV: plain records by
 * the fast path, anything else by the careful one, into batches of columns.
 */
export function readRange(source: ByteSource, options: RangeOptions): RangeResult {
  const {layout, mode, to, batchRows} = options;
  const maxRecordBytes = options.maxRecordBytes ?? Infinity;
  const collecting = !options.structureOnly;
  const breakByte = mode === crBreak ? 13 : 10;
  const breakFirst = mode === crBreak || mode === crlfBreak ? 13 : 10;
  const breakLength = mode === crlfBreak ? 2 : 1;

  // The buffer holds file bytes [bufferStart, bufferStart + dataEnd).
  let buf: Buffer;
  let bufferStart: number;
  let dataEnd: number;
  let eof: boolean;
  const fileSize = source.kind === "memory" ? source.bytes.length : source.size;
  if (source.kind === "memory") {
    buf = source.bytes;
    bufferStart = 0;
    dataEnd = buf.length;
    eof = true;
  } else {
    buf = Buffer.allocUnsafe(blockBytes);
    bufferStart = options.from;
    dataEnd = 0;
    eof = false;
  }
  // The fast path never crosses a line break, so a record that starts at or
  // before the buffer's last break ends inside the buffer.
  let fastLimit = -1;
  const refill = (keepFrom: number): boolean => {
    if (source.kind === "memory") return false;
    if (keepFrom > 0) {
      buf.copyWithin(0, keepFrom, dataEnd);
      bufferStart += keepFrom;
      dataEnd -= keepFrom;
    } else if (dataEnd === buf.length) {
      if (buf.length * 2 > maxRecordBytes + blockBytes) return false;
      const grown = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(grown, 0, 0, dataEnd);
      buf = grown;
    }
    while (dataEnd < buf.length && bufferStart + dataEnd < fileSize) {
      const n = readSync(source.fd, buf, dataEnd, buf.length - dataEnd, bufferStart + dataEnd);
      if (n === 0) break;
      dataEnd += n;
    }
    eof = bufferStart + dataEnd >= fileSize;
    fastLimit = dataEnd > 0 ? buf.lastIndexOf(breakByte, dataEnd - 1) : -1;
    return true;
  };
  if (source.kind === "file") refill(0);
  else fastLimit = buf.lastIndexOf(breakByte);

  const data: ProductionData = {
    file: layout.file,
    rows: 0,
    ...allocateColumns(layout, collecting ? batchRows : 0),
    features: layout.features,
    extraColumns: layout.extraColumns,
  };
  // The caller's columns replace the feature columns (see target).
  if (options.columns !== undefined) data.x = [];
  const spans = options.spans && collecting ? new Int32Array(batchRows * 2 * spanColumns) : null;
  const texts = new Map<number, string[]>();
  // A structure-only scan reads no field: it needs no fast reader (and its layout locates no column).
  const reader = collecting ? new FastRowReader(layout, mode, options.keepProductId, data) : null;
  if (reader) reader.spans = spans;
  const scanner = new RecordScanner(mode);

  let batchCount = 0;
  let rows = 0;
  let lines = 0;
  let position = options.from;
  let syntaxError: CsvSyntaxError | null = null;
  const problems: RecordProblem[] = [];
  let problemCount = 0;
  let encodingError: RecordProblem | null = null;
  // Set by the first record problem: the result is an error, so rows are checked but no longer kept.
  let failed = false;
  let tooLong = false;
  const target = () => {
    if (options.columns === undefined || !collecting) return;
    data.x = options.columns();
    reader?.retarget();
  };
  target();
  const flush = () => {
    if (batchCount === 0 || !collecting || failed) return;
    data.rows = batchCount;
    options.onBatch?.({data, buf, spans, texts, position});
    batchCount = 0;
    texts.clear();
    target();
  };

  for (;;) {
    if (position >= to) break;
    const p = position - bufferStart;
    if (p >= dataEnd && eof) break;
    if (collecting && reader !== null && p <= fastLimit) {
      if (buf[p] === breakFirst && (breakLength === 1 || buf[p + 1] === 10)) {
        ++lines; // an empty line
        position += breakLength;
        continue;
      }
      const next = reader.read(buf, p, batchCount);
      if (next >= 0) {
        ++lines;
        ++rows;
        position = bufferStart + next;
        if (!failed && ++batchCount === batchRows) flush();
        continue;
      }
    }
    scanner.lines = lines;
    const result = scanner.scan(buf, p, dataEnd, eof, collecting);
    if (result === "more") {
      flush();
      if (p === 0 && dataEnd === buf.length && dataEnd >= maxRecordBytes) {
        tooLong = true;
        break;
      }
      if (!refill(p)) {
        tooLong = true;
        break;
      }
      continue;
    }
    if (result === "end") break;
    if (result === "error") {
      syntaxError = scanner.error;
      break;
    }
    if (result === "record") {
      ++rows;
      if (collecting) {
        if (scanner.invalidField >= 0) {
          const field = scanner.invalidField;
          encodingError = {problem: notUtf8, line: scanner.recordLine, column: layout.header[field] ?? `field ${field + 1}`};
          break;
        }
        const found = readRecord(scanner.fields, layout, data, batchCount);
        if (found === null) {
          if (spans) texts.set(batchCount, [data.productId[batchCount], data.date[batchCount], data.category[batchCount], data.brand[batchCount], data.priceTier[batchCount]]);
          if (!failed && ++batchCount === batchRows) flush();
        } else {
          for (const f of found) if (problems.length < shownProblems) problems.push({...f, line: scanner.recordLine});
          problemCount += found.length;
          failed = true;
          batchCount = 0;
          texts.clear();
        }
      }
    }
    lines = scanner.lines;
    position = bufferStart + scanner.next;
  }
  flush();
  return {rows, lines, end: Math.min(position, fileSize), syntaxError, problems, problemCount, encodingError, tooLong};
}

/** What a field that is not valid UTF-8 is told. */
export const notUtf8 = "not valid UTF-8: the file must be UTF-8 (this looks like Latin-1 or Windows-1252: save it as UTF-8)";
