import {InputError} from "../errors.js";
import {dataFrameColumns, dim, dimnames, factorLabels, inherits, isNA, names, type RValue} from "../rds/index.js";

type Plain = null | boolean | number | string | Plain[] | {[key: string]: Plain};

/**
 * Turns the R object of `training_stats.rds` into its documented JSON shape,
 * which `trainingStatsFromJson` then validates: one validator for both forms.
 * R's structures map naturally: a named list or named vector becomes an
 * object (a 1-d table of counts too), a data.frame a list of row objects, a
 * length-1 vector a scalar, NA null. The two matrices get the JSON shape the
 * README documents: quantiles by feature, correlation as names + rows.
 */
export function trainingStatsToJson(value: RValue, file: string): Plain {
  const keys = names(value);
  if (value.type !== "list" || keys === null) {
    throw new InputError(`expected a named R list of training statistics, found ${value.type}`, {file});
  }
  const out: {[key: string]: Plain} = {};
  keys.forEach((name, i) => {
    if (name === null || name === "") return;
    const element = value.values[i];
    const shape = dim(element);
    if (name === "quantiles" && shape?.length === 2) out[name] = matrixByRow(element, shape);
    else if (name === "correlation" && shape?.length === 2) out[name] = matrixWithNames(element, shape);
    else out[name] = plain(element);
  });
  return out;
}

function plain(v: RValue): Plain {
  if (inherits(v, "data.frame")) {
    const {columns, nrow} = dataFrameColumns(v);
    const cols = [...columns].map(([name, col]) => [name, elements(col)] as const);
    return Array.from({length: nrow}, (_, r) => Object.fromEntries(cols.map(([name, values]) => [name, values[r] ?? null])));
  }
  if (v.type === "list") {
    const keys = names(v);
    const values = v.values.map(plain);
    return keys ? Object.fromEntries(values.map((x, i) => [keys[i] || String(i + 1), x])) : values;
  }
  if (v.type === "NULL") return null;
  const values = elements(v);
  const keys = names(v);
  if (keys) return Object.fromEntries(values.map((x, i) => [keys[i] || String(i + 1), x]));
  return values.length === 1 ? values[0] : values;
}

/** The elements of an atomic vector as JSON scalars (factors as their labels). */
function elements(v: RValue): Plain[] {
  if (v.type === "integer" && inherits(v, "factor")) return factorLabels(v);
  switch (v.type) {
    case "logical":
      return Array.from(v.values, (x, i) => (isNA(v, i) ? null : x !== 0));
    case "integer":
    case "double":
      return Array.from(v.values, (x, i) => (isNA(v, i) ? null : x));
    case "character":
      return v.values;
    default:
      return [];
  }
}

/** `[nrow, ncol]`: the matrix's dim attribute. */
function matrixByRow(v: RValue, [nrow, ncol]: readonly number[]): Plain {
  const rowNames = dimnames(v)?.[0];
  const values = elements(v);
  const out: {[key: string]: Plain} = {};
  for (let r = 0; r < nrow; ++r) out[rowNames?.[r] ?? String(r + 1)] = Array.from({length: ncol}, (_, c) => values[r + c * nrow]);
  return out;
}

function matrixWithNames(v: RValue, [nrow, ncol]: readonly number[]): Plain {
  const values = elements(v);
  return {
    features: (dimnames(v)?.[0] ?? []).map((s) => s ?? ""),
    values: Array.from({length: nrow}, (_, r) => Array.from({length: ncol}, (_, c) => values[r + c * nrow])),
  };
}
