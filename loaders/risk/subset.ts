/** Accuracy of the rows a condition picks out, against validation: the RMSE and its increase, or both null without rows. */
export type SubsetAccuracy = {
  n: number;
  /** Share of all rows (0–1). */
  share: number;
} & ({rmse: number; /** RMSE over the validation RMSE, %. */ rmse_increase_pct: number} | {rmse: null; rmse_increase_pct: null});

/** RMSE of `errors[r]` over the labelled rows `keep` accepts; the share is of the labelled rows (a row awaiting its label has a NaN error and no accuracy yet). */
export function subsetAccuracy(errors: ArrayLike<number>, keep: (r: number) => boolean, validationRmse: number): SubsetAccuracy {
  let n = 0;
  let sse = 0;
  let labelled = 0;
  for (let r = 0; r < errors.length; ++r) {
    const e = errors[r];
    if (e !== e) continue;
    ++labelled;
    if (!keep(r)) continue;
    ++n;
    sse += e * e;
  }
  return accuracy(n, sse, labelled, validationRmse);
}

/** The accuracy of n rows of `rows` whose squared errors sum to sse. */
export function accuracy(n: number, sse: number, rows: number, validationRmse: number): SubsetAccuracy {
  const share = rows > 0 ? n / rows : 0;
  if (n === 0) return {n, share, rmse: null, rmse_increase_pct: null};
  const rmse = Math.sqrt(sse / n);
  return {n, share, rmse, rmse_increase_pct: (rmse / validationRmse - 1) * 100};
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
