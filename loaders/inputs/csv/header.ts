import {readSync} from "node:fs";
import {InputError} from "../../errors.js";
import {csvSyntaxMessage, type CsvSyntaxError} from "./syntax.js";
import {notUtf8, type ByteSource, type RecordProblem} from "./row-stream.js";
import {separatorProblem} from "./separator.js";
import {RecordScanner, unknownBreak} from "./record-scanner.js";

/** The header record and where the data records start. */
export interface CsvHeader {
  fields: string[];
  /** Record break kind (CRLF, LF or CR), fixed by the first break as csv-parse does. */
  mode: number;
  /** File offset of the first data record. */
  dataStart: number;
  /** The csv-parse line number at `dataStart`. */
  lineBase: number;
}

/**
 * Reads the header of the production CSV. The in-memory reader decodes the
 * file with TextDecoder (which drops a leading UTF-8 BOM) and csv-parse then
 * drops one more: so up to two leading BOMs are skipped here.
 */
export function readHeader(source: ByteSource, file: string): CsvHeader {
  const size = source.kind === "memory" ? source.bytes.length : source.size;
  let bytes = source.kind === "memory" ? source.bytes : Buffer.alloc(0);
  const available = (wanted: number): number => {
    if (source.kind === "memory" || bytes.length >= Math.min(wanted, size)) return bytes.length;
    const more = Buffer.allocUnsafe(Math.min(Math.max(wanted, 2 * bytes.length), size));
    bytes.copy(more);
    let filled = bytes.length;
    while (filled < more.length) {
      const n = readSync(source.fd, more, filled, more.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    bytes = more.subarray(0, filled);
    return filled;
  };
  let p = 0;
  available(65536);
  for (let bom = 0; bom < 2; ++bom) if (bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
  // Before the CSV syntax: a semicolon file's quoted header ("a";"b") is not even valid CSV.
  const separator = separatorProblem(firstLine(bytes, p));
  if (separator !== null) throw new InputError(separator, {file, line: 1});
  const scanner = new RecordScanner(unknownBreak);
  for (;;) {
    const limit = bytes.length;
    const result = scanner.scan(bytes, p, limit, limit >= size, true);
    if (result === "more") {
      available(2 * limit + 65536);
      continue;
    }
    if (result === "empty") {
      p = scanner.next;
      continue;
    }
    // The scanner answers "error" exactly when it has set `error`.
    if (scanner.error !== null) throw syntaxInputError(scanner.error, file, 1);
    if (result === "end") throw new InputError("empty file: expected a header row and data rows", {file});
    if (scanner.invalidField >= 0) throw new InputError(`header field ${scanner.invalidField + 1} is ${notUtf8}`, {file, line: 1 + scanner.recordLine});
    return {fields: [...scanner.fields], mode: scanner.mode, dataStart: scanner.next, lineBase: 1 + scanner.lines};
  }
}

/** csv-parse's error, worded as the in-memory reader words it; `lineBase` turns a range's line into the file's. */
export function syntaxInputError(error: CsvSyntaxError, file: string, lineBase: number): InputError {
  const absolute = {...error, line: error.line + lineBase};
  return new InputError(`not valid CSV (${csvSyntaxMessage(absolute)})`, {file, line: absolute.line});
}

/** A record problem with its line in the whole file; `lineBase` turns a range's line into the file's. */
export function recordInputError(problem: RecordProblem, file: string, lineBase: number): InputError {
  return new InputError(problem.problem, {file, line: problem.line + lineBase, column: problem.column});
}

export function headerOnlyError(file: string): InputError {
  return new InputError("header only: the file has no data rows", {file});
}

/** The bytes of the line starting at `p` (up to its CR or LF, or the end of what was read). */
function firstLine(bytes: Uint8Array, p: number): Uint8Array {
  let end = p;
  while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) ++end;
  return bytes.subarray(p, end);
}
