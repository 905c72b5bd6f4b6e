import type {Accumulation, GroupSums} from "../accumulate/index.js";
import {config} from "../config.js";
import {type Dimension, dimensions, type TrainingStats} from "../inputs/index.js";
import {compare} from "../shared/index.js";
import {groupFigures, type GroupFigures} from "./group.js";
import {columnOf, type RowErrors} from "./row-errors.js";

/** How a segment compares with validation, in words a table can show (never by colour alone). */
export type SegmentStatus = "significantly worse" | "not significantly different" | "significantly better" | "small sample";

export interface SegmentPerformance extends GroupFigures {
  dimension: Dimension;
  segment: string;
  /** Mean actual price of the segment's rows (orders price tiers without naming them). */
  mean_actual_price: number;
  /** Fewer rows than config.performance.minSegmentRows: shown, never ranked. */
  small: boolean;
  status: SegmentStatus;
  /** The segment's share of the rows (segments of one dimension partition the rows). */
  row_share: number;
  /** The segment's share of the squared error of all rows. */
  sse_share: number;
  /** sse_share / row_share = (segment RMSE / overall RMSE)²: above 1, it holds more than its share of the error. */
  error_share_ratio: number;
  /** Whether the category or brand occurs in the training counts; null for price tiers or when training counts are unknown. */
  in_training: boolean | null;
}

/** Every segment of every dimension; price tiers from cheap to dear, the others alphabetically. */
export function segmentTable(acc: Accumulation, errors: RowErrors, stats: TrainingStats): SegmentPerformance[] {
  const validation = stats.validation.rmse;
  const total = acc.overall.errors;
  const out: SegmentPerformance[] = [];
  for (const dimension of dimensions) {
    const known = dimension === "category" ? stats.categories : dimension === "brand" ? stats.brands : null;
    const rows = [...acc.segments[dimension]].map(([segment, sums]) => segmentRow(dimension, segment, sums, errors.absOf(columnOf(dimension), [segment]), validation, total.n, total.sumSquaredError, known));
    rows.sort(dimension === "price_tier" ? (a, b) => a.mean_actual_price - b.mean_actual_price : (a, b) => compare(a.segment, b.segment));
    out.push(...rows);
  }
  return out;
}

function segmentRow(
  dimension: Dimension,
  segment: string,
  sums: GroupSums,
  absErrors: Float64Array,
  validation: number,
  rows: number,
  sse: number,
  known: Map<string, number> | null,
): SegmentPerformance {
  const figures = groupFigures(sums.errors, absErrors, `${dimension}:${segment}`, validation);
  const small = figures.n < config.performance.minSegmentRows;
  const rowShare = figures.n / rows;
  const sseShare = sse > 0 ? sums.errors.sumSquaredError / sse : 0;
  return {
    dimension,
    segment,
    ...figures,
    mean_actual_price: sums.errors.actual.mean,
    small,
    status: segmentStatus(figures, small, validation),
    row_share: rowShare,
    sse_share: sseShare,
    error_share_ratio: sseShare / rowShare,
    in_training: known ? known.has(segment) : null,
  };
}

export function segmentStatus(g: Pick<GroupFigures, "rmse_ci_low" | "rmse_ci_high">, small: boolean, validation: number): SegmentStatus {
  if (small || g.rmse_ci_low === null || g.rmse_ci_high === null) return "small sample";
  if (g.rmse_ci_low > validation) return "significantly worse";
  if (g.rmse_ci_high < validation) return "significantly better";
  return "not significantly different";
}
