import {closeSync, openSync, writeSync} from "node:fs";
import {accumulate, binCount, emptyAccumulation, RowsBuilder, type Accumulation, type AccumulationPlan, type Rows} from "../accumulate/index.js";
import type {ProductionData, RowBatch} from "../inputs/index.js";
import {formatScoresCsv, score, type ScoringPlan} from "../scoring/index.js";
import {BinSpill} from "./bin-spill.js";
import {FeatureSpill} from "./feature-spill.js";
import {ScoresWriter} from "./scores-writer.js";

/** Where a part's by-products go: its binned feature values, its price-signal columns and its scores.csv rows (no header). */
export interface PartFiles {
  bins: string;
  signals: string;
  scores: string | null;
}

/**
 * Everything the pass does with a batch of rows, whichever reader made it:
 * score it (the serving rule), add it to the accumulation and the kept rows,
 * spill its feature columns, write its scores.csv rows.
 */
export class BatchSink {
  readonly accumulation: Accumulation;
  private readonly kept: RowsBuilder;
  private readonly binned: {position: number; bins: number}[];
  private readonly binSpill: BinSpill;
  private readonly signals: FeatureSpill;
  private readonly scoresFd: number | null;
  private readonly writer: ScoresWriter | null;

  constructor(
    private readonly plan: AccumulationPlan,
    private readonly scoring: ScoringPlan,
    hasLatency: boolean,
    files: PartFiles,
  ) {
    this.accumulation = emptyAccumulation(plan);
    this.kept = new RowsBuilder(hasLatency);
    this.binned = plan.cuts.flatMap((cuts, position) => (cuts === null ? [] : [{position, bins: binCount(cuts)}]));
    this.binSpill = new BinSpill(files.bins, this.binned);
    this.signals = new FeatureSpill(files.signals, plan.priceFeatures);
    this.scoresFd = files.scores === null ? null : openSync(files.scores, "w");
    this.writer = this.scoresFd === null ? null : new ScoresWriter(this.scoresFd);
  }

  /** A batch from the byte-level CSV reader: its scores.csv rows are copied from the input's bytes where they can be. */
  addCsv(batch: RowBatch): void {
    const scores = this.add(batch.data);
    this.writer?.writeBatch(batch, scores);
  }

  /** A batch from any other reader. */
  addData(data: ProductionData): void {
    const scores = this.add(data);
    if (this.writer !== null) {
      this.writer.flush();
      if (this.scoresFd !== null) writeText(this.scoresFd, formatScoresCsv(data, scores));
    }
  }

  /** Closes the part's files; its accumulation and kept rows. */
  finish(): {accumulation: Accumulation; rows: Rows} {
    try {
      this.writer?.flush();
      this.binSpill.close();
      this.signals.close();
    } finally {
      if (this.scoresFd !== null) closeSync(this.scoresFd);
    }
    return {accumulation: this.accumulation, rows: this.kept.rows()};
  }

  /** Closes the files without using them (the part failed). */
  abandon(): void {
    try {
      this.binSpill.close();
      this.signals.close();
    } catch {
      // The part's files are removed with it.
    }
    if (this.scoresFd !== null) closeSync(this.scoresFd);
  }

  private add(data: ProductionData) {
    const scores = score(data, this.scoring);
    const binIndexes = this.plan.cuts.map((cuts) => (cuts === null ? null : new Int32Array(data.rows)));
    const flags = accumulate(this.accumulation, this.plan, data, scores, binIndexes);
    this.kept.add(data, scores, flags);
    this.binSpill.add(data.x, this.binned.map((f) => binIndexes[f.position] ?? new Int32Array(0)), data.rows);
    this.signals.add(data.x, data.rows);
    return scores;
  }
}

function writeText(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
