import {config} from "../config.js";
import type {DriftTable} from "../drift/index.js";
import type {FeatureImportance} from "../scoring/index.js";
import type {TrainingStats} from "../inputs/index.js";

/** One row of the memo's feature requirements. */
export interface FeatureRequirement {
  rank: number;
  feature: string;
  source: string;
  unit: string;
  beta: number;
  train_sd: number;
  /** |β|·training SD, and its share of the model's total. */
  importance: number;
  share: number;
  /** Where the feature would rank by raw |β|. */
  raw_beta_rank: number;
  /** Training quantiles at the configured probabilities (1st and 99th percentile); null without training quantiles. */
  expected_low: number | null;
  expected_high: number | null;
  train_missing_pct: number;
  acceptable_missing_pct: number;
  prod_missing_pct: number;
  /** Production within the acceptable missing rate. */
  missing_ok: boolean;
  /** The brief's latency budget for the feature's source; null for a source it does not name. */
  latency_budget_ms: number | null;
}

export interface Requirements {
  features: FeatureRequirement[];
  /** The top features by raw |β|, for the comparison. */
  raw_beta_top: {feature: string; beta: number; unit: string; train_sd: number; rank: number}[];
  /** How many features the two top lists share. */
  overlap: number;
  range_probs: number[] | null;
  acceptable_missing_pct: number;
  budgets: {source: string; ms: number; features: number}[];
  /** The ranking's reason in one line, for the printed memo. */
  ranking_note: string;
  conclusion: string;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const signed = (x: number) => (x < 0 ? "−" : "") + Math.abs(x).toPrecision(3);

/**
 * The top features by |β|·training SD (the brief asks for the "highest
 * coefficient magnitudes", but raw |β| is in each feature's own unit: a ratio
 * in [0, 1] gets a huge β for a small effect), with what production must
 * deliver for each: values within the training 1st–99th percentile, a
 * missing rate below monitoring's yellow line, and the source's latency.
 */
export function featureRequirements(importance: readonly FeatureImportance[], stats: TrainingStats, drift: DriftTable, count: number = config.memo.requirementFeatures): Requirements {
  const total = importance.reduce((s, f) => s + f.importance, 0);
  const byRaw = [...importance].sort((a, b) => Math.abs(b.beta) - Math.abs(a.beta) || (a.feature < b.feature ? -1 : 1));
  // The drift table's row of each feature (model order, at its index) carries its training source, unit and missing rate.
  const row = (f: FeatureImportance) => drift.features[f.index];
  const [pLow, pHigh] = config.memo.expectedRangeProbs;
  const probs = stats.quantileProbs;
  const iLow = probs ? probs.findIndex((p) => close(p, pLow)) : -1;
  const iHigh = probs ? probs.findIndex((p) => close(p, pHigh)) : -1;
  const quantiles = iLow >= 0 && iHigh >= 0 ? stats.quantiles : null;
  const hasRange = quantiles !== null;
  const acceptable = config.monitoring.alerts.missingRate.yellow;
  const budgets: Record<string, number> = config.memo.latencyBudgetMs;
  const top = importance.slice(0, count);
  const features = top.map((f): FeatureRequirement => {
    const d = row(f);
    const q = quantiles?.get(f.feature) ?? null;
    const prodMissing = d.prod_missing_rate * 100;
    return {
      rank: f.rank,
      feature: f.feature,
      source: d.source,
      unit: d.unit,
      beta: f.beta,
      train_sd: f.train_sd,
      importance: f.importance,
      share: total > 0 ? f.importance / total : 0,
      // byRaw holds these very rows, reordered.
      raw_beta_rank: byRaw.indexOf(f) + 1,
      expected_low: q ? q[iLow] : null,
      expected_high: q ? q[iHigh] : null,
      train_missing_pct: d.train_missing_rate * 100,
      acceptable_missing_pct: acceptable,
      prod_missing_pct: prodMissing,
      missing_ok: prodMissing <= acceptable,
      latency_budget_ms: budgets[d.source] ?? null,
    };
  });
  const rawTop = byRaw.slice(0, count).map((f) => ({feature: f.feature, beta: f.beta, unit: row(f).unit, train_sd: f.train_sd, rank: f.rank}));
  const names = new Set(top.map((f) => f.feature));
  const overlap = rawTop.filter((f) => names.has(f.feature)).length;
  const sources = [...new Set(stats.features.map((f) => f.source))].sort();
  return {
    features,
    raw_beta_top: rawTop,
    overlap,
    range_probs: hasRange ? [pLow, pHigh] : null,
    acceptable_missing_pct: acceptable,
    budgets: sources.filter((s) => budgets[s] !== undefined).map((source) => ({source, ms: budgets[source], features: features.filter((f) => f.source === source).length})),
    ranking_note: rankingNote(features.length, rawTop, overlap),
    conclusion: requirementsConclusion(features, rawTop, overlap),
  };
}

export function rankingNote(count: number, rawTop: Requirements["raw_beta_top"], overlap: number): string {
  const head = `Ranked by |β|·training SD, the price change of a typical move`;
  if (rawTop.length === 0 || overlap === rawTop.length) return `${head}; raw |β| gives the same ${count}.`;
  return `${head}: raw |β| depends on units and would share only ${overlap} of these ${count}, led by ${rawTop[0].feature} (rank ${rawTop[0].rank} here).`;
}

export function requirementsConclusion(features: readonly FeatureRequirement[], rawTop: Requirements["raw_beta_top"], overlap: number): string {
  if (features.length === 0) return "The model has no features to require.";
  const share = features.reduce((s, f) => s + f.share, 0);
  const first = rawTop[0];
  const over = features.filter((f) => !f.missing_ok);
  const head = `Ranked by |β|·training SD (the price change of a typical, one-SD move), the top ${features.length} carry ${(share * 100).toFixed(1)}% of the model's total.`;
  const raw =
    overlap === rawTop.length
      ? " Raw |β| picks the same features."
      : ` Raw |β| would pick a different list (only ${overlap} of ${rawTop.length} shared), led by ${first.feature} (β = ${signed(first.beta)} per unit${first.unit ? ` (${first.unit})` : ""}, but a training SD of only ${first.train_sd.toPrecision(2)}, so it ranks ${first.rank} by |β|·SD): β is per unit, and units differ.`;
  const missing = over.length === 0 ? " Every one is within its acceptable missing rate." : ` ${over.length} of them ${over.length === 1 ? "is" : "are"} missing more often than acceptable in production: ${over.map((f) => f.feature).join(", ")}.`;
  return head + raw + missing;
}
