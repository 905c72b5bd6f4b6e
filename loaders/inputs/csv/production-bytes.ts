import {columnLayout, type ColumnLayout, type ProductionData, unreadLayout} from "../production.js";
import {InputProblems} from "../../errors.js";
import {fileProblems} from "./file-problems.js";
import {headerOnlyError, readHeader, syntaxInputError, type CsvHeader} from "./header.js";
import {crBreak} from "./record-scanner.js";
import {readRange, type ByteSource, type RowBatch} from "./row-stream.js";

/**
 * The whole production log as ProductionData, read by the byte-level reader:
 * identical to `parseProduction` (csv-parse) on the same bytes, same values
 * and same first error, but several times faster and without decoding the
 * file into one string (V8 caps strings at about 512 MB). For site builds
 * from large logs, which need every row in memory. Bad records are listed
 * all at once (InputProblems), as the pass lists them.
 */
export function parseProductionBytes(bytes: Uint8Array, features: readonly string[], file: string, modelName = "the model"): ProductionData {
  const source: ByteSource = {kind: "memory", bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)};
  const header = readHeader(source, file);
  const layout = checkedLayout(source, header, features, file, modelName);
  // Every record ends at a line break or at the end of the file.
  const capacity = countByte(source.bytes, header.mode === crBreak ? 13 : 10, header.dataStart) + 1;
  // One batch holds every row (batchRows is the record count), handed over at the end.
  const batches: RowBatch[] = [];
  const result = readRange(source, {
    layout,
    mode: header.mode,
    from: header.dataStart,
    to: Infinity,
    batchRows: capacity,
    keepProductId: true,
    spans: false,
    onBatch: (b) => batches.push(b),
  });
  const problems = fileProblems([result], file, header.lineBase);
  if (problems.total > 0) throw new InputProblems(problems.errors, problems.total);
  const batch = batches.at(-1);
  if (batch === undefined) throw headerOnlyError(file);
  const data = batch.data;
  const rows = result.rows;
  const trim = (column: Float64Array) => (column.length !== rows ? column.subarray(0, rows) : column);
  const trimOptional = (column: Float64Array | null) => (column === null ? null : trim(column));
  return {
    ...data,
    rows,
    productId: trimStrings(data.productId, rows),
    date: trimStrings(data.date, rows),
    category: trimStrings(data.category, rows),
    brand: trimStrings(data.brand, rows),
    priceTier: trimStrings(data.priceTier, rows),
    actualPrice: trim(data.actualPrice),
    x: data.x.map(trim),
    unitsSold: trimOptional(data.unitsSold),
    latencyMs: trimOptional(data.latencyMs),
  };
}

/**
 * The header's column layout, with csv-parse's order of complaints: a syntax
 * error anywhere in the file first, then "header only", then the header's own
 * problems. So a bad header costs one more pass over the syntax.
 */
export function checkedLayout(source: ByteSource, header: CsvHeader, features: readonly string[], file: string, modelName: string): ColumnLayout {
  try {
    return columnLayout(header.fields, features, file, modelName);
  } catch (error) {
    const scan = readRange(source, {layout: unreadLayout(file, header.fields), mode: header.mode, from: header.dataStart, to: Infinity, batchRows: 0, keepProductId: false, spans: false, structureOnly: true});
    if (scan.syntaxError) throw syntaxInputError(scan.syntaxError, file, header.lineBase);
    if (scan.rows === 0) throw headerOnlyError(file);
    throw error;
  }
}

function countByte(bytes: Buffer, byte: number, from: number): number {
  let count = 0;
  for (let i = bytes.indexOf(byte, from); i !== -1; i = bytes.indexOf(byte, i + 1)) ++count;
  return count;
}

function trimStrings(column: string[], rows: number): string[] {
  if (column.length !== rows) column.length = rows;
  return column;
}
