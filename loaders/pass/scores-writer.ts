import {writeSync} from "node:fs";
import {csvField} from "../shared/index.js";
import {type Scores, scoreNumber, scoresHeader} from "../scoring/index.js";
import {type ProductionData, type RowBatch, spanColumns} from "../inputs/index.js";

const decoder = new TextDecoder("utf-8", {ignoreBOM: true});
/** product_id, date, category, brand, price_tier: the first spans of a row. */
const idColumns = 5;
const blockBytes = 1 << 20;

/**
 * scores.csv rows written straight from a batch, byte for byte what
 * `formatScoresCsv` writes for the same rows: id fields copied from the input
 * bytes when they need no quoting (re-quoted like csvFormatValue otherwise),
 * numbers in JavaScript's shortest round-trip form.
 */
export class ScoresWriter {
  private out = Buffer.allocUnsafe(blockBytes);
  private used = 0;

  constructor(private readonly fd: number) {}

  writeHeader(): void {
    this.text(scoresHeader.join(",") + "\n");
  }

  writeBatch(batch: RowBatch, scores: Scores): void {
    const {buf, spans, texts} = batch;
    if (spans === null) throw new Error("ScoresWriter.writeBatch: the batch has no id-field spans (read it with spans: true)");
    const n = scores.prediction.length;
    const actual = batch.data.actualPrice;
    const careful = texts.size > 0;
    for (let r = 0; r < n; ++r) {
      const own = careful ? texts.get(r) : undefined;
      if (own !== undefined) {
        this.text(`${own.map(csvField).join(",")},${scoreNumber(actual[r])},`);
      } else {
        const at = r * spanColumns * 2;
        for (let i = 0; i < idColumns; ++i) {
          this.span(buf, spans[at + 2 * i], spans[at + 2 * i + 1]);
          this.byte(44);
        }
        if (!this.canonical(buf, spans[at + 2 * idColumns], spans[at + 2 * idColumns + 1])) this.ascii(scoreNumber(actual[r]));
        this.byte(44);
      }
      this.numbers(scores, r);
    }
  }

  /**
   * Rows read by another reader (Parquet): their texts as csvField writes
   * them (copied as they are when they need no quoting), the price in its
   * shortest round-trip form. The bytes `formatScoresCsv` writes, without
   * building a string per row.
   */
  writeData(data: ProductionData, scores: Scores): void {
    const n = scores.prediction.length;
    const {productId, date, category, brand, priceTier, actualPrice} = data;
    for (let r = 0; r < n; ++r) {
      this.field(productId[r]);
      this.field(date[r]);
      this.field(category[r]);
      this.field(brand[r]);
      this.field(priceTier[r]);
      this.ascii(scoreNumber(actualPrice[r]));
      this.byte(44);
      this.numbers(scores, r);
    }
  }

  /** A text field and its comma; plain ASCII without a quote, comma or line break is copied, anything else goes through csvField. */
  private field(s: string): void {
    this.room(s.length + 1);
    const out = this.out;
    let used = this.used;
    for (let i = 0; i < s.length; ++i) {
      const c = s.charCodeAt(i);
      if (c === 34 || c === 44 || c === 10 || c === 13 || c >= 128) {
        this.text(csvField(s) + ",");
        return;
      }
      out[used++] = c;
    }
    out[used++] = 44;
    this.used = used;
  }

  /** Row r's prediction, error, |error| and imputed count, and its line break. */
  private numbers(scores: Scores, r: number): void {
    // The numbers, with room for their longest forms (24 characters each).
    this.room(100);
    const out = this.out;
    let used = this.used;
    const prediction = String(scores.prediction[r]);
    for (let i = 0; i < prediction.length; ++i) out[used++] = prediction.charCodeAt(i);
    out[used++] = 44;
    // |e| prints as e without its sign; both are empty for a row awaiting its actual price.
    const error = scoreNumber(scores.error[r]);
    for (let i = 0; i < error.length; ++i) out[used++] = error.charCodeAt(i);
    out[used++] = 44;
    for (let i = error.charCodeAt(0) === 45 ? 1 : 0; i < error.length; ++i) out[used++] = error.charCodeAt(i);
    out[used++] = 44;
    // A count of features: at most five digits.
    const imputed = scores.imputed[r];
    if (imputed >= 10) {
      const digits = String(imputed);
      for (let i = 0; i < digits.length; ++i) out[used++] = digits.charCodeAt(i);
    } else out[used++] = 48 + imputed;
    out[used++] = 10;
    this.used = used;
  }

  flush(): void {
    let done = 0;
    while (done < this.used) done += writeSync(this.fd, this.out, done, this.used - done);
    this.used = 0;
  }

  /** Bytes [start, end) of the input, as csvFormatValue would write their text. */
  private span(buf: Buffer, start: number, end: number): void {
    this.room(end - start);
    const out = this.out;
    let used = this.used;
    for (let i = start; i < end; ++i) {
      const c = buf[i];
      // Quotes, commas, line breaks need quoting; non-ASCII bytes go through the decoder (invalid UTF-8 becomes U+FFFD).
      if (c === 34 || c === 44 || c === 10 || c === 13 || c >= 128) return this.text(csvField(decoder.decode(buf.subarray(start, end))));
      out[used++] = c;
    }
    this.used = used;
  }

  /** Copies the input's text of a number when it is already what String() prints; says whether it did. */
  private canonical(buf: Buffer, start: number, end: number): boolean {
    if (!printsAsItself(buf, start, end)) return false;
    this.room(end - start);
    const out = this.out;
    let used = this.used;
    for (let i = start; i < end; ++i) out[used++] = buf[i];
    this.used = used;
    return true;
  }

  private ascii(s: string): void {
    this.room(s.length);
    const out = this.out;
    let used = this.used;
    for (let i = 0; i < s.length; ++i) out[used++] = s.charCodeAt(i);
    this.used = used;
  }

  private text(s: string): void {
    this.room(Buffer.byteLength(s));
    this.used += this.out.write(s, this.used);
  }

  private byte(c: number): void {
    this.room(1);
    this.out[this.used++] = c;
  }

  private room(bytes: number): void {
    if (this.used + bytes <= this.out.length) return;
    this.flush();
    if (bytes > this.out.length) this.out = Buffer.allocUnsafe(bytes);
  }
}

/**
 * Whether bytes [start, end) are a decimal exactly as String() prints the
 * double it reads as. A plain decimal with at most 15 significant digits is:
 * 15 digits always survive the trip through a double, so no shorter string
 * reads back to the same double, and String() prints the shortest. Plain means
 * no sign on zero, no exponent, no leading zeros, no trailing fraction zeros,
 * and a size String() prints without an exponent (at most 21 integer digits,
 * at most 5 zeros after "0.").
 */
export function printsAsItself(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (buf[i] === 45) ++i;
  const integerStart = i;
  while (i < end && buf[i] >= 48 && buf[i] <= 57) ++i;
  const integerDigits = i - integerStart;
  if (integerDigits === 0 || integerDigits > 21 || (integerDigits > 1 && buf[integerStart] === 48)) return false;
  let significant = buf[integerStart] === 48 ? 0 : integerDigits;
  if (i < end) {
    if (buf[i] !== 46 || i + 1 === end || buf[end - 1] === 48) return false;
    let zeros = 0;
    for (++i; i < end; ++i) {
      const c = buf[i];
      if (c < 48 || c > 57) return false;
      if (significant === 0 && c === 48) ++zeros;
      else ++significant;
    }
    if (significant === 0 || (integerDigits === 1 && buf[integerStart] === 48 && zeros > 5)) return false;
  } else if (significant === 0 && start !== integerStart) return false;
  return significant <= 15;
}
