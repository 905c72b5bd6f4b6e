import type {DriftTable} from "../loaders/drift/index.js";
import type {PerformanceTable} from "../loaders/performance/index.js";
import type {DuckResult} from "./duckdb.js";

export interface Agreement {
  compared: number;
  maxRelative: number;
  /** Which figure differs most. */
  worst: string | null;
}

/**
 * How closely our tables agree with DuckDB's independent computation: every
 * shared figure (overall, per segment and per day accuracy, p95, feature
 * means, SDs and missing counts), as the largest relative difference.
 */
export function compareFigures(performance: PerformanceTable, drift: DriftTable, duck: DuckResult): Agreement {
  const result: Agreement = {compared: 0, maxRelative: 0, worst: null};
  const check = (what: string, ours: number | null, theirs: number | null) => {
    ++result.compared;
    if (ours === null || theirs === null) {
      if (ours !== theirs) record(what, Infinity);
      return;
    }
    record(what, Math.abs(ours - theirs) / Math.max(Math.abs(theirs), 1e-12));
  };
  const record = (what: string, relative: number) => {
    if (relative > result.maxRelative || Number.isNaN(relative)) {
      result.maxRelative = Number.isNaN(relative) ? Infinity : relative;
      result.worst = what;
    }
  };

  const o = performance.overall;
  check("overall n", performance.n, duck.overall.n);
  check("overall rmse", o.rmse, duck.overall.rmse);
  check("overall mae", o.mae, duck.overall.mae);
  check("overall bias", o.bias, duck.overall.bias);
  check("overall r2", o.r2, duck.overall.r2);
  check("overall p95", o.p95_abs_error, duck.overall.p95);

  const segments = new Map(performance.segments.map((s) => [`${s.dimension}/${s.segment}`, s]));
  if (segments.size !== duck.segments.length) record("segment count", Infinity);
  for (const d of duck.segments) {
    const s = segments.get(`${d.dimension}/${d.segment}`);
    if (!s) {
      record(`segment ${d.dimension}/${d.segment} missing`, Infinity);
      continue;
    }
    const at = `${d.dimension}/${d.segment}`;
    check(`${at} n`, s.n, d.n);
    check(`${at} rmse`, s.rmse, d.rmse);
    check(`${at} mae`, s.mae, d.mae);
    check(`${at} bias`, s.bias, d.bias);
    check(`${at} p95`, s.p95_abs_error, d.p95);
  }

  const days = new Map(performance.daily.map((d) => [d.date, d]));
  if (days.size !== duck.daily.length) record("day count", Infinity);
  for (const d of duck.daily) {
    const ours = days.get(d.date);
    if (!ours) {
      record(`day ${d.date} missing`, Infinity);
      continue;
    }
    check(`${d.date} n`, ours.n, d.n);
    check(`${d.date} rmse`, ours.rmse, d.rmse);
    check(`${d.date} mae`, ours.mae, d.mae);
    check(`${d.date} bias`, ours.bias, d.bias);
  }

  drift.features.forEach((f, j) => {
    const d = duck.features[j];
    if (!d || d.feature !== f.feature) {
      record(`feature ${f.feature} missing`, Infinity);
      return;
    }
    check(`${f.feature} mean`, f.prod_mean, d.mean);
    check(`${f.feature} sd`, f.prod_sd, d.sd);
    check(`${f.feature} missing`, f.prod_missing_rate * performance.n, d.missing);
  });
  return result;
}
