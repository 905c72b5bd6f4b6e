import {describe, expect, it} from "vitest";
import {correlationReport, fisherZ, imputationFactor} from "../../loaders/drift/correlation.js";
import type {FeatureImportance} from "../../loaders/scoring/importance.js";
import {pairwiseCorrelation} from "../../loaders/stats/correlation.js";
import {comomentsOf, production, stats} from "../builders/drift-inputs.js";

const n = 300;
const a = Array.from({length: n}, (_, i) => i);
const b = a.map((x, i) => x + 40 * Math.sin(i * 1.7)); // r ≈ 0.97 with a
const c = a.map((_, i) => Math.cos(i * 2.3)); // unrelated to a
b[5] = NaN; // pairwise-complete: one row fewer for the pairs with b
const data = production({a, b, c});
const r = (x: number[], y: number[]) => pairwiseCorrelation(x, y).r!;
const importance: FeatureImportance[] = ["c", "a", "b"].map((feature, i) => ({feature, index: ["a", "b", "c"].indexOf(feature), beta: 1, train_sd: 1, importance: 3 - i, rank: i + 1}));

function report(train: {ab: number; ac: number; bc: number}, imputation = "training mean") {
  const matrix = {features: ["a", "b", "c"], values: [[1, train.ab, train.ac], [train.ab, 1, train.bc], [train.ac, train.bc, 1]]};
  const training = stats([{feature: "a"}, {feature: "b"}, {feature: "c"}], {correlation: matrix, imputation});
  return correlationReport(comomentsOf(data, training), data.features, training, importance);
}

describe("correlation structure", () => {
  it("Fisher z and the imputation factor", () => {
    expect(fisherZ(0.5, 103, 0.5, 50)).toBe(0);
    expect(fisherZ(0.5, 103, 0.3, 103)).toBeCloseTo((Math.atanh(0.3) - Math.atanh(0.5)) / Math.sqrt(2 / 100), 14);
    expect(imputationFactor(0.02, 0.02)).toBeCloseTo(0.98, 15);
  });

  it("flags a pair whose correlation changed beyond noise, with both values and n", () => {
    const rep = report({ab: 0.2, ac: r(a, c), bc: r(b, c)});
    expect(rep.unavailable).toBeNull();
    expect(rep.pairs_compared).toBe(3);
    const top = rep.top_pairs[0];
    expect([top.a, top.b]).toEqual(["a", "b"]);
    expect(top.train_r).toBe(0.2);
    expect(top.prod_r).toBeCloseTo(r(a, b), 12);
    expect(top.n).toBe(n - 1);
    expect(top.delta).toBeCloseTo(r(a, b) - 0.2, 12);
    expect(top.beyond_noise).toBe(true);
    expect(rep.beyond_noise_count).toBe(1);
    expect(rep.top_beyond_noise.map((p) => `${p.a}-${p.b}`)).toEqual(["a-b"]);
  });

  it("does not count what training's mean imputation alone explains", () => {
    // Stored training r shrunk by about 2% (imputation), production's pairwise r is within the plausible range.
    const shrunk = r(a, b) * 0.99;
    const rep = report({ab: shrunk, ac: r(a, c), bc: r(b, c)});
    const ab = rep.top_pairs.find((p) => p.a === "a" && p.b === "b")!;
    expect(ab.train_r_adjusted).toBeCloseTo(shrunk / 0.98, 12);
    expect(ab.z).toBe(0);
    expect(rep.beyond_noise_count).toBe(0);
    // Without imputation in training, the same stored value is a real (if small) difference.
    const plain = report({ab: shrunk, ac: r(a, c), bc: r(b, c)}, "none");
    expect(plain.adjusted_for_imputation).toBe(false);
    expect(plain.top_pairs.find((p) => p.a === "a" && p.b === "b")!.z).toBeGreaterThan(0);
  });

  it("heat map: Δr among the most important features, both orders", () => {
    const rep = report({ab: 0.2, ac: 0, bc: 0});
    expect(rep.heatmap.features).toEqual(["c", "a", "b"]);
    expect(rep.heatmap.cells).toHaveLength(6);
    const ba = rep.heatmap.cells.find((p) => p.a === "b" && p.b === "a")!;
    expect(ba.delta).toBeCloseTo(r(a, b) - 0.2, 12);
  });

  it("says why when the statistics have no correlation matrix", () => {
    const training = stats([{feature: "a"}, {feature: "b"}, {feature: "c"}]);
    const rep = correlationReport(comomentsOf(data, training), data.features, training, importance);
    expect(rep.unavailable).toMatch(/has no training correlation matrix/);
    expect(rep.top_pairs).toEqual([]);
  });
});

describe("what the correlation report claims about its assumptions", () => {
  const probs = [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];
  // Right-skewed (Kelly (q90 + q10 − 2·q50)/(q90 − q10) = (30 + 2 − 16)/28 ≈ 0.57) and symmetric training quantiles.
  const skewed = [1, 1.5, 2, 2, 3, 4, 5, 8, 10, 13, 18, 30, 40, 60, 90];
  const symmetric = probs.map((p) => p * 10);

  function withQuantiles(qa: number[], qb: number[], ab: number) {
    const matrix = {features: ["a", "b", "c"], values: [[1, ab, 0], [ab, 1, 0], [0, 0, 1]]};
    const training = stats([{feature: "a"}, {feature: "b"}, {feature: "c"}], {correlation: matrix, quantileProbs: probs, quantiles: new Map([["a", qa], ["b", qb], ["c", symmetric]])});
    return correlationReport(comomentsOf(data, training), data.features, training, importance);
  }

  it("marks a flagged high-r pair of skewed features as one where Fisher's z overstates significance, and says so", async () => {
    const {correlationConclusion} = await import("../../loaders/drift/conclusions.js");
    const rep = withQuantiles(skewed, symmetric, 0.9);
    const ab = rep.top_pairs.find((p) => p.a === "a" && p.b === "b");
    expect(ab?.beyond_noise).toBe(true);
    expect(ab?.normality_doubtful).toBe(true);
    expect(rep.beyond_noise_doubtful).toBe(1);
    expect(correlationConclusion(rep)).toMatch(/It is a pair of skewed features \(Kelly skewness beyond ±0\.2\) at \|r\| ≥ 0\.9, where Fisher's z, which assumes bivariate normality, overstates significance: that flag says the correlation moved, not that the move is beyond noise\./);
    // Symmetric features at the same r: z is within its assumptions, nothing is said.
    const sym = withQuantiles(symmetric, symmetric, 0.9);
    expect(sym.top_pairs.find((p) => p.a === "a" && p.b === "b")?.normality_doubtful).toBe(false);
    expect(correlationConclusion(sym)).not.toMatch(/skewed/);
    // A low-r pair is never marked, skewed or not.
    expect(rep.top_pairs.find((p) => p.a === "a" && p.b === "c")?.normality_doubtful).toBe(false);
  });

  it("states the imputation of the training matrix as an assumption, with the log's evidence over the strong pairs", () => {
    const rep = withQuantiles(symmetric, symmetric, 0.9);
    expect(rep.adjusted_for_imputation).toBe(true);
    expect(rep.imputation_field).toBe("training mean");
    // One strong pair (a–b, |r_train| = 0.9 > 0.5): the ratio is its r_prod / 0.9; imputation predicts 1 / 0.98.
    expect(rep.imputation_evidence?.pairs).toBe(1);
    expect(rep.imputation_evidence?.median_ratio).toBeCloseTo(r(a, b) / 0.9, 12);
    expect(rep.imputation_evidence?.predicted_ratio).toBeCloseTo(1 / 0.98, 12);
  });
});
