import type {MetricId} from "./metrics.js";

/** Every metric id, in the catalogue's order (the schemas' enum). */
export const metricIds = ["rmse", "mae", "mean_shift", "missing_rate", "prediction_shift", "latency_p95", "volume", "mispricing", "alerts_per_day"] as const satisfies readonly MetricId[];

/**
 * One alert as the replay logs it and the daily job prints it (AlertEntry),
 * as a JSON Schema (draft 2020-12). The spec carries it (`alert_record`) and
 * src/monitor-result.schema.json holds the same object under $defs/alert
 * (a test keeps them equal), so an alerting pipeline validates either.
 */
export const alertRecordSchema = {
  title: "One alert",
  description:
    "One yellow or red result of one rule on one day: one per monitored feature for the per-feature metrics, one for the model otherwise. A metric that cannot be computed (no_data) is never an alert and is not counted by alerts_per_day.",
  type: "object",
  additionalProperties: false,
  required: ["date", "day", "metric", "subject", "level", "value", "threshold", "direction", "new"],
  properties: {
    date: {type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "The calendar day judged (YYYY-MM-DD)."},
    day: {type: "integer", minimum: 1, description: "Position of the day in the log's calendar: 1 for the log's first day."},
    metric: {enum: [...metricIds]},
    subject: {type: ["string", "null"], minLength: 1, description: "The feature, for per-feature metrics (mean_shift, missing_rate); null for whole-model metrics."},
    level: {enum: ["yellow", "red"]},
    value: {type: "number", description: "The metric's value, signed: a mean shift keeps its sign (direction abs_above judges its size)."},
    threshold: {type: "number", description: "The line crossed: the red line for a red alert, the yellow line for a yellow one."},
    direction: {enum: ["above", "below", "abs_above"], description: "Which side of the line is bad; every comparison is strict."},
    new: {type: "boolean", description: "Not at this level or worse for the same metric and subject the day before: what pages someone."},
  },
} as const;
