/** Accuracy of the rows a condition picks out, against validation. */
export interface SubsetAccuracy {
  n: number;
  /** Share of all rows (0–1). */
  share: number;
  rmse: number | null;
  /** RMSE over the validation RMSE, %; null without rows. */
  rmse_increase_pct: number | null;
}

/** RMSE of `errors[r]` over the rows `keep` accepts. */
export function subsetAccuracy(errors: ArrayLike<number>, keep: (r: number) => boolean, validationRmse: number): SubsetAccuracy {
  let n = 0;
  let sse = 0;
  for (let r = 0; r < errors.length; ++r) {
    if (!keep(r)) continue;
    ++n;
    sse += errors[r] * errors[r];
  }
  return accuracy(n, sse, errors.length, validationRmse);
}

/** The accuracy of n rows of `rows` whose squared errors sum to sse. */
export function accuracy(n: number, sse: number, rows: number, validationRmse: number): SubsetAccuracy {
  const rmse = n > 0 ? Math.sqrt(sse / n) : null;
  return {n, share: rows > 0 ? n / rows : 0, rmse, rmse_increase_pct: rmse === null ? null : (rmse / validationRmse - 1) * 100};
}

/** Whether row r misses any of the given feature columns. */
export function missesAny(x: readonly Float64Array[], columns: readonly number[]): (r: number) => boolean {
  // The columns are looked up once, not once a row: a row test runs millions of times on a large log.
  const picked = columns.map((j) => x[j]);
  return (r) => {
    for (const column of picked) if (column[r] !== column[r]) return true;
    return false;
  };
}
