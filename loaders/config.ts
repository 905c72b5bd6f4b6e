/**
 * Every threshold, cost and model setting the report uses, in one typed place.
 * Each value cites where it comes from: "brief" is the deployment-review brief
 * (TechMart pricing model, Parts 1–6); anything else is our choice, justified
 * where the report uses it.
 */
export const config = {
  model: {
    /** Brief: glmnet Ridge with λ = 0.05 is the model to deploy. */
    lambda: 0.05,
  },
  drift: {
    /** Brief, Part 2: a mean shift above 20% is severe drift. */
    severeMeanShiftPct: 20,
    /** Brief, Part 2: an SD change above 30% is severe drift. */
    severeSdChangePct: 30,
  },
  /** The drift page's analyses beyond the brief's severe flag (Part 2). */
  driftAnalysis: {
    /**
     * Ours: a training mean closer to zero than half a training SD makes a %
     * change meaningless (it measures the distance from zero, not from the
     * distribution: trend_30d, mean 0.010 ± 0.053, reads −13% for a shift of
     * 0.02 SD). Such features are judged by their shift in training SDs.
     */
    nearZeroMeanSd: 0.5,
    /**
     * Ours: a mean shift of half a training SD or more is large (Cohen's
     * "medium" effect size, d = 0.5). Judges near-zero-mean features, and
     * catches low-variance features whose % change stays under 20% although the
     * whole distribution moved (an index of 100 ± 5 moving to 112).
     */
    largeShiftSd: 0.5,
    /**
     * Ours: the usual PSI reading (credit scoring, e.g. Siddiqi 2006, "Credit
     * Risk Scorecards"): below 0.1 stable, 0.1 to 0.25 moderate shift, 0.25 or
     * more major shift.
     */
    psiModerate: 0.1,
    psiMajor: 0.25,
    /**
     * Ours: a bin share of zero makes PSI infinite; shares below 1e-4 count as
     * 1e-4 (a common choice; an empty 1% bin then adds 0.046, a visible but not
     * dominating amount).
     */
    psiEpsilon: 1e-4,
    /**
     * Ours: a value holding at least 1% of production rows is a point mass of a
     * discrete feature (counts, ratings), not a coincidence of rounding (a
     * continuous value repeats in about 1 row in 500): its training CDF is then
     * bracketed by the neighbouring quantiles. In simulations of no drift this
     * keeps the PSI of count features at the level of continuous ones.
     */
    minPointShare: 0.01,
    /** Ours: significance level of the two-sample KS critical value shown beside the approximate distance. */
    ksAlpha: 0.05,
    /** Ours: features shown in the training-vs-production quantile chart (the most drifted by PSI). */
    quantileChartFeatures: 6,
    missing: {
      /**
       * Ours: a feature's production missing rate is elevated when it is more
       * than twice its training rate and at least 5 percentage points above it:
       * doubling alone would flag 0.1% → 0.3%, points alone would ignore scale.
       */
      elevatedRatio: 2,
      elevatedPoints: 0.05,
      /**
       * Ours: a day is in an outage of a source when the source's daily missing
       * rate is more than twice its median daily rate and at least 10 points
       * above it (a day's rate from ~15 rows × 15 features varies by ±3 points).
       */
      outageMultiple: 2,
      outageMinPoints: 0.1,
      /** Ours: the most important features whose missing-vs-present RMSE is shown. */
      errorFeatures: 8,
    },
    correlation: {
      /**
       * Ours: a pair's correlation changed beyond sampling noise when Fisher's
       * z test rejects "same correlation" at 5% after a Bonferroni correction
       * for the number of pairs compared (2,775 for 75 features): with that
       * many pairs, a few hundred would pass an uncorrected test by chance.
       */
      alpha: 0.05,
      /** Ours: pairs listed in the "changed most" table. */
      topPairs: 15,
      /** Ours: most important features in the correlation-change heat map (12 → 66 pairs, readable). */
      heatmapFeatures: 12,
    },
    /**
     * Ours: words for the strength of a correlation coefficient |r| (Cohen
     * 1988): below 0.1 negligible, below 0.3 weak, below 0.5 moderate, else strong.
     */
    strength: {weak: 0.1, moderate: 0.3, strong: 0.5},
  },
  performance: {
    /** Brief, Part 1: "95th-percentile absolute error" is the tail figure. */
    tailQuantile: 0.95,
    /**
     * Ours: segments with fewer rows are shown but marked and never ranked among
     * the worst, because the RMSE of a handful of rows is mostly noise.
     */
    minSegmentRows: 20,
  },
} as const;

export type Config = typeof config;
