import {readFileSync, writeFileSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";

/**
 * The reference a data engineer would reach for: DuckDB reads the production
 * CSV with `read_csv_auto` and computes the same tables in SQL (serving-rule
 * scoring with training-mean imputation; overall, segment and daily accuracy
 * with exact p95 by `quantile_cont`, R's type 7; per-feature mean, sample SD
 * and missing count). Run as its own process by the benchmark so its time and
 * peak memory are measured alone:
 *   tsx bench/duckdb.ts PARAMS.json RESULT.json
 */
export interface DuckParams {
  csv: string;
  intercept: number;
  features: {name: string; beta: number; mean: number}[];
  tailQuantile: number;
  dimensions: string[];
}

export interface DuckGroup {
  dimension: string;
  segment: string;
  n: number;
  rmse: number;
  mae: number;
  bias: number;
  p95: number;
}

export interface DuckResult {
  overall: {n: number; rmse: number; mae: number; bias: number; r2: number; p95: number};
  segments: DuckGroup[];
  daily: {date: string; n: number; rmse: number; mae: number; bias: number}[];
  features: {feature: string; mean: number | null; sd: number | null; missing: number}[];
}

const id = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
// As DOUBLE: a plain decimal literal would be DECIMAL, and DECIMAL arithmetic is far slower.
const num = (x: number) => `${x}::DOUBLE`;

export function scoringSql(p: DuckParams): string {
  const terms = p.features.map((f) => `${num(f.beta)} * COALESCE(${id(f.name)}, ${num(f.mean)})`);
  const prediction = `${num(p.intercept)} + ${terms.join(" + ")}`;
  return `CREATE TABLE scored AS SELECT ${p.dimensions.map(id).join(", ")}, CAST(date AS VARCHAR) AS day, actual_price, actual_price - (${prediction}) AS err FROM production`;
}

function accuracySql(q: number): string {
  return `count(*)::DOUBLE AS n, sqrt(avg(err * err)) AS rmse, avg(abs(err)) AS mae, avg(err) AS bias, quantile_cont(abs(err), ${q}) AS p95`;
}

async function main(paramsFile: string, resultFile: string): Promise<void> {
  const p: DuckParams = JSON.parse(readFileSync(paramsFile, "utf8"));
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  await c.run(`CREATE TABLE production AS SELECT * FROM read_csv_auto(${literal(p.csv)})`);
  await c.run(scoringSql(p));
  const [overall] = await rows(`SELECT ${accuracySql(p.tailQuantile)}, 1 - sum(err * err) / (var_pop(actual_price) * count(*)) AS r2 FROM scored`);
  const segments: DuckGroup[] = [];
  for (const d of p.dimensions) {
    for (const r of await rows(`SELECT ${id(d)} AS segment, ${accuracySql(p.tailQuantile)} FROM scored GROUP BY 1 ORDER BY 1`)) {
      segments.push({dimension: d, ...(r as Omit<DuckGroup, "dimension">)});
    }
  }
  const daily = await rows(`SELECT day AS date, count(*)::DOUBLE AS n, sqrt(avg(err * err)) AS rmse, avg(abs(err)) AS mae, avg(err) AS bias FROM scored GROUP BY 1 ORDER BY 1`);
  const aggregates = p.features.flatMap((f, j) => [`avg(${id(f.name)}) AS m${j}`, `stddev_samp(${id(f.name)}) AS s${j}`, `(count(*) - count(${id(f.name)}))::DOUBLE AS k${j}`]);
  const [moments] = await rows(`SELECT ${aggregates.join(", ")} FROM production`);
  const features = p.features.map((f, j) => ({feature: f.name, mean: moments[`m${j}`] as number | null, sd: moments[`s${j}`] as number | null, missing: moments[`k${j}`] as number}));
  const result: DuckResult = {overall: overall as DuckResult["overall"], segments, daily: daily as DuckResult["daily"], features};
  writeFileSync(resultFile, JSON.stringify(result));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const [paramsFile, resultFile] = process.argv.slice(2);
  main(paramsFile, resultFile).catch((error: unknown) => {
    process.stderr.write(`duckdb: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
