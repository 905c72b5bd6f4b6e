import {closeSync, openSync} from "node:fs";
import {parquetLayout, readParquetFooter, readParquetRows} from "../inputs/index.js";
import {BatchSink} from "./batch-sink.js";
import {batchRows, runPartJob, type CsvPart, type ParquetPart, type PartJob, type PartOutcome} from "./range-job.js";

/**
 * Reads, scores and accumulates a Parquet part: its rows go through the same
 * sink as a CSV part's (scores, sums, kept rows, spilled features, scores.csv
 * rows), in batches of the same size, so the same rows give the same
 * contribution. The footer is read again here (a worker gets the job, not the
 * main thread's parsed metadata): it is a few kilobytes.
 */
export function runParquetJob(job: PartJob<ParquetPart>, progress?: (bytes: number) => void): PartOutcome {
  const {part} = job;
  const sink = new BatchSink(job.plan, job.scoring, job.hasLatency, job.files);
  const fd = openSync(part.file, "r");
  try {
    const metadata = readParquetFooter(fd, part.size, part.file);
    const layout = parquetLayout(metadata, job.features, part.file, job.modelName);
    const span = Math.max(1, part.rowEnd - part.rowStart);
    const result = readParquetRows({
      file: part.file,
      fd,
      size: part.size,
      metadata,
      layout,
      rowStart: part.rowStart,
      rowEnd: part.rowEnd,
      batchRows,
      columns: () => sink.columns(batchRows),
      onBatch: (data, done) => {
        sink.addData(data);
        progress?.(((part.to - part.from) * done) / span);
      },
    });
    return {result: {kind: "parquet", rows: result}, ...sink.finish()};
  } catch (error) {
    sink.abandon();
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** Runs a part of either kind. */
export function runAnyPartJob(job: PartJob, progress?: (bytes: number) => void): PartOutcome {
  if (isParquetJob(job)) return runParquetJob(job, progress);
  if (isCsvJob(job)) return runPartJob(job, progress);
  throw new Error("a part of neither kind");
}

function isParquetJob(job: PartJob): job is PartJob<ParquetPart> {
  return job.part.kind === "parquet";
}

function isCsvJob(job: PartJob): job is PartJob<CsvPart> {
  return job.part.kind === "csv";
}
