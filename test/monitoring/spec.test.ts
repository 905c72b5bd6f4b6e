import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {Ajv2020} from "ajv/dist/2020.js";
import {csvParseRows} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import type {MonitoringSpec} from "../../loaders/monitoring/spec.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {root, runTs, seedData} from "../builders/helpers.js";
import {days, run, syntheticInputs} from "../builders/monitoring-inputs.js";

const schema = JSON.parse(readFileSync(join(root, "src/monitoring-spec.schema.json"), "utf8"));
const validate = new Ajv2020({allErrors: true, strict: true}).compile(schema);
const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ");

// The spec as the site publishes it: the data loader's own output.
let spec: MonitoringSpec;
beforeAll(() => {
  const out = runTs("src/data/[name].json.ts", ["--name=monitoring-spec"], {REPORT_DATA_DIR: seedData});
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  spec = JSON.parse(out.stdout);
});

describe("monitoring-spec.json", async () => {
  it("validates against its JSON Schema", async () => {
    expect(validate(spec), errors()).toBe(true);
  });

  it("the schema rejects a spec missing what engineers need", async () => {
    const broken = structuredClone(spec);
    delete (broken.metrics[0] as Partial<MonitoringSpec["metrics"][number]>).owner;
    expect(validate(broken)).toBe(false);
    expect(errors()).toMatch(/must have required property 'owner'/);

    const badDirection = structuredClone(spec) as unknown as {metrics: {thresholds: {direction: string}}[]};
    badDirection.metrics[0].thresholds.direction = "sideways";
    expect(validate(badDirection)).toBe(false);

    const noFeatures = structuredClone(spec);
    const perFeature = noFeatures.metrics.find((m) => m.per_feature)!;
    perFeature.features = null;
    expect(validate(noFeatures)).toBe(false);

    const extra = {...structuredClone(spec), surprise: 1};
    expect(validate(extra)).toBe(false);
  });

  it("defines every metric of the brief's four groups, with both levels and the brief's response times", async () => {
    expect(spec.metrics.map((m) => m.id).sort()).toEqual(["alerts_per_day", "latency_p95", "mae", "mean_shift", "mispricing", "missing_rate", "prediction_shift", "rmse", "volume"]);
    expect(new Set(spec.metrics.map((m) => m.group))).toEqual(new Set(["accuracy", "drift", "volume_and_latency", "business"]));
    expect(spec.levels.yellow.response_hours).toBe(4);
    expect(spec.levels.red.response_hours).toBe(1);
    for (const m of spec.metrics) {
      expect(m.response).toEqual({yellow_hours: 4, red_hours: 1});
      expect(m.escalation.at(-1)).toBe("VP Engineering");
    }
  });

  it("carries the brief's numbers: RMSE red 22% over validation, mean shift yellow 25%, missing red 15%", async () => {
    const metric = (id: string) => spec.metrics.find((m) => m.id === id)!;
    expect(metric("rmse").thresholds.red).toBeCloseTo(spec.model.validation.rmse * 1.22, 12);
    expect(metric("rmse").thresholds.yellow).toBeCloseTo(spec.model.validation.rmse * 1.15, 12);
    expect(metric("mean_shift").thresholds).toMatchObject({direction: "abs_above", yellow: 25});
    expect(metric("missing_rate").thresholds).toMatchObject({direction: "above", red: 15});
    expect(metric("latency_p95").thresholds.red).toBe(config.monitoring.latencyBudgetMs);
    expect(metric("alerts_per_day").thresholds.red).toBe(10);
  });

  it("reads only columns the production log has (and the model's prediction)", async () => {
    const csv = readdirSync(seedData).find((f) => f.endsWith(".csv"))!;
    const header = new Set(csvParseRows(readFileSync(join(seedData, csv), "utf8").split("\n", 1)[0])[0]);
    header.add("prediction");
    for (const m of spec.metrics) for (const c of m.data_source.columns) expect(header.has(c), `${m.id}: ${c}`).toBe(true);
  });

  it("follows the inputs: a model with another validation RMSE gets other dollar lines, and stays valid", async () => {
    const inputs = syntheticInputs(run("2026-05-01", days(3, {rows: 4, error: 1})));
    const small = (await engineTables(inputs)).monitoringSpec;
    expect(validate(small), errors()).toBe(true);
    expect(small.metrics.find((m) => m.id === "rmse")!.thresholds.red).toBeCloseTo(1.22, 12);
    expect(small.metrics.find((m) => m.id === "mean_shift")!.features).toEqual(["a", "b"]);
    expect(small.generated_from).toMatchObject({first_day: "2026-05-01", last_day: "2026-05-03"});
  });
});
