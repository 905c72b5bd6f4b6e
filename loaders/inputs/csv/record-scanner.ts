import {isUtf8} from "node:buffer";
import type {CsvSyntaxError} from "./syntax.js";

/**
 * How records end. Like csv-parse (the reference reader), the first line break
 * outside quotes fixes it for the whole file: CRLF, LF or a lone CR.
 */
export const unknownBreak = 0;
export const lfBreak = 1;
export const crlfBreak = 2;
export const crBreak = 3;

export type ScanResult = "record" | "empty" | "more" | "end" | "error";

const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;
// ignoreBOM: a field that starts with U+FEFF keeps it (only the file's leading BOM is dropped).
const decoder = new TextDecoder("utf-8", {ignoreBOM: true});

/**
 * Reads one record at a time exactly as csv-parse does with the input
 * contract's options (`bom`, `relax_column_count`, `skip_empty_lines`; comma,
 * double quote, `""` escapes): the same fields, the same line numbers and the
 * same syntax errors. It is the careful path: the fast row reader hands it any
 * record it does not recognise as plain, and it also scans the structure of
 * the rest of a file when an earlier validation error needs to know whether a
 * syntax error comes later (csv-parse reports those first).
 *
 * Line numbers follow csv-parse's count: every CR or LF byte it looks at
 * counts, except the LF of a CRLF record break (which it skips over).
 */
export class RecordScanner {
  /** Line breaks counted so far, relative to where scanning started. */
  lines = 0;
  /** Where the last record or empty line ended (after its line break). */
  next = 0;
  /** `lines` at the end of the last record: its line, as csv-parse reports it. */
  recordLine = 0;
  /** The last record's fields, when collected. */
  readonly fields: string[] = [];
  error: CsvSyntaxError | null = null;
  /**
   * The 0-based index of the last record's first field that is not valid
   * UTF-8 (the decoder would silently turn it into U+FFFD), or -1; checked
   * only when fields are collected.
   */
  invalidField = -1;
  private field = new Uint8Array(256);

  constructor(public mode: number) {}

  /**
   * Scans the record starting at `p`; bytes up to `limit` are available and
   * `eof` says whether that is the end of the file. "more" means the record
   * runs past `limit`: nothing changed, call again with more bytes.
   */
  scan(buf: Uint8Array, p: number, limit: number, eof: boolean, collect: boolean): ScanResult {
    const fields = this.fields;
    fields.length = 0;
    let count = 0;
    let length = 0;
    let quoting = false;
    let wasQuoting = false;
    let lines = this.lines;
    let lastWasBreak = false;
    // The OR of the field's bytes: only a field with a byte ≥ 0x80 can be invalid UTF-8.
    let high = 0;
    this.invalidField = -1;
    const endField = () => {
      if (collect) {
        const bytes = this.field.subarray(0, length);
        if (high >= 0x80 && this.invalidField < 0 && !isUtf8(bytes)) this.invalidField = count;
        fields.push(decoder.decode(bytes));
      }
      ++count;
      length = 0;
      high = 0;
      wasQuoting = false;
    };
    // Field bytes are kept even when not collecting: a syntax error quotes them.
    const append = (c: number) => {
      if (length === this.field.length) {
        const grown = new Uint8Array(length * 2);
        grown.set(this.field);
        this.field = grown;
      }
      this.field[length++] = c;
      high |= c;
    };
    for (;;) {
      if (p >= limit) {
        if (!eof) return "more";
        // csv-parse counts a line break when it looks at the next byte: a break
        // that ends the input is not counted.
        const endLine = lastWasBreak ? lines - 1 : lines;
        if (quoting) {
          this.error = {kind: "quote-not-closed", line: endLine};
          return "error";
        }
        if (wasQuoting || count > 0 || length > 0) {
          endField();
          this.recordLine = endLine;
          this.lines = lines;
          this.next = p;
          return "record";
        }
        this.next = p;
        return "end";
      }
      const c = buf[p];
      if (!quoting && this.mode === unknownBreak && (c === cr || c === lf)) {
        if (c === cr && p + 1 >= limit && !eof) return "more";
        this.mode = c === lf ? lfBreak : buf[p + 1] === lf && p + 1 < limit ? crlfBreak : crBreak;
      }
      lastWasBreak = c === cr || c === lf;
      if (quoting) {
        if (c === quote) {
          if (p + 1 >= limit && !eof) return "more";
          if (p + 1 < limit && buf[p + 1] === quote) {
            // An escaped quote: both bytes are looked at, the second kept.
            append(quote);
            p += 2;
            lastWasBreak = false;
            continue;
          }
          const q = p + 1;
          if (q < limit) {
            const n = buf[q];
            if (this.mode === unknownBreak && (n === cr || n === lf)) {
              if (n === cr && q + 1 >= limit && !eof) return "more";
              this.mode = n === lf ? lfBreak : buf[q + 1] === lf && q + 1 < limit ? crlfBreak : crBreak;
            }
            if (n === cr && this.mode === crlfBreak && q + 1 >= limit && !eof) return "more";
            // csv-parse takes any falsy next byte (end of input or NUL) as a proper end.
            if (n !== 0 && n !== comma && this.breakLength(buf, q, limit) === 0) {
              this.error = {kind: "closing-quote", line: lines, byte: n};
              return "error";
            }
          }
          quoting = false;
          wasQuoting = true;
          ++p;
          continue;
        }
        append(c);
        if (lastWasBreak) ++lines;
        ++p;
        continue;
      }
      if (c === quote) {
        if (length !== 0) {
          this.error = {kind: "opening-quote", line: lines, field: count, value: this.fieldText(length)};
          return "error";
        }
        quoting = true;
        ++p;
        continue;
      }
      if (c === cr || c === lf) {
        if (c === cr && this.mode === crlfBreak && p + 1 >= limit && !eof) return "more";
        const n = this.breakLength(buf, p, limit);
        if (n > 0) {
          if (!wasQuoting && count === 0 && length === 0) {
            this.lines = lines + 1;
            this.next = p + n;
            return "empty";
          }
          endField();
          this.recordLine = lines;
          this.lines = lines + 1;
          this.next = p + n;
          return "record";
        }
      }
      if (c === comma) {
        endField();
        ++p;
        continue;
      }
      append(c);
      if (lastWasBreak) ++lines;
      ++p;
    }
  }

  /** Length of the record break at `p` (0 if none). */
  breakLength(buf: Uint8Array, p: number, limit: number): number {
    const c = buf[p];
    switch (this.mode) {
      case lfBreak:
        return c === lf ? 1 : 0;
      case crBreak:
        return c === cr ? 1 : 0;
      case crlfBreak:
        return c === cr && p + 1 < limit && buf[p + 1] === lf ? 2 : 0;
      default:
        return 0;
    }
  }

  private fieldText(length: number): string {
    return decoder.decode(this.field.subarray(0, length));
  }
}
