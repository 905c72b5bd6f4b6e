import {closeSync, openSync} from "node:fs";
import {accumulate, binCount, emptyAccumulation, RowsBuilder, type Accumulation, type AccumulationPlan, type Rows} from "../accumulate/index.js";
import type {ProductionData, RowBatch} from "../inputs/index.js";
import {score, type ScoringPlan} from "../scoring/index.js";
import {FeatureSpill, type SpillSlot} from "./feature-spill.js";
import {ScoresWriter} from "./scores-writer.js";

/** Where a part's by-products go: its feature columns (feature-spill.ts) and its scores.csv rows (no header). */
export interface PartFiles {
  features: string;
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
  private readonly spill: FeatureSpill;
  private readonly scoresFd: number | null;
  private readonly writer: ScoresWriter | null;
  /** The spill's room the reader is parsing the current batch into (see columns). */
  private slot: SpillSlot | null = null;

  constructor(
    private readonly plan: AccumulationPlan,
    private readonly scoring: ScoringPlan,
    hasLatency: boolean,
    files: PartFiles,
  ) {
    this.accumulation = emptyAccumulation(plan);
    this.kept = new RowsBuilder(hasLatency);
    this.spill = new FeatureSpill(files.features, {features: plan.features.length, rowFeatures: plan.priceFeatures, binCounts: plan.cuts.map((c) => (c === null ? null : binCount(c)))});
    this.scoresFd = files.scores === null ? null : openSync(files.scores, "w");
    this.writer = this.scoresFd === null ? null : new ScoresWriter(this.scoresFd);
  }

  /**
   * Where the reader should parse the next batch's feature columns (at most
   * `rows` rows): straight into the spill's chunk, so they are not copied.
   */
  columns(rows: number): Float64Array[] {
    this.slot = this.spill.slot(rows);
    return this.slot.values;
  }

  /** A batch from the byte-level CSV reader: its scores.csv rows are copied from the input's bytes where they can be. */
  addCsv(batch: RowBatch): void {
    const scores = this.add(batch.data);
    this.writer?.writeBatch(batch, scores);
  }

  /** A batch from any other reader (Parquet): its scores.csv rows written from its values. */
  addData(data: ProductionData): void {
    const scores = this.add(data);
    this.writer?.writeData(data, scores);
  }

  /** Closes the part's files; its accumulation and kept rows. */
  finish(): {accumulation: Accumulation; rows: Rows} {
    try {
      this.writer?.flush();
      this.spill.close();
    } finally {
      if (this.scoresFd !== null) closeSync(this.scoresFd);
    }
    return {accumulation: this.accumulation, rows: this.kept.rows()};
  }

  /** Closes the files without using them (the part failed). */
  abandon(): void {
    try {
      this.spill.close();
    } catch {
      // The part's files are removed with it.
    }
    if (this.scoresFd !== null) closeSync(this.scoresFd);
  }

  private add(data: ProductionData) {
    const scores = score(data, this.scoring);
    // The batch's columns are in the spill's chunk already when the reader parsed them there (see columns); else they are copied there. Their bins go beside them (accumulate finds each bin once).
    let slot = this.slot;
    this.slot = null;
    if (slot === null || slot.values.some((column, j) => column !== data.x[j])) {
      slot = this.spill.slot(data.rows);
      for (let j = 0; j < data.x.length; ++j) slot.values[j].set(data.x[j].subarray(0, data.rows));
    }
    const flags = accumulate(this.accumulation, this.plan, data, scores, {offset: slot.offset, bins: slot.bins});
    this.spill.commit(data.rows);
    this.kept.add(data, scores, flags);
    return scores;
  }
}
