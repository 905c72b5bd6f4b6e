import {basename} from "node:path";
import {config} from "../config.js";
import {logName, type ReportInputs} from "../pass/index.js";
import type {MetricDefinition} from "./metrics.js";

export interface SpecMetric extends MetricDefinition {
  response: {yellow_hours: number; red_hours: number};
  escalation: string[];
}

/** `monitoring-spec.json`: what an engineer implements, built from the same catalogue the page replays. */
export interface MonitoringSpec {
  spec_version: 1;
  title: string;
  model: {kind: string; lambda: number | null; features: number; validation: {rmse: number; mae: number; n: number}};
  generated_from: {production: string; model: string; training_stats: string; first_day: string; last_day: string};
  schedule: {
    evaluation: string;
    trailing_window_days: number;
    min_window_rows: number;
    volume_baseline_days: number;
    min_baseline_days: number;
  };
  levels: {
    yellow: {meaning: string; response_hours: number; rule: string};
    red: {meaning: string; response_hours: number; rule: string};
    no_data: {meaning: string};
  };
  escalation: string[];
  metrics: SpecMetric[];
}

export function monitoringSpec(inputs: ReportInputs, catalogue: readonly MetricDefinition[], days: {first: string; last: string}): MonitoringSpec {
  const m = config.monitoring;
  const {model, stats, files, log} = inputs;
  return {
    spec_version: 1,
    title: "Monitoring specification: TechMart price model",
    model: {kind: model.kind, lambda: model.lambda, features: model.features.length, validation: {rmse: stats.validation.rmse, mae: stats.validation.mae, n: stats.validation.n}},
    generated_from: {production: logName(log.files), model: basename(files.model), training_stats: basename(files.stats), first_day: days.first, last_day: days.last},
    schedule: {
      evaluation: "Once a day, after the calendar day closes; every metric is evaluated for that day and each yellow or red result is one alert.",
      trailing_window_days: m.windowDays,
      min_window_rows: m.minWindowRows,
      volume_baseline_days: m.volumeBaselineDays,
      min_baseline_days: m.minBaselineDays,
    },
    levels: {
      yellow: {meaning: "Investigate", response_hours: m.responseHours.yellow, rule: "the value is past the yellow threshold (strictly) but not past the red one"},
      red: {meaning: "Act now", response_hours: m.responseHours.red, rule: "the value is past the red threshold (strictly)"},
      no_data: {meaning: "The metric cannot be computed (too few rows in the window, or its column is absent): report it, never treat it as green"},
    },
    escalation: [...m.escalation],
    metrics: catalogue.map((metric) => ({
      ...metric,
      response: {yellow_hours: m.responseHours.yellow, red_hours: m.responseHours.red},
      escalation: escalationFor(metric.owner, m.escalation),
    })),
  };
}

/** The owner first, then the brief's chain from the rung above the owner (the whole chain when the owner is outside it). */
export function escalationFor(owner: string, chain: readonly string[]): string[] {
  const rung = chain.findIndex((role) => owner.startsWith(role));
  return [owner, ...chain.slice(rung + 1)];
}
