import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {fallbackLook, type FallbackRule} from "../../loaders/risk/fallback.js";
import {priceFeatures} from "../../loaders/risk/flag-sets.js";
import type {Scores} from "../../loaders/scoring/score.js";
import type {TrainingStats} from "../../loaders/inputs/training-stats.js";
import type {ProductionData} from "../../loaders/inputs/production.js";
import type {LinearModel} from "../../loaders/model/index.js";
import {score, scoringPlan} from "../../loaders/scoring/score.js";
import {riskMatrix, type RiskEvidence} from "../../loaders/risk/matrix.js";
import {abRowsNeeded, rollbackPlan} from "../../loaders/risk/rollback.js";
import {rangeCounts, shareBelow} from "../../loaders/risk/sanity.js";
import {fallbackConclusion, matrixConclusion, rollbackConclusion, sanityConclusion} from "../../loaders/risk/conclusions.js";
import {reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {expectClose, seedData} from "../builders/helpers.js";
import {days, run, syntheticInputs} from "../builders/monitoring-inputs.js";

/**
 * The fallback rule on a log in memory, as the engine runs it: the price
 * signals' sums as the pass adds them, the rule's look fed the chosen
 * signals' columns.
 */
function fallbackRule(production: ProductionData, scores: Scores, stats: TrainingStats, critical: string[], validation: number): FallbackRule {
  const prices = new Set(priceFeatures(production.features, stats));
  const candidates = production.features.flatMap((feature, position) => {
    if (!prices.has(feature)) return [];
    let n = 0;
    let sse = 0;
    for (let r = 0; r < production.rows; ++r) {
      const x = production.x[position][r];
      if (x !== x) continue;
      const e = production.actualPrice[r] - x;
      ++n;
      sse += e * e;
    }
    return [{position, feature, sums: {n, sse}}];
  });
  const columns = critical.map((f) => production.x[production.features.indexOf(f)]);
  const rows = {n: production.rows, actual: production.actualPrice, prediction: scores.prediction, error: scores.error, misses: (r: number) => columns.some((c) => c[r] !== c[r])};
  const look = fallbackLook(rows, candidates, critical, validation, config.risk.sanityRangeUsd);
  look.look?.visit(0, production.rows, look.chosen.map((c) => production.x[c.position]));
  return look.result(config.risk.sanityRangeUsd).rule;
}

describe("the sanity check", () => {
  it("counts rejections, real prices outside, and which rejections are wrong", () => {
    const prediction = [5, 9.99, 10, 250, 500, 500.01, 600, 8];
    const actual = [6, 30, 12, 240, 480, 700, 450, 9];
    expect(rangeCounts(prediction, actual, 10, 500)).toEqual({
      min: 10,
      max: 500,
      rejected_below: 3,
      rejected_above: 2,
      rejected: 5,
      actual_below: 2,
      actual_above: 1,
      actual_outside: 3,
      // 5 → 6, 500.01 → 700 and 8 → 9: the price really was outside; 9.99 → 30 and 600 → 450 were wrong predictions.
      wrong_rejections: 3,
      right_rejections: 2,
    });
  });

  it("reads a share from quantiles, linearly between them", () => {
    const probs = [0, 0.05, 0.1, 1];
    const q = [4, 8, 12, 600];
    expect(shareBelow(10, probs, q)).toBeCloseTo(0.075, 12);
    expect(shareBelow(3, probs, q)).toBe(0);
    expect(shareBelow(700, probs, q)).toBe(1);
    expect(shareBelow(3, [0.01, 0.5], [4, 50])).toBeNull();
  });
});

describe("the missing-feature fallback", () => {
  // Feature a is critical; p and q are price-like (USD): p tracks the price, q does not.
  const nan = NaN;
  const rows = [
    {actual: 20, a: 10, p: 21, q: 50},
    {actual: 22, a: 12, p: 23, q: 60},
    {actual: 30, a: nan, p: 31, q: 70},
    {actual: 40, a: nan, p: nan, q: 80},
    {actual: 25, a: nan, p: 24, q: nan},
  ];
  const model: LinearModel = {kind: "elnet", intercept: 10, features: ["a", "p", "q"], coefficients: [1, 0, 0], lambda: 0.05};
  const production: ProductionData = {
    file: "t.csv",
    rows: rows.length,
    productId: rows.map((_, i) => `P${i}`),
    date: rows.map(() => "2026-05-01"),
    category: rows.map(() => "Toys"),
    brand: rows.map(() => "Acme"),
    priceTier: rows.map(() => "Value"),
    actualPrice: Float64Array.from(rows, (r) => r.actual),
    features: model.features,
    x: [Float64Array.from(rows, (r) => r.a), Float64Array.from(rows, (r) => r.p), Float64Array.from(rows, (r) => r.q)],
    unitsSold: null,
    latencyMs: null,
    extraColumns: [],
  };
  const feature = (name: string, mean: number, unit: string) => ({feature: name, source: "database", unit, mean, sd: 1, missingRate: 0, min: null, max: null});
  const stats = {...syntheticInputs(run("2026-05-01", days(1, {rows: 1, error: 1}))).stats, features: [feature("a", 10, ""), feature("p", 25, "USD"), feature("q", 60, "USD")]};
  const scores = score(production, scoringPlan(model, stats));

  it("serves the model, the first price signal present, or a flagged model price", () => {
    // The model imputes a = 10 (prediction 20) on the rows missing a.
    expect([...scores.error]).toEqual([0, 0, 10, 20, 5]);
    const f = fallbackRule(production, scores, stats, ["a"], 1);
    // p alone: errors −1, −1, −1, 1 → RMSE 1, below the model's √((100 + 400 + 25) / 3) on the rows missing a; q alone is far off.
    expect(f.signals.map((x) => [x.feature, x.rmse, x.served])).toEqual([["p", 1, 2]]);
    expect(f.rejected_signals.map((x) => x.feature)).toEqual(["q"]);
    expect(f.branches.map((b) => [b.tier, b.n])).toEqual([["model", 2], ["signal", 2], ["review", 1]]);
    expect(f.branches[0].served_rmse).toBe(0);
    expect(f.branches[1].served_rmse).toBe(1);
    expect(f.branches[1].model_rmse).toBeCloseTo(Math.sqrt((100 + 25) / 2), 12);
    expect(f.branches[2].served_rmse).toBe(20);
    expect(f.served_by_rule_rmse).toBeCloseTo(Math.sqrt((0 + 0 + 1 + 400 + 1) / 5), 12);
    expect(f.complete_rows.n).toBe(2);
  });

  it("uses no signal that does not beat the model", () => {
    const noUsd = {...stats, features: stats.features.map((x) => ({...x, unit: ""}))};
    const f = fallbackRule(production, scores, noUsd, ["a"], 1);
    expect(f.signals).toEqual([]);
    expect(f.branches.map((b) => b.n)).toEqual([2, 0, 3]);
    expect(fallbackConclusion(f, 1)).toMatch(/No price-like input beats the model on the 3 rows missing a critical feature/);
  });
});

describe("the fallback sentence", () => {
  const rule = (signalServed: number): FallbackRule => ({
    critical: ["a"],
    signals: [{feature: "list_price", rmse: 9, present_share: 0.8, served: 30}],
    rejected_signals: [],
    branches: [
      {tier: "model", n: 60, share: 0.6, model_rmse: 8, served_rmse: 8},
      {tier: "signal", n: 30, share: 0.3, model_rmse: 15, served_rmse: signalServed},
      {tier: "review", n: 10, share: 0.1, model_rmse: 20, served_rmse: 20},
    ],
    served_today_rmse: 12,
    served_by_rule_rmse: 11,
    complete_rows: {n: 60, share: 0.6, rmse: 8, rmse_increase_pct: -2},
  });
  it("names the signals in order and what they do", () => {
    const text = fallbackConclusion(rule(11), 8.2);
    expect(text).toContain("On this log, 60 rows (60.0%) have every critical feature and get the model: RMSE $8.00, against $8.20 in validation.");
    // √((30 × 15² + 10 × 20²) / 40) = √268.75 = 16.39
    expect(text).toContain("On the 40 rows missing a critical feature the model's RMSE is $16.39; the price signals that beat it, tried in order, are list_price ($9.00 alone).");
    expect(text).toContain("They price 30 rows at an RMSE of $11.00 (the model: $15.00); the other 10 rows have none and are flagged for review (model RMSE $20.00).");
    expect(text).toContain("Served by the rule, the log's RMSE would be $11.00 instead of $12.00.");
  });
});

describe("rollback", () => {
  it("sizes the A/B test: rows to see an RMSE ratio, from the normal approximation", () => {
    // z(0.95) = 1.6449; ln 1.05 = 0.04879; (z / d)² × (1/0.1 + 1/0.9) / 2.
    const z = 1.6448536269514722;
    const d = Math.log(1.05);
    expect(abRowsNeeded(5, 0.1, 0.95)).toBe(Math.ceil(((z / d) ** 2 * (1 / 0.1 + 1 / 0.9)) / 2));
    expect(abRowsNeeded(5, 0.5, 0.95)).toBeLessThan(abRowsNeeded(5, 0.1, 0.95));
    expect(abRowsNeeded(10, 0.1, 0.95)).toBeLessThan(abRowsNeeded(5, 0.1, 0.95));
  });

  it("replays the alert-frequency criterion and turns the volume into days", () => {
    const limit = config.risk.rollback.alertsPerDay;
    const counts = [3, limit, limit + 1, 2, limit + 5].map((total, i) => ({date: `2026-05-0${i + 1}`, day: i + 1, yellow: 0, red: total, total, new: 0}));
    const plan = rollbackPlan(counts, 40);
    expect(plan.alerts).toEqual({days: 5, days_over: 2, first_over: {date: "2026-05-03", day: 3}, max_per_day: limit + 5});
    expect(plan.ab.arm_rows_per_day).toBeCloseTo(4, 12);
    expect(plan.ab.days_to_min_window).toBe(Math.ceil(config.monitoring.minWindowRows / 4));
    expect(plan.ab.days_to_detect).toBe(Math.ceil(plan.ab.rows_to_detect / 40));
    expect(rollbackConclusion(plan)).toMatch(/would have fired on 2 of 5 days, first on 2026-05-03 \(day 3\): deployed as it is, the model would have been rolled back in its first week\./);
    expect(rollbackConclusion(rollbackPlan(counts.slice(0, 2), 100_000))).toMatch(/never fired in the replay \(at most 10 a day\)\. A 10% A\/B test gets 10000\.0 predictions a day/);
    expect(rollbackConclusion(rollbackPlan(counts.slice(0, 2), 100_000))).not.toContain("shadow");
  });
});

describe("the risk matrix", () => {
  const rows = (n: number, increase: number | null): RiskEvidence["complete_rows"] =>
    increase === null ? {n, share: 0.1, rmse: null, rmse_increase_pct: null} : {n, share: 0.1, rmse: 1 + increase / 100, rmse_increase_pct: increase};
  const evidence: RiskEvidence = {
    source_missing_pct: {database: 2, api: 3, computed: 1},
    pipeline_rows: rows(10, 5),
    api_rows: rows(10, 5),
    complete_rows: rows(100, 1),
    critical_severe: [],
    severe_count: 0,
    new_category_share: 0,
    new_category_rmse_increase_pct: null,
    outside_training_prices: 0,
    latency_red_days: 0,
  };
  const rate = (e: RiskEvidence) => Object.fromEntries(riskMatrix(e, {api: "api", pipeline: ["computed", "database"]}).map((r) => [r.id, `${r.likelihood}/${r.impact}`]));

  it("a healthy log rates every measured risk low", () => {
    expect(matrixConclusion(riskMatrix(evidence, {api: "api", pipeline: ["computed", "database"]}))).toMatch(/^Highest priority: model bugs producing nonsense \(low likelihood, high impact\) and new product categories \(low likelihood, high impact\)\. Then /);
    expect(rate(evidence)).toEqual({pipeline: "low/low", drift: "low/low", bugs: "low/high", new_categories: "low/high", api: "low/low"});
  });

  it("the ratings follow the evidence", () => {
    expect(
      rate({
        ...evidence,
        source_missing_pct: {database: 9, api: 20, computed: 1},
        pipeline_rows: rows(10, 18),
        api_rows: rows(10, 40),
        complete_rows: rows(10, 30),
        critical_severe: ["a"],
        severe_count: 3,
        new_category_share: 0.2,
        new_category_rmse_increase_pct: 16,
        outside_training_prices: 2,
      }),
    ).toEqual({pipeline: "medium/medium", drift: "high/high", bugs: "high/high", new_categories: "high/medium", api: "high/high"});
    expect(rate({...evidence, latency_red_days: 1}).api).toBe("high/low");
    expect(rate({...evidence, severe_count: 2}).drift).toBe("medium/low");
  });
});

describe("on the seed data", () => {
  let tables: Tables;
  let log: Record<string, string>[];
  beforeAll(async () => {
    tables = (await reportTables(seedData, {cacheDir: freshCache()}));
    const csv = readdirSync(seedData).find((f) => f.endsWith(".csv"))!;
    log = csvParse(readFileSync(join(seedData, csv), "utf8"));
  });

  it("the sanity counts, recounted from the log and the predictions", () => {
    const {min, max} = config.risk.sanityRangeUsd;
    const s = tables.risk.sanity;
    const prediction = [...tables.inputs.log.kept.prediction];
    const actual = log.map((r) => Number(r.actual_price));
    const outside = (x: number) => x < min || x > max;
    expect(s.brief.rejected).toBe(prediction.filter(outside).length);
    expect(s.brief.rejected_below).toBe(prediction.filter((p) => p < min).length);
    expect(s.brief.actual_outside).toBe(actual.filter(outside).length);
    expect(s.brief.actual_below).toBe(actual.filter((a) => a < min).length);
    expect(s.brief.wrong_rejections).toBe(prediction.filter((p, i) => outside(p) && outside(actual[i])).length);
    expect(s.brief.rejected).toBeGreaterThan(0);
    const text = sanityConclusion(s);
    expect(text).toContain(`would reject ${s.brief.rejected} predictions`);
    expect(text).toContain(`${s.brief.wrong_rejections} would be wrong`);
  });

  it("the fallback's complete rows, recounted from the log", () => {
    const critical = tables.retraining.critical.features.map((f) => f.feature);
    const complete = log.map((r, i) => ({ok: critical.every((f) => r[f] !== "" && r[f] !== "NA"), e: tables.inputs.log.kept.actual[i] - tables.inputs.log.kept.prediction[i]})).filter((r) => r.ok);
    const f = tables.risk.fallback;
    expect(f.complete_rows.n).toBe(complete.length);
    expectClose(f.complete_rows.rmse, Math.sqrt(complete.reduce((s, r) => s + r.e * r.e, 0) / complete.length));
    expect(f.branches.reduce((s, b) => s + b.n, 0)).toBe(log.length);
  });
});
