import {closeSync, openSync} from "node:fs";
import type {Accumulation, AccumulationPlan, Rows} from "../accumulate/index.js";
import {columnLayout, readRange, type ParquetResult, type RangeResult} from "../inputs/index.js";
import type {ScoringPlan} from "../scoring/index.js";
import {BatchSink, type PartFiles} from "./batch-sink.js";

/** One thread's share of a CSV production file: a byte range of its data records. */
export interface CsvPart {
  kind: "csv";
  file: string;
  size: number;
  from: number;
  to: number;
  header: string[];
  mode: number;
  /** The range starts at a guessed record boundary, to be confirmed by the range before it. */
  speculative: boolean;
}

/**
 * One thread's share of a Parquet production file: rows [rowStart, rowEnd),
 * whole row groups (a file of several large row groups is shared among
 * threads); `from` and `to` are the bytes they span, for progress.
 */
export interface ParquetPart {
  kind: "parquet";
  file: string;
  size: number;
  rowStart: number;
  rowEnd: number;
  from: number;
  to: number;
}

export interface PartJob<P extends CsvPart | ParquetPart = CsvPart | ParquetPart> {
  part: P;
  features: string[];
  modelName: string;
  plan: AccumulationPlan;
  scoring: ScoringPlan;
  hasLatency: boolean;
  files: PartFiles;
}

/** What a part's reading found (its problems), by the reader that read it. */
export type PartResult = {kind: "csv"; range: RangeResult} | {kind: "parquet"; rows: ParquetResult};

export interface PartOutcome {
  result: PartResult;
  accumulation: Accumulation;
  rows: Rows;
}

/** Rows per batch, for both readers: a small file is then added to the sums in the same batches whichever format it comes in. */
export const batchRows = 8192;
/** A speculative range that started inside a quoted field may see one endless "record": give up early. */
const speculativeMaxRecordBytes = 16 << 20;

/** Reads, scores and accumulates one part; its spills and scores.csv rows are written as they are read. `progress` gets the bytes of the part read so far. */
export function runPartJob(job: PartJob<CsvPart>, progress?: (bytes: number) => void): PartOutcome {
  const {part} = job;
  const layout = columnLayout(part.header, job.features, part.file, job.modelName);
  const sink = new BatchSink(job.plan, job.scoring, job.hasLatency, job.files);
  const fd = openSync(part.file, "r");
  try {
    const result = readRange(
      {kind: "file", fd, size: part.size},
      {
        layout,
        mode: part.mode,
        from: part.from,
        to: part.to,
        batchRows,
        keepProductId: false,
        spans: job.files.scores !== null,
        maxRecordBytes: part.speculative ? speculativeMaxRecordBytes : undefined,
        columns: () => sink.columns(batchRows),
        onBatch: (batch) => {
          sink.addCsv(batch);
          progress?.(batch.position - part.from);
        },
      },
    );
    return {result: {kind: "csv", range: result}, ...sink.finish()};
  } catch (error) {
    sink.abandon();
    throw error;
  } finally {
    closeSync(fd);
  }
}
