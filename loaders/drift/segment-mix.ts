import type {Accumulation} from "../accumulate/index.js";
import {config} from "../config.js";
import type {TrainingStats} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import {chiSquareGoodnessOfFit, chiSquareHomogeneity, perTestLevel} from "../stats/index.js";
import {psiOfShares} from "./distribution.js";
import {psiLevel, type PsiLevel} from "./distribution-table.js";

export type MixDimension = "category" | "brand";

/** One category or brand: its share of training rows and of production rows. */
export interface MixSegment {
  segment: string;
  train_count: number;
  train_share: number;
  prod_count: number;
  prod_share: number;
  /** prod_share − train_share. */
  change: number;
  /** Unseen in training (no training rows). */
  new: boolean;
}

/**
 * Pearson's chi-square goodness of fit of the production counts of the
 * segments seen in training against the training shares (renormalized over
 * those segments). New segments have no training share, so no expected count:
 * their rows are left out of the test (and reported by their share and the
 * PSI), which then asks whether the known segments are mixed as in training.
 */
export interface MixChiSquare {
  statistic: number;
  df: number;
  p_value: number;
  /** Production rows tested: those in segments seen in training. */
  rows: number;
  /** Production rows left out: those in new segments. */
  rows_excluded: number;
  min_expected: number;
  /** False when some expected count is below config.labelDrift.minExpected (the χ² approximation is then doubtful). */
  approximation_ok: boolean;
  /** Significance level per test after the Bonferroni correction. */
  alpha: number;
  rejects: boolean;
  /**
   * The same counts against the training counts by the two-sample test of
   * homogeneity, which allows for the training shares' own sampling noise
   * (the goodness of fit takes them as exact): a check on the verdict.
   */
  two_sample: {statistic: number; df: number; p_value: number; rejects: boolean};
}

export interface SegmentMix {
  dimension: MixDimension;
  /** False when the training statistics have no counts for this dimension: nothing below is computed. */
  known: boolean;
  train_rows: number;
  prod_rows: number;
  /** Training segments by training share (largest first), then new segments by production share. */
  segments: MixSegment[];
  /** PSI over the segments, a new segment as its own bin; shares below psi_epsilon count as psi_epsilon. */
  psi: number | null;
  psi_level: PsiLevel | null;
  /** The part of the PSI from the new segments' bins (their training share is the floor, so it grows with ln(share / floor)). */
  psi_new: number | null;
  chi_square: MixChiSquare | null;
  /** E[statistic] under "same mix" is about df × this when the training shares are themselves estimated (1 + production rows / training rows): the test treats them as exact. */
  share_noise_factor: number | null;
}

export interface SegmentMixReport {
  dimensions: SegmentMix[];
  /** How many dimensions were tested (the Bonferroni divisor). */
  tests: number;
  psi_epsilon: number;
  alpha: number;
  min_expected: number;
}

/** The category and brand mix of production against training's counts, from the pass's segment sums. */
export function segmentMixReport(acc: Accumulation, stats: Pick<TrainingStats, "categories" | "brands">): SegmentMixReport {
  const {minExpected} = config.labelDrift;
  // The dimensions tested are one family, under the drift page's one rule (config.driftAnalysis.multipleTesting).
  const {correction, familyAlpha: mixAlpha} = config.driftAnalysis.multipleTesting;
  const epsilon = config.driftAnalysis.psiEpsilon;
  const training: Record<MixDimension, ReadonlyMap<string, number> | null> = {category: stats.categories, brand: stats.brands};
  const dims: MixDimension[] = ["category", "brand"];
  const prodCounts = (d: MixDimension) => new Map([...acc.segments[d]].map(([name, g]) => [name, g.rows]));
  // A test needs two training segments with rows.
  const testable = (d: MixDimension) => [...(training[d] ?? new Map<string, number>()).values()].filter((n) => n > 0).length >= 2;
  const tests = dims.filter(testable).length;
  const first = dims.map((d) => segmentMix(d, training[d], prodCounts(d), epsilon, mixAlpha, minExpected));
  const alpha = perTestLevel(first.flatMap((m) => (m.chi_square ? [m.chi_square.p_value] : [])), mixAlpha, correction);
  return {
    dimensions: dims.map((d) => segmentMix(d, training[d], prodCounts(d), epsilon, alpha, minExpected)),
    tests,
    psi_epsilon: epsilon,
    alpha: mixAlpha,
    min_expected: minExpected,
  };
}

/** One dimension's mix: pure over the two count tables. */
export function segmentMix(dimension: MixDimension, train: ReadonlyMap<string, number> | null, prod: ReadonlyMap<string, number>, epsilon: number, alpha: number, minExpected: number): SegmentMix {
  const prodRows = [...prod.values()].reduce((s, n) => s + n, 0);
  if (train === null) return {dimension, known: false, train_rows: 0, prod_rows: prodRows, segments: [], psi: null, psi_level: null, psi_new: null, chi_square: null, share_noise_factor: null};
  const trainRows = [...train.values()].reduce((s, n) => s + n, 0);
  const share = (n: number, total: number) => (total > 0 ? n / total : 0);
  const seen = [...train].filter(([, n]) => n > 0);
  const segment = (name: string, trainCount: number): MixSegment => {
    const prodCount = prod.get(name) ?? 0;
    const train_share = share(trainCount, trainRows);
    const prod_share = share(prodCount, prodRows);
    return {segment: name, train_count: trainCount, train_share, prod_count: prodCount, prod_share, change: prod_share - train_share, new: trainCount === 0};
  };
  const known = seen.map(([name, n]) => segment(name, n)).sort((a, b) => b.train_count - a.train_count || compare(a.segment, b.segment));
  const seenNames = new Set(seen.map(([name]) => name));
  const fresh = [...prod.keys()]
    .filter((name) => !seenNames.has(name))
    .map((name) => segment(name, 0))
    .sort((a, b) => b.prod_count - a.prod_count || compare(a.segment, b.segment));
  const segments = [...known, ...fresh];
  const comparable = prodRows > 0 && trainRows > 0;
  const psiOf = (group: readonly MixSegment[]) => psiOfShares(group.map((s) => s.train_share), group.map((s) => s.prod_share), epsilon);
  const psi = comparable ? psiOf(segments) : null;
  const tested = known.reduce((s, k) => s + k.prod_count, 0);
  let chi_square: MixChiSquare | null = null;
  if (known.length >= 2 && tested > 0) {
    const fit = chiSquareGoodnessOfFit(known.map((s) => s.prod_count), known.map((s) => s.train_count));
    chi_square = {
      statistic: fit.statistic,
      df: fit.df,
      p_value: fit.p_value,
      rows: fit.n,
      rows_excluded: prodRows - fit.n,
      min_expected: fit.min_expected,
      approximation_ok: fit.min_expected >= minExpected,
      alpha,
      rejects: fit.p_value < alpha,
      two_sample: twoSample(known.map((s) => s.train_count), known.map((s) => s.prod_count), alpha),
    };
  }
  return {
    dimension,
    known: true,
    train_rows: trainRows,
    prod_rows: prodRows,
    segments,
    psi,
    psi_level: psi === null ? null : psiLevel(psi),
    psi_new: comparable ? psiOf(fresh) : null,
    chi_square,
    share_noise_factor: trainRows > 0 && chi_square ? 1 + chi_square.rows / trainRows : null,
  };
}

function twoSample(train: readonly number[], prod: readonly number[], alpha: number): MixChiSquare["two_sample"] {
  const t = chiSquareHomogeneity(train, prod);
  return {...t, rejects: t.p_value < alpha};
}
