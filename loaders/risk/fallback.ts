import type {PriceSignalSums} from "../accumulate/index.js";
import type {SecondLook} from "../pass/index.js";
import {accuracy, type SubsetAccuracy} from "./subset.js";

export type FallbackTier = "model" | "signal" | "review";

/** The rows one branch of the rule serves, and how well. */
export interface FallbackBranch<Tier extends FallbackTier = FallbackTier> {
  tier: Tier;
  n: number;
  share: number;
  /** RMSE of the model's prediction (training-mean imputation) on these rows. */
  model_rmse: number | null;
  /** RMSE of what the rule serves on them. */
  served_rmse: number | null;
}

/** A price-like input (a model feature in the target's unit) that can stand in for the model. */
export interface PriceSignal {
  feature: string;
  /** Its RMSE as a price on its own, over the rows where it is present. */
  rmse: number;
  present_share: number;
  /** Rows of the signal branch it priced (the first signal present in the row). */
  served: number;
}

/**
 * The missing-feature fallback as a rule: every critical feature present →
 * the model (a missing non-critical feature takes its training mean, as
 * today); a critical feature missing → the first available price signal, in
 * order of how well each alone matched the actual price in the log, among
 * those that alone beat the model on such rows; none available → the model's
 * imputed prediction, flagged for a person to check before it is used.
 */
export interface FallbackRule {
  critical: string[];
  /** Signals in the order the rule tries them (empty when none beats the model). */
  signals: PriceSignal[];
  /** Candidates that did not beat the model where critical features are missing. */
  rejected_signals: {feature: string; rmse: number}[];
  /** The model, signal and review branches, in that order. */
  branches: [FallbackBranch<"model">, FallbackBranch<"signal">, FallbackBranch<"review">];
  /** RMSE of all rows as served today and under the rule. */
  served_today_rmse: number;
  served_by_rule_rmse: number;
  /** Rows with every critical feature present: how the model does when its key inputs arrive. */
  complete_rows: SubsetAccuracy;
}

/** The rows the rule and the sanity check look at, from the kept rows. */
export interface FallbackRows {
  n: number;
  actual: Float64Array;
  prediction: Float64Array;
  error: Float64Array;
  /** Whether row r misses a critical feature. */
  misses(r: number): boolean;
}

/** A candidate signal: a price feature's position (model order), name and its sums from the pass. */
export interface SignalCandidate {
  position: number;
  feature: string;
  sums: PriceSignalSums;
}

/** The signal the rule serves for a row: the position (in `columns`) of the first one present, or -1. */
export function firstPresent(columns: readonly Float64Array[], i: number): number {
  for (let k = 0; k < columns.length; ++k) if (columns[k][i] === columns[k][i]) return k;
  return -1;
}

const tierNames = ["model", "signal", "review"] as const;

/** The rule's choice of signals (from the pass's sums) and its second look, which serves them row by row. */
export interface FallbackLook {
  /** Null when no signal beats the model: the rule is computed from the kept rows alone. */
  look: SecondLook | null;
  /** The chosen signals, in the order the rule tries them (their positions are the look's features). */
  chosen: SignalCandidate[];
  /** After the look: the rule's figures, and for the sanity check the rows outside [min, max] that a signal could price (n, model SSE, signal SSE). */
  result(range: {min: number; max: number}): {rule: FallbackRule; rejected: {n: number; modelSse: number; signalSse: number}};
}

export function fallbackLook(rows: FallbackRows, candidates: readonly SignalCandidate[], critical: readonly string[], validationRmse: number, range: {min: number; max: number}): FallbackLook {
  // Accuracy is over the labelled rows: a row awaiting its actual price has a NaN error (issue 22).
  let affectedN = 0;
  let affectedSse = 0;
  let labelled = 0;
  for (let r = 0; r < rows.n; ++r) {
    const e = rows.error[r];
    if (e !== e) continue;
    ++labelled;
    if (!rows.misses(r)) continue;
    ++affectedN;
    affectedSse += e * e;
  }
  const affected = accuracy(affectedN, affectedSse, labelled, validationRmse);
  const ranked = candidates
    .map((c) => ({...c, alone: accuracy(c.sums.n, c.sums.sse, labelled, validationRmse)}))
    .filter((c): c is typeof c & {alone: {rmse: number}} => c.alone.rmse !== null)
    .sort((a, b) => a.alone.rmse - b.alone.rmse || (a.feature < b.feature ? -1 : 1));
  // A signal earns its place only by pricing better, alone, than the model does on the rows the fallback serves.
  const beats = (c: {alone: {rmse: number}}) => affected.rmse !== null && c.alone.rmse < affected.rmse;
  const chosen = ranked.filter(beats);

  // One pass with plain sums, not an object or a subset scan a row: the rule runs over every row of a log of millions.
  const sums = tierNames.map(() => ({n: 0, model: 0, served: 0}));
  const all = {model: 0, served: 0};
  const used = new Array<number>(chosen.length).fill(0);
  const rejected = {n: 0, modelSse: 0, signalSse: 0};
  const serve = (r: number, columns: readonly Float64Array[], i: number) => {
    if (rows.error[r] !== rows.error[r]) return;
    const misses = rows.misses(r);
    const k = misses ? firstPresent(columns, i) : -1;
    if (k >= 0) ++used[k];
    const model = rows.error[r];
    const served = k >= 0 ? rows.actual[r] - columns[k][i] : model;
    const sum = sums[!misses ? 0 : k >= 0 ? 1 : 2];
    ++sum.n;
    sum.model += model * model;
    sum.served += served * served;
    all.model += model * model;
    all.served += served * served;
    const p = rows.prediction[r];
    if (!(p >= range.min && p <= range.max)) {
      const s = firstPresent(columns, i);
      if (s >= 0) {
        ++rejected.n;
        rejected.modelSse += model ** 2;
        rejected.signalSse += (rows.actual[r] - columns[s][i]) ** 2;
      }
    }
  };
  let looked = false;
  const look: SecondLook | null =
    chosen.length === 0
      ? null
      : {
          features: chosen.map((c) => c.position),
          visit(first, count, columns) {
            for (let i = 0; i < count; ++i) serve(first + i, columns, i);
            looked = true;
          },
        };
  return {
    look,
    chosen,
    result() {
      if (look === null) for (let r = 0; r < rows.n; ++r) serve(r, [], r);
      else if (!looked && rows.n > 0) throw new Error("the fallback's look has not run");
      const n = labelled;
      const branch = <Tier extends FallbackTier>(tier: Tier, t: number): FallbackBranch<Tier> => {
        const s = sums[t];
        return {tier, n: s.n, share: n > 0 ? s.n / n : 0, model_rmse: accuracy(s.n, s.model, n, validationRmse).rmse, served_rmse: accuracy(s.n, s.served, n, validationRmse).rmse};
      };
      const branches: FallbackRule["branches"] = [branch("model", 0), branch("signal", 1), branch("review", 2)];
      return {
        rule: {
          critical: [...critical],
          signals: chosen.map((c, k) => ({feature: c.feature, rmse: c.alone.rmse, present_share: c.alone.share, served: used[k]})),
          rejected_signals: ranked.filter((c) => !beats(c)).map((c) => ({feature: c.feature, rmse: c.alone.rmse})),
          branches,
          served_today_rmse: accuracy(n, all.model, n, validationRmse).rmse ?? 0,
          served_by_rule_rmse: accuracy(n, all.served, n, validationRmse).rmse ?? 0,
          complete_rows: accuracy(sums[0].n, sums[0].model, n, validationRmse),
        },
        rejected,
      };
    },
  };
}
