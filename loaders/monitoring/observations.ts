import type {MonitoredFeature} from "./features.js";
import type {DayObservations, Observation} from "./replay.js";
import type {DayFigures} from "./series.js";

/**
 * What the daily job feeds the rules: per metric, the value its definition
 * names (the trailing window for accuracy, drift and impact; the day itself
 * for latency and volume), one per monitored feature for drift.
 */
export function observations(days: readonly DayFigures[], monitored: readonly MonitoredFeature[]): DayObservations[] {
  const shift = new Set(monitored.filter((f) => f.mean_shift).map((f) => f.feature));
  return days.map((d) => {
    const list: Observation[] = [
      {metric: "rmse", subject: null, value: d.rmse_trailing},
      {metric: "mae", subject: null, value: d.mae_trailing},
    ];
    for (const f of d.features_trailing) {
      if (shift.has(f.feature)) list.push({metric: "mean_shift", subject: f.feature, value: f.mean_shift_pct});
    }
    for (const f of d.features_trailing) list.push({metric: "missing_rate", subject: f.feature, value: f.missing_pct});
    list.push({metric: "prediction_shift", subject: null, value: d.prediction_shift_trailing_sd});
    list.push(
      {metric: "latency_p95", subject: null, value: d.latency_p95},
      {metric: "volume", subject: null, value: d.volume_pct},
      {metric: "mispricing", subject: null, value: d.mispricing_trailing_pct},
    );
    return {date: d.date, observations: list};
  });
}
