import {join} from "node:path";
import {writeDataFolder} from "./engine.js";
import {root, seedData} from "./helpers.js";
import {days, run, syntheticInputs} from "./monitoring-inputs.js";

/** A data folder the monitoring tests walk day by day. */
export interface MonitorInput {
  name: string;
  dir: string;
}

/**
 * Synthetic days that reach every branch of the rules: windows too thin to
 * judge, a logged day without rows (volume 0), errors past the lines, missing
 * values, slow and very slow days, and a feature shifted down.
 */
export function eventfulDays() {
  return run("2026-05-01", [
    ...days(3, {rows: 40, error: 1}),
    {rows: 0, error: 1},
    {rows: 40, error: 1.3},
    {rows: 40, error: 1, missingA: 10},
    {rows: 40, error: 1, latencyMs: 180},
    {rows: 40, error: 1, scaleA: 0.4},
    {rows: 40, error: 1.15, latencyMs: 250, scaleA: 0.4},
    {rows: 8, error: 1},
  ]);
}

/**
 * Late labels (issue 22): labelled days, then a day half of whose rows await
 * their actual price, then three days with none, the middle one with feature
 * `a` shifted up (predictions 2 training SDs above the training price).
 */
export function lateLabelDays() {
  return run("2026-07-01", [
    ...days(5, {rows: 30, error: 1}),
    {rows: 30, error: 1.1, unlabelled: 15},
    {rows: 30, error: 1, unlabelled: 30},
    {rows: 30, error: 1, unlabelled: 30, scaleA: 1.5},
    {rows: 30, error: 1, unlabelled: 30},
  ]);
}

/** Every test input: the embedded data, the alternative inputs, and three synthetic folders (one without units_sold and latency_ms, one with late labels). */
export function monitorInputs(): MonitorInput[] {
  return [
    {name: "embedded data", dir: seedData},
    {name: "alternative inputs", dir: join(root, "test/fixtures/alt-inputs")},
    {name: "synthetic, eventful", dir: writeDataFolder(syntheticInputs(eventfulDays()))},
    {name: "synthetic, no units or latency", dir: writeDataFolder(syntheticInputs(run("2026-06-01", days(6, {rows: 30, error: 1.2})), {latency: false, units: false}))},
    {name: "synthetic, late labels", dir: writeDataFolder(syntheticInputs(lateLabelDays()))},
  ];
}
