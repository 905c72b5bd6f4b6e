import type {Direction, MetricDefinition, MetricId, MetricReplay, MonitoringTable} from "../../loaders/monitoring/index.js";
import {int, usd} from "../shared/format.js";
import {keyed, type Lookup} from "./lookup.js";

/**
 * The Monitoring page's alert rules (monitoring.json's `rules`, one per
 * metric) by id, and how a rule's values and thresholds read. The Risk page
 * reads the same rules.
 */

const rulesOf = new WeakMap<MonitoringTable, Lookup<MetricId, MetricDefinition>>();
const replaysOf = new WeakMap<MonitoringTable, Lookup<MetricId, MetricReplay>>();

/** The alert rule of a metric; throws naming the metric if monitoring.json has none. */
export function rule(mon: MonitoringTable, id: MetricId): MetricDefinition {
  let rules = rulesOf.get(mon);
  if (!rules) rulesOf.set(mon, (rules = keyed(mon.rules, (r) => r.id, "alert rule for metric")));
  return rules.get(id);
}

/** A metric's replay over the window (days yellow, red, without data; first alerts); throws naming the metric if missing. */
export function metricReplay(mon: MonitoringTable, id: MetricId): MetricReplay {
  let replays = replaysOf.get(mon);
  if (!replays) replaysOf.set(mon, (replays = keyed(mon.replay.by_metric, (m) => m.metric, "replay of metric")));
  return replays.get(id);
}

/** A metric's value in its unit, in full: "$10.01", "812 ms", "12", "63.0% of usual", "0.12 SD", "8.6%". */
export function metricValue(value: number, unit: string): string {
  if (unit === "USD") return usd(value);
  if (unit === "ms") return `${Math.round(value)} ms`;
  if (unit === "alerts") return int(value);
  if (unit.startsWith("% of ")) return `${value.toFixed(1)}% ${unit.slice(2)}`;
  if (unit === "training SD") return `${value.toFixed(2)} SD`;
  return `${value.toFixed(1)}%`;
}

/** A metric's value for a table cell, where the column or the metric's name says the unit's words: "63.0%" for "% of usual". */
export function metricValueShort(value: number, unit: string): string {
  return unit.startsWith("% of ") ? `${value.toFixed(1)}%` : metricValue(value, unit);
}

/** The comparison a threshold makes: "<" for a floor, "|x| >" for a size either way, ">" for a ceiling. */
export function sideSign(direction: Direction): string {
  return direction === "below" ? "<" : direction === "abs_above" ? "|x| >" : ">";
}

/** The rows a rule judges: "each day", or "trailing 7 days, ≥ 100 rows". */
export function windowText(r: MetricDefinition): string {
  return r.window.kind === "day" ? "each day" : `trailing ${r.window.days} days, ≥ ${r.window.min_rows} rows`;
}
