import type {DaySpan, ImpactTotals} from "../daily/index.js";
import type {Level} from "./alerts.js";
import type {MonitoredFeatures} from "./features.js";
import type {MetricDefinition} from "./metrics.js";
import type {MetricStatus, Replay} from "./replay.js";
import type {DayFigures} from "./series.js";

export interface AccuracyComparison {
  metric: string;
  unit: string;
  training: number | null;
  production: number | null;
  last_window: number | null;
}

export interface FeatureComparison {
  feature: string;
  rank: number;
  train_mean: number;
  prod_mean: number | null;
  mean_shift_pct: number | null;
  train_missing_pct: number;
  prod_missing_pct: number;
  last_window_shift_pct: number | null;
  last_window_missing_pct: number | null;
  shift_level: Level | "not_monitored";
  missing_level: Level;
}

export interface MonitoringConclusions {
  /** Where the dashboard stands on the last day. */
  status: string;
  /** Would the rules have caught the accuracy problem, and how early? */
  caught: string;
  /** How many alerts the rules would have raised. */
  alert_load: string;
  /** Why accuracy alerts use the trailing window. */
  window: string;
  drift: string;
  /** Prediction drift, the label-free signal. */
  prediction: string;
  latency: string;
  impact: string;
}

/** Everything the dashboard shows, before its conclusions are written from it. */
export interface MonitoringFacts {
  /** `days` counts calendar days (the series runs over the calendar); `span` says which of them have rows. */
  window: {first: string; last: string; days: number; rows: number; median_daily_rows: number; span: DaySpan};
  has_latency: boolean;
  has_units: boolean;
  settings: {
    window_days: number;
    min_window_rows: number;
    latency_budget_ms: number;
    important_features: number;
    min_abs_mean_in_sd: number;
    /** The near-zero-mean rule in words (loaders/shared/near-zero.ts): the spec's, this page's and the Drift page's. */
    near_zero_mean_rule: string;
    /** The accuracy lines as % over validation (the source of truth). */
    rmse_over_validation_pct: {yellow: number; red: number};
    response_hours: {yellow: number; red: number};
    escalation: string[];
  };
  monitored: MonitoredFeatures;
  rules: MetricDefinition[];
  daily: DayFigures[];
  replay: Replay;
  /** The last day's status per metric: the dashboard's tiles. */
  tiles: (MetricStatus & {name: string; unit: string; group: MetricDefinition["group"]; group_name: string})[];
  impact: {totals: ImpactTotals | null; validation_baseline_pct: number | null};
  noise: {median_daily_rows: number; red_ratio: number; false_red_daily: number; false_red_window: number};
  training_vs_production: {accuracy: AccuracyComparison[]; features: FeatureComparison[]};
}

/** The monitoring dashboard's data: monitoring.json. */
export interface MonitoringTable extends MonitoringFacts {
  conclusions: MonitoringConclusions;
}

