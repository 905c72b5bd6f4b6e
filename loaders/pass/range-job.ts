import {closeSync, openSync} from "node:fs";
import {accumulate, emptyAccumulation, type Accumulation} from "../daily/index.js";
import {columnLayout, type RangeResult, readRange} from "../inputs/index.js";
import {score, type ScoringPlan} from "../scoring/index.js";
import {ScoresWriter} from "./scores-writer.js";
import {RowKeeper, type KeptRows} from "./kept-rows.js";

/** One thread's share of the production log: a byte range, scored and accumulated. */
export interface RangeJob {
  file: string;
  size: number;
  from: number;
  to: number;
  header: string[];
  mode: number;
  features: string[];
  /** Positions in `features` of the feature columns to keep for every row (the rest are only scored and accumulated). */
  keepFeatures: number[];
  modelName: string;
  plan: ScoringPlan;
  /** Where this range's scores.csv rows go (null: no scores.csv). */
  scoresFile: string | null;
  writeScoresHeader: boolean;
  /** The range starts at a guessed record boundary, to be confirmed by the range before it. */
  speculative: boolean;
}

export interface RangeOutcome {
  result: RangeResult;
  accumulation: Accumulation;
  kept: KeptRows;
}

const batchRows = 8192;
/** A speculative range that started inside a quoted field may see one endless "record": give up early. */
const speculativeMaxRecordBytes = 16 << 20;

/** Reads, scores and accumulates one range; scores.csv rows are written as they are scored. */
export function runRangeJob(job: RangeJob): RangeOutcome & {transfer: ArrayBuffer[]} {
  const layout = columnLayout(job.header, job.features, job.file, job.modelName);
  const accumulation = emptyAccumulation(job.features.length);
  const keeper = new RowKeeper(layout.hasUnitsSold, layout.hasLatency, job.keepFeatures);
  const fd = openSync(job.file, "r");
  const out = job.scoresFile === null ? null : openSync(job.scoresFile, "w");
  try {
    const writer = out === null ? null : new ScoresWriter(out);
    if (writer && job.writeScoresHeader) writer.writeHeader();
    const result = readRange(
      {kind: "file", fd, size: job.size},
      {
        layout,
        mode: job.mode,
        from: job.from,
        to: job.to,
        batchRows,
        keepProductId: false,
        spans: writer !== null,
        maxRecordBytes: job.speculative ? speculativeMaxRecordBytes : undefined,
        onBatch: (batch) => {
          const scores = score(batch.data, job.plan);
          accumulate(accumulation, batch.data, scores);
          keeper.add(batch.data, scores);
          writer?.writeBatch(batch, scores);
        },
      },
    );
    writer?.flush();
    const {kept, transfer} = keeper.result();
    return {result, accumulation, kept, transfer};
  } finally {
    closeSync(fd);
    if (out !== null) closeSync(out);
  }
}
