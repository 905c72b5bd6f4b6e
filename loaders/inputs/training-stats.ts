import {InputError} from "../errors.js";
import {FieldReader} from "./json-fields.js";

/** Per-feature statistics of the training window (one row of `training_stats$features`). */
export interface FeatureStats {
  feature: string;
  /** Where the value comes from at serving time: database, api or computed. */
  source: string;
  unit: string;
  mean: number;
  sd: number;
  missingRate: number;
  min: number | null;
  max: number | null;
}

export interface TrainingStats {
  file: string;
  nObs: number;
  window: {start: string; end: string; days: number};
  features: FeatureStats[];
  /** Probabilities of the quantile columns; null when the file has no quantiles. */
  quantileProbs: number[] | null;
  /** Feature → training quantiles at `quantileProbs`. */
  quantiles: Map<string, number[]> | null;
  /** Pearson correlations of the (mean-imputed) training features. */
  correlation: {features: string[]; values: number[][]} | null;
  target: {name: string; mean: number; sd: number; quantiles: number[] | null} | null;
  /** Training row counts by category and by brand (R 1-d tables). */
  categories: Map<string, number> | null;
  brands: Map<string, number> | null;
  validation: {rmse: number; mae: number; r2: number; n: number};
  imputation: string;
}

/**
 * Validates the training statistics in their plain JSON form: the shape of
 * `docs/training-stats.md` (the JSON equivalent of `training_stats.rds`, and
 * what the .rds is converted to). Means, SDs and missing rates are required for
 * every feature; quantiles, correlations, target and category counts are
 * optional and the pages say when they are absent.
 */
export function trainingStatsFromJson(value: unknown, file: string): TrainingStats {
  // Annotated so TypeScript narrows after f.fail(), which never returns.
  const f: FieldReader = new FieldReader(file);
  const root = f.object(value, "(top level)");
  const window = f.object(root.window, "window");
  const validation = f.object(root.validation, "validation");

  const rows = f.array(root.features, "features");
  if (rows.length === 0) f.fail("features", "has no rows: per-feature means and SDs are required");
  const features = rows.map((r, i): FeatureStats => {
    const row = f.object(r, `features[${i + 1}]`);
    const optional = (key: string) => (row[key] === undefined || row[key] === null ? null : f.number(row[key], `features.${key}`, i + 1));
    return {
      feature: f.string(row.feature, "features.feature", i + 1),
      source: row.source === undefined ? "unknown" : f.string(row.source, "features.source", i + 1),
      unit: row.unit === undefined ? "" : f.string(row.unit, "features.unit", i + 1),
      mean: f.number(row.mean, "features.mean", i + 1),
      sd: f.number(row.sd, "features.sd", i + 1),
      missingRate: f.number(row.missing_rate, "features.missing_rate", i + 1),
      min: optional("min"),
      max: optional("max"),
    };
  });
  const seen = new Set<string>();
  features.forEach((s, i) => {
    if (seen.has(s.feature)) f.fail("features.feature", `"${s.feature}" appears twice`, i + 1);
    seen.add(s.feature);
    if (s.sd < 0) f.fail("features.sd", "is negative", i + 1);
    if (s.missingRate < 0 || s.missingRate > 1) f.fail("features.missing_rate", "is not a rate between 0 and 1", i + 1);
  });

  const quantileProbs = root.quantile_probs == null ? null : f.numbers(root.quantile_probs, "quantile_probs");
  let quantiles: Map<string, number[]> | null = null;
  if (root.quantiles != null) {
    if (!quantileProbs) f.fail("quantile_probs", "is missing although quantiles are given");
    const probs = quantileProbs;
    const object = f.object(root.quantiles, "quantiles");
    quantiles = new Map(Object.entries(object).map(([k, v]) => {
      const q = f.numbers(v, `quantiles.${k}`);
      if (q.length !== probs.length) f.fail(`quantiles.${k}`, `has ${q.length} values for ${probs.length} probabilities`);
      return [k, q];
    }));
  }

  let correlation: TrainingStats["correlation"] = null;
  if (root.correlation != null) {
    const c = f.object(root.correlation, "correlation");
    const names = f.array(c.features, "correlation.features").map((s, i) => f.string(s, `correlation.features[${i + 1}]`));
    const matrix = f.array(c.values, "correlation.values").map((r, i) => f.numbers(r, `correlation.values[${i + 1}]`));
    if (matrix.length !== names.length || matrix.some((r) => r.length !== names.length)) {
      f.fail("correlation.values", `is not a ${names.length} × ${names.length} matrix`);
    }
    correlation = {features: names, values: matrix};
  }

  let target: TrainingStats["target"] = null;
  if (root.target != null) {
    const t = f.object(root.target, "target");
    target = {
      name: f.string(t.name, "target.name"),
      mean: f.number(t.mean, "target.mean"),
      sd: f.number(t.sd, "target.sd"),
      quantiles: t.quantiles == null ? null : f.numbers(t.quantiles, "target.quantiles"),
    };
  }

  return {
    file,
    nObs: f.number(root.n_obs, "n_obs"),
    window: {
      start: f.string(window.start, "window.start"),
      end: f.string(window.end, "window.end"),
      days: f.number(window.days, "window.days"),
    },
    features,
    quantileProbs,
    quantiles,
    correlation,
    target,
    categories: root.categories == null ? null : f.counts(root.categories, "categories"),
    brands: root.brands == null ? null : f.counts(root.brands, "brands"),
    validation: {
      rmse: f.number(validation.rmse, "validation.rmse"),
      mae: f.number(validation.mae, "validation.mae"),
      r2: f.number(validation.r2, "validation.r2"),
      n: f.number(validation.n, "validation.n"),
    },
    imputation: root.imputation == null ? "training mean" : f.string(root.imputation, "imputation"),
  };
}

/**
 * The training statistics of each of `features` (the model's), in that order:
 * the row of feature j is at position j, so the stages read them by position
 * instead of by name. Loading the inputs has already refused statistics that
 * miss a model feature (checkStatsCoverModel); this refuses them the same way
 * for any other caller. Duplicate rows: the last one counts.
 */
export function modelFeatureStats(features: readonly string[], stats: TrainingStats): FeatureStats[] {
  const byName = new Map(stats.features.map((f) => [f.feature, f]));
  return features.map((feature) => {
    const row = byName.get(feature);
    if (row === undefined) throw new InputError(`has no mean/SD for model feature "${feature}"`, {file: stats.file, column: "features"});
    return row;
  });
}
