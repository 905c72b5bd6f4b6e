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
