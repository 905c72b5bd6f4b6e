import {closeSync, openSync} from "node:fs";
import type {Accumulation, AccumulationPlan, Rows} from "../accumulate/index.js";
import {columnLayout, readRange, type RangeResult} from "../inputs/index.js";
import type {ScoringPlan} from "../scoring/index.js";
import {BatchSink, type PartFiles} from "./batch-sink.js";

/** One thread's share of a CSV production file: a byte range of its data records. */
export interface CsvPart {
  file: string;
  size: number;
  from: number;
  to: number;
  header: string[];
  mode: number;
  /** The range starts at a guessed record boundary, to be confirmed by the range before it. */
  speculative: boolean;
}

export interface PartJob {
  part: CsvPart;
  features: string[];
  modelName: string;
  plan: AccumulationPlan;
  scoring: ScoringPlan;
  hasLatency: boolean;
  files: PartFiles;
}

export interface PartOutcome {
  result: RangeResult;
  accumulation: Accumulation;
  rows: Rows;
}

const batchRows = 8192;
/** A speculative range that started inside a quoted field may see one endless "record": give up early. */
const speculativeMaxRecordBytes = 16 << 20;

/** Reads, scores and accumulates one part; its spills and scores.csv rows are written as they are read. `progress` gets the bytes of the part read so far. */
export function runPartJob(job: PartJob, progress?: (bytes: number) => void): PartOutcome {
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
    return {result, ...sink.finish()};
  } catch (error) {
    sink.abandon();
    throw error;
  } finally {
    closeSync(fd);
  }
}
