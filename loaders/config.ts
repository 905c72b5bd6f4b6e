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
  scale: {
    /**
     * Ours: production logs of at least this many bytes (about 13,000 rows) are
     * read by the byte-level reader (loaders/stream/), smaller ones by
     * csv-parse, the reference reader. The two give identical data and errors
     * (tested); below this size csv-parse takes under about a second, above it
     * it grows to minutes per million rows and cannot read files over 512 MB
     * (V8's longest string) at all.
     */
    streamingMinBytes: 8 * 2 ** 20,
    /**
     * Ours: the tables CLI gives each worker thread at least this much of the
     * log; a thread costs about 0.2 s to start, which a smaller share would not
     * repay.
     */
    minBytesPerThread: 4 * 2 ** 20,
  },
} as const;

export type Config = typeof config;
