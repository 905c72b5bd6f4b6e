import {parse} from "csv-parse/sync";
import {InputError, InputProblems, shownProblems} from "../../loaders/errors.js";
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {allocateColumns, columnLayout, loadModelInputs, readRecord, separatorProblem, type ModelInputs, type ProductionData} from "../../loaders/inputs/index.js";
import {score, scoringPlan, type Scores} from "../../loaders/scoring/index.js";

/**
 * The production CSV read whole by csv-parse: the reference the byte-level
 * reader (loaders/inputs/csv) must equal record for record and error for
 * error, and the row-by-row data tests recompute figures from. Test code
 * only: the engine streams every log through the byte-level reader.
 */
interface ParsedRecord {
  record: string[];
  info: {lines: number};
}

/**
 * Parses and validates the production CSV. Columns are matched by name in any
 * order; `features` are the model's features, all required.
 */
export function parseProduction(text: string, features: readonly string[], file: string, modelName = "the model"): ProductionData {
  const separator = separatorProblem(new TextEncoder().encode(text.replace(/^\uFEFF/, "").split(/[\r\n]/, 1)[0]));
  if (separator !== null) throw new InputError(separator, {file, line: 1});
  let records: ParsedRecord[];
  try {
    records = parse(text, {bom: true, info: true, relax_column_count: true, skip_empty_lines: true}) as unknown as ParsedRecord[];
  } catch (error) {
    const e = error as {lines?: number; message?: string};
    throw new InputError(`not valid CSV (${String(e.message ?? error).replace(/ on line \d+$/, "")})`, {file, line: e.lines});
  }
  if (records.length === 0) throw new InputError("empty file: expected a header row and data rows", {file});
  if (records.length === 1) throw new InputError("header only: the file has no data rows", {file});
  const layout = columnLayout(records[0].record, features, file, modelName);
  const rows = records.length - 1;
  const columns = allocateColumns(layout, rows);
  // Every bad record is listed, as the byte-level reader lists them.
  const problems: InputError[] = [];
  let total = 0;
  for (let r = 0; r < rows; ++r) {
    const {record, info} = records[r + 1];
    for (const p of readRecord(record, layout, columns, r) ?? []) {
      if (++total <= shownProblems) problems.push(new InputError(p.problem, {file, line: info.lines, column: p.column}));
    }
  }
  if (total > 0) throw new InputProblems(problems, total);
  return {file, rows, ...columns, features, extraColumns: layout.extraColumns};
}

/** A one-file data folder's log read whole by the reference reader, with the serving rule's scores: for tests that recompute figures row by row. */
export async function referenceInputs(dir: string): Promise<ModelInputs & {production: ProductionData; scores: Scores}> {
  const m = await loadModelInputs(dir);
  const [file] = m.files.productions;
  const production = parseProduction(readFileSync(file.path, "utf8").replace(/^\uFEFF/, ""), m.model.features, file.path, basename(m.files.model));
  return {...m, production, scores: score(production, scoringPlan(m.model, m.stats))};
}
