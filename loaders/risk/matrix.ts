import {config} from "../config.js";
import type {DriftTable} from "../drift/index.js";
import {pct, plural, ratingValue, riskScore, type Rating} from "../shared/index.js";
import type {SubsetAccuracy} from "./subset.js";

export type RiskId = "pipeline" | "drift" | "bugs" | "new_categories" | "api";

/** How likely and how bad, each with the evidence it was read from ("assessed" when the log cannot show it). */
export interface RiskRow {
  id: RiskId;
  name: string;
  likelihood: Rating;
  likelihood_basis: string;
  impact: Rating;
  impact_basis: string;
  /** likelihood × impact, 1–9 (low 1, medium 2, high 3). */
  score: number;
  mitigation: string;
  owner: string;
  signal: string;
}

/** What the matrix reads from the other tables. */
export interface RiskEvidence {
  /** Production missing rate of each source's features (cells missing / cells), %. */
  source_missing_pct: Record<string, number>;
  /** Rows with a critical feature from these sources missing. */
  pipeline_rows: SubsetAccuracy;
  api_rows: SubsetAccuracy;
  /** Rows with every critical feature present: drift acts on them, missing values do not. */
  complete_rows: SubsetAccuracy;
  /** Critical features severely drifted by Part 2's rule, and all severely drifted features. */
  critical_severe: string[];
  severe_count: number;
  new_category_share: number | null;
  new_category_rmse_increase_pct: number | null;
  /** Predictions outside the training prices' range (null without training quantiles). */
  outside_training_prices: number | null;
  latency_red_days: number;
}

const pct1 = (x: number) => `${x.toFixed(1)}%`;

/** Monitoring's missing-rate lines: past red is high, past yellow medium. */
function missingRating(value: number): Rating {
  const t = config.monitoring.alerts.missingRate;
  return value > t.red ? "high" : value > t.yellow ? "medium" : "low";
}

/** Monitoring's RMSE lines over validation: the affected rows' accuracy past red is high impact, past yellow medium. */
function impactRating(rows: SubsetAccuracy): Rating | null {
  return rows.rmse_increase_pct === null ? null : increaseRating(rows.rmse_increase_pct);
}

/** The same for an RMSE increase over validation, %. */
function increaseRating(increasePct: number): Rating {
  const t = config.monitoring.alerts.rmse;
  return increasePct > t.red ? "high" : increasePct > t.yellow ? "medium" : "low";
}

const rowsBasis = (what: string, rows: SubsetAccuracy) =>
  rows.rmse === null ? `no ${what} in this log` : `${what}: ${plural(rows.n, "row")} (${pct(rows.share)}), RMSE ${rows.rmse_increase_pct >= 0 ? "+" : "−"}${pct1(Math.abs(rows.rmse_increase_pct))} vs validation`;

/** The brief's five risks, rated from the log where it can speak, with mitigation, owner and detecting signal. */
export function riskMatrix(e: RiskEvidence, sources: {api: string; pipeline: string[]}, sourceName: (source: string) => string = (s) => s): RiskRow[] {
  const owners = config.monitoring.owners;
  const sanity = config.risk.sanityRangeUsd;
  const rollback = config.risk.rollback;
  const trig = config.retraining.triggers;
  const pipelineMissing = Math.max(0, ...sources.pipeline.map((s) => e.source_missing_pct[s] ?? 0));
  const pipelineSource = sources.pipeline.reduce((a, b) => ((e.source_missing_pct[b] ?? 0) > (e.source_missing_pct[a] ?? 0) ? b : a), sources.pipeline[0]);
  const apiMissing = e.source_missing_pct[sources.api] ?? 0;
  const apiRating = [missingRating(apiMissing), e.latency_red_days > 0 ? ("high" as const) : ("low" as const)].reduce((a, b) => (ratingValue[b] > ratingValue[a] ? b : a));
  const rows: Omit<RiskRow, "score">[] = [
    {
      id: "pipeline",
      name: "Data pipeline failure",
      likelihood: missingRating(pipelineMissing),
      likelihood_basis: `${sourceName(pipelineSource)} features ${pct1(pipelineMissing)} missing in production (monitoring lines ${config.monitoring.alerts.missingRate.yellow}% / ${config.monitoring.alerts.missingRate.red}%)`,
      impact: impactRating(e.pipeline_rows) ?? "high",
      impact_basis: e.pipeline_rows.rmse === null ? "assessed: a dead feed imputes a critical feature for every row" : rowsBasis(`rows missing a critical ${sources.pipeline.map(sourceName).join(" or ")} feature`, e.pipeline_rows),
      mitigation: "Check each feed before scoring (row count, freshness, missing rate); apply the missing-feature fallback; page the pipeline owner on the missing-rate alert.",
      owner: owners.drift,
      signal: "Feature missing rate; prediction volume",
    },
    {
      id: "drift",
      name: "Silent feature drift",
      likelihood: e.critical_severe.length > 0 ? "high" : e.severe_count > 0 ? "medium" : "low",
      likelihood_basis:
        e.critical_severe.length > 0
          ? `severe drift (Part 2) in critical features: ${e.critical_severe.join(", ")}`
          : `${plural(e.severe_count, "feature")} severely drifted (Part 2), none of them critical`,
      impact: impactRating(e.complete_rows) ?? "medium",
      impact_basis: e.complete_rows.rmse === null ? "assessed: no row has every critical feature" : rowsBasis("rows with every critical feature present (drift acts, missing values do not)", e.complete_rows),
      mitigation: `Daily mean-shift alerts on the top features; the retraining trigger on critical features (drift > ${trig.criticalDriftPct}%); scheduled retraining on recent data (see Retraining).`,
      owner: owners.accuracy,
      signal: "Feature mean shift; critical-feature drift trigger",
    },
    {
      id: "bugs",
      name: "Model bugs producing nonsense",
      likelihood: e.outside_training_prices === null ? "medium" : e.outside_training_prices > 0 ? "high" : "low",
      likelihood_basis:
        e.outside_training_prices === null
          ? "assessed: no training price range to compare predictions with"
          : `${plural(e.outside_training_prices, "prediction")} outside the training prices' range`,
      impact: "high",
      impact_basis: "assessed: a bug (wrong feature order, unit or coefficient file) misprices every row at once",
      mitigation: `Reject predictions outside a sanity range ($${sanity.min}–$${sanity.max} in the brief; see the check below) and serve the fallback; score a fixed reference set before each release; keep the previous model ready for rollback.`,
      owner: owners.serving,
      signal: "Sanity-range rejections; RMSE; reference-set check at release",
    },
    {
      id: "new_categories",
      name: "New product categories",
      likelihood: e.new_category_share === null ? "medium" : e.new_category_share * 100 > trig.newCategorySharePct ? "high" : e.new_category_share > 0 ? "medium" : "low",
      likelihood_basis: e.new_category_share === null ? "assessed: training category counts unknown" : `${pct(e.new_category_share)} of predictions in categories absent from training (trigger ${trig.newCategorySharePct}%)`,
      impact: e.new_category_rmse_increase_pct === null ? "high" : increaseRating(e.new_category_rmse_increase_pct),
      impact_basis:
        e.new_category_rmse_increase_pct === null
          ? "assessed: the model has learnt nothing about an unseen category"
          : `new-category rows: RMSE ${e.new_category_rmse_increase_pct >= 0 ? "+" : "−"}${pct1(Math.abs(e.new_category_rmse_increase_pct))} vs validation`,
      mitigation: `Flag unseen categories at serving and price them with the fallback until retrained; the new-category trigger (> ${trig.newCategorySharePct}% of volume) starts a retrain that includes them.`,
      owner: owners.business,
      signal: "Share of predictions in unseen categories (retraining trigger)",
    },
    {
      id: "api",
      name: "API outages",
      likelihood: apiRating,
      likelihood_basis: `${sourceName(sources.api)} features ${pct1(apiMissing)} missing in production; p95 latency over budget on ${plural(e.latency_red_days, "day")}`,
      impact: impactRating(e.api_rows) ?? "high",
      impact_basis: e.api_rows.rmse === null ? "assessed: an outage imputes every API feature" : rowsBasis(`rows missing a critical ${sourceName(sources.api)} feature`, e.api_rows),
      mitigation: `Time out API calls at the latency budget and serve the fallback; cache the last good value per product; roll back if alerts exceed ${rollback.alertsPerDay} a day.`,
      owner: owners.serving,
      signal: "p95 latency; missing rate of API features",
    },
  ];
  return rows.map((r) => ({...r, score: riskScore(r.likelihood, r.impact)}));
}

/** Production missing rate per feature source, % of the source's cells. */
export function sourceMissingPct(drift: DriftTable): Record<string, number> {
  const sums = new Map<string, {missing: number; n: number}>();
  for (const f of drift.features) {
    const s = sums.get(f.source) ?? {missing: 0, n: 0};
    s.missing += f.prod_missing_rate;
    s.n += 1;
    sums.set(f.source, s);
  }
  return Object.fromEntries([...sums].map(([source, s]) => [source, (s.missing / s.n) * 100]));
}
