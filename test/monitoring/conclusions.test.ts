import {describe, expect, it} from "vitest";
import type {MonitoringTable} from "../../loaders/monitoring/index.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {days, run, syntheticInputs, type DaySpec} from "../builders/monitoring-inputs.js";

// Every sentence from small planted inputs: change the data, the sentence follows.
const monitor = async (specs: Omit<DaySpec, "date">[], options?: {latency?: boolean; units?: boolean}): Promise<MonitoringTable> =>
  (await engineTables(syntheticInputs(run("2026-05-01", specs), options))).monitoring;

const healthy = await monitor(days(10, {rows: 20, error: 1}));

describe("would the rules have caught the problem?", async () => {
  it("no problem, no red", async () => {
    expect(healthy.conclusions.caught).toBe("There was no accuracy problem to catch: over the whole window the RMSE was 0.0% over validation, and the RMSE rule never went red. No rule went red on any day.");
    expect(healthy.conclusions.alert_load).toBe("The metric rules would have raised no alert over the 10 days.");
  });

  it("a lasting degradation: caught, with the day and how early", async () => {
    const m = await monitor([...days(6, {rows: 20, error: 1}), ...days(4, {rows: 20, error: 2})]);
    expect(m.conclusions.caught).toMatch(
      /^Yes: the RMSE rule would have gone red on 2026-05-08, day 8 of 10, 2 days before the window's end \(trailing RMSE \$1\.36 against the \$1\.22 line\); over the whole window the RMSE was 48\.3% over validation\. The first 4 days could not be judged: the trailing window held fewer than 100 predictions\. The first red alert of any rule came on 2026-05-08 \(day 8: RMSE, MAE/,
    );
  });

  it("a passing degradation: red, yet the whole window is below the line", async () => {
    const m = await monitor([...days(6, {rows: 20, error: 1}), ...days(2, {rows: 20, error: 2.5}), ...days(22, {rows: 20, error: 1})]);
    expect(m.conclusions.caught).toMatch(/^The RMSE rule went red on 2026-05-07 \(day 7\), although over the whole window the RMSE was 16\.2% over validation: a passing degradation/);
  });

  it("too few rows to judge: the problem goes uncaught, and the sentence says why", async () => {
    const m = await monitor(days(10, {rows: 10, error: 2}));
    expect(m.conclusions.caught).toMatch(/^No: over the whole window the RMSE was 100\.0% over validation, yet the RMSE rule never went red, because the trailing window never held 100 predictions/);
  });
});

describe("the other sentences", async () => {
  it("status: all green, or counted by level with the metrics named", async () => {
    expect(healthy.conclusions.status).toBe("On 2026-05-10, the last day of the log, all 9 metrics are green.");
    const bad = await monitor([...days(6, {rows: 20, error: 1}), ...days(4, {rows: 20, error: 2, latencyMs: 300})]);
    expect(bad.conclusions.status).toMatch(/^On 2026-05-10, the last day of the log, the 9 metrics stand at \d red \(RMSE, MAE, p95 latency.*\) and \d green\.$/);
  });

  it("alert load: counts, new alerts and the rollback line", async () => {
    const bad = await monitor([...days(6, {rows: 20, error: 1}), ...days(4, {rows: 20, error: 2, latencyMs: 300})]);
    expect(bad.conclusions.alert_load).toMatch(/^The metric rules would have raised \d+ alerts over 10 days \(\d+ new alerts that would page someone.*no day had more than 10, the brief's rollback line\.$/);
  });

  it("window: noisy at a few rows a day, stable at many", async () => {
    expect(healthy.conclusions.window).toMatch(/^At a median of 20 predictions a day, one day's RMSE is noisy: .* about \d+\.\d% of days\. Pooled over the trailing 7 days with at least 100 predictions/);
    const busy = await monitor(days(3, {rows: 120, error: 1}));
    expect(busy.conclusions.window).toMatch(/^At a median of 120 predictions a day, one day's RMSE is already stable/);
  });

  it("latency: within budget, near it, over it, or not logged", async () => {
    expect(healthy.conclusions.latency).toBe("The daily p95 latency stayed within the 200 ms budget every day (highest 50 ms on 2026-05-01).");
    const near = await monitor([...days(2, {rows: 20, error: 1}), {rows: 20, error: 1, latencyMs: 170}]);
    expect(near.conclusions.latency).toBe("The daily p95 latency stayed within the 200 ms budget every day (highest 170 ms on 2026-05-03), though it passed 150 ms on 1 day.");
    const spike = await monitor([...days(2, {rows: 20, error: 1}), {rows: 20, error: 1, latencyMs: 300}, ...days(2, {rows: 20, error: 1}), {rows: 20, error: 1, latencyMs: 250}]);
    expect(spike.conclusions.latency).toBe("The daily p95 latency broke the 200 ms budget on 2 days between 2026-05-03 and 2026-05-06 (highest 300 ms on 2026-05-03); the red rule fires on the same day, since latency is judged day by day.");
    expect((await monitor(days(2, {rows: 20, error: 1}), {latency: false})).conclusions.latency).toMatch(/^The log has no latency_ms column/);
  });

  it("impact: which side dominates, or not computable", async () => {
    expect(healthy.conclusions.impact).toMatch(/^Over the window, under-pricing left \$200 on the table and over-pricing put \$200 at risk: 4\.0% of the \$10,020 of revenue was mispriced, split about evenly between the two\.$/);
    expect((await monitor(days(2, {rows: 20, error: 1, sign: "under"}))).conclusions.impact).toMatch(/mostly from under-pricing\.$/);
    expect((await monitor(days(2, {rows: 20, error: 1, sign: "over"}))).conclusions.impact).toMatch(/mostly from over-pricing\.$/);
    expect((await monitor(days(2, {rows: 20, error: 1}), {units: false})).conclusions.impact).toMatch(/^The log has no units_sold column/);
  });

  it("drift: missing rates and mean shifts of the monitored features", async () => {
    expect(healthy.conclusions.drift).toBe(
      "Of the top 3 features (100.0% of the model's |β|·SD), on 2026-05-10, every missing rate is within 7.5%; no mean shift exceeds 25% (largest: a, 0.0%). z has a near-zero training mean and is watched for missing values only.",
    );
    const drifted = await monitor(days(10, {rows: 20, error: 1, missingA: 4, scaleA: 1.4}));
    expect(drifted.conclusions.drift).toMatch(/on 2026-05-10, 1 has a missing rate above 15% \(a\); the largest mean shift is a at \+40\.0% \(yellow\)\./);
    const patchy = await monitor(days(10, {rows: 20, error: 1, missingA: 2}));
    expect(patchy.conclusions.drift).toMatch(/1 has a missing rate above 7\.5% \(a\), none above 15%/);
  });
});

describe("prediction drift (issue 22)", async () => {
  it("green throughout, then a shift on days without labels: counted, dated, and said to need no label", async () => {
    expect(healthy.conclusions.prediction).toBe(
      "On 2026-05-10, the mean prediction of the trailing 7 days is +0.010 training SD from the training mean price (green); it stayed within 0.25 SD on all 6 days it was judged. It reads no actual price, so it judges the days whose labels have not arrived.",
    );
    // lateLabelDays' shape: the shifted day (a × 1.5, predictions 2 SD up) has no labels, yet the rule judges it.
    const m = await monitor([...days(5, {rows: 30, error: 1}), {rows: 30, error: 1, unlabelled: 15}, {rows: 30, error: 1, unlabelled: 30}, {rows: 30, error: 1, unlabelled: 30, scaleA: 1.5}, {rows: 30, error: 1, unlabelled: 30}]);
    expect(m.conclusions.prediction).toMatch(/^On 2026-05-09, the mean prediction of the trailing 7 days is \+0\.296 training SD from the training mean price \(yellow\); it was yellow on 2 days of the 6 days judged \(first past 0\.25 SD on 2026-05-08\)\./);
  });
});
