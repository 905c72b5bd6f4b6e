import {describe, expect, it} from "vitest";
import type {FeatureImportance} from "../../loaders/scoring/importance.js";
import {loadInputs, type Inputs} from "../../loaders/inputs/load.js";
import {riskRowFeatures} from "../../loaders/risk/row-features.js";
import {passRowFeatures} from "../../loaders/pipeline/row-features.js";
import {buildTables, passTables} from "../../loaders/pipeline/tables.js";
import {seedData} from "../builders/helpers.js";
import {days, run, syntheticInputs} from "../builders/monitoring-inputs.js";
import {expectSameFigures} from "../builders/same-figures.js";

describe("the feature columns the risk table reads row by row", () => {
  // Importance: c1 alone carries 80% (the critical share), so it is the one critical feature; p1 and p2 are in the target's unit.
  const features = ["z", "p2", "c1", "p1", "w"];
  const importance: FeatureImportance[] = [
    ["c1", 80],
    ["w", 10],
    ["p2", 5],
    ["z", 3],
    ["p1", 2],
  ].map(([feature, importance], i) => ({feature: feature as string, index: features.indexOf(feature as string), beta: 1, train_sd: importance as number, importance: importance as number, rank: i + 1}));
  const feature = (name: string, unit: string) => ({feature: name, source: "database", unit, mean: 0, sd: 1, missingRate: 0, min: null, max: null});
  const stats = {
    ...syntheticInputs(run("2026-05-01", days(1, {rows: 1, error: 1}))).stats,
    features: [feature("z", ""), feature("p2", "USD"), feature("c1", "ratio"), feature("p1", "USD"), feature("w", "count")],
  };

  it("are the critical features and those in the price's unit, in model order", () => {
    expect(riskRowFeatures(features, stats, importance)).toEqual(["p2", "c1", "p1"]);
  });

  it("follow the importance: a flatter model has more critical features", () => {
    // Equal importance: the first four in importance order (c1, w, p2, z) carry 80%; p1 is read for its unit.
    const flat = importance.map((f) => ({...f, importance: 1}));
    expect(riskRowFeatures(features, stats, flat)).toEqual(["z", "p2", "c1", "p1", "w"]);
  });
});

/** The inputs with only `readable` feature columns readable: reading another throws, as on the streaming path. */
function withColumns(inputs: Inputs, readable: ReadonlySet<string>): Inputs {
  const {production} = inputs;
  const x = production.x.slice();
  production.features.forEach((feature, j) => {
    if (readable.has(feature)) return;
    Object.defineProperty(x, j, {
      get() {
        throw new Error(`read ${feature}`);
      },
    });
  });
  return {...inputs, production: {...production, x}};
}

describe("passTables on the seed data", () => {
  it("reads no feature column row by row but those passRowFeatures names, and needs each of them", async () => {
    const inputs = await loadInputs(seedData);
    const full = buildTables(inputs);
    const declared = passRowFeatures(inputs.model, inputs.stats);
    expect(declared.length).toBeLessThan(inputs.model.features.length);
    const some = passTables(withColumns(inputs, new Set(declared)), full.scores, full.accumulation);
    for (const table of ["performance", "performanceDetail", "drift", "monitoring", "monitoringSpec", "retraining", "risk", "memo"] as const) {
      expectSameFigures(some[table], full[table], 0, table);
    }
    // Each declared column is read: without it, passTables fails.
    for (const feature of declared) {
      const fewer = new Set(declared.filter((f) => f !== feature));
      expect(() => passTables(withColumns(inputs, fewer), full.scores, full.accumulation), feature).toThrow(`read ${feature}`);
    }
  });
});
