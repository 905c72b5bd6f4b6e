import type {ColumnChunk, DecodedArray, FileMetaData, ParquetParsers} from "hyparquet";
import {parquetHeader} from "hyparquet/src/column.js";
import {convert, DEFAULT_PARSERS} from "hyparquet/src/convert.js";
import {decompressPage, readDataPage, readDataPageV2} from "hyparquet/src/datapage.js";
import {readPlain} from "hyparquet/src/plain.js";
import {getSchemaPath} from "hyparquet/src/schema.js";
import {compressors} from "hyparquet-compressors";

/** hyparquet's description of a column for its page decoders. */
type ColumnDecoder = Parameters<typeof readDataPage>[2];

/** What a value read into a batch was: present, null (a missing value), or a number that is not finite (NaN, ±Infinity). */
export const present = 0;
export const isNull = 1;
export const notFinite = 2;

/**
 * One flat column of one row group, decoded page by page as rows are taken:
 * memory holds one page of one column, not the row group, and values go
 * straight into the batch's arrays (a double into a Float64Array, a null as
 * NaN beside a null mark) instead of hyparquet's assembled arrays of boxed
 * values and nulls, which cost more in garbage collection than the decoding
 * itself. Pages and dictionaries are decoded by hyparquet's own functions
 * (every codec and encoding it reads); only the assembly is ours, and only
 * for flat columns (the layout refuses nested ones).
 */
export class ColumnCursor {
  private readonly decoder: ColumnDecoder;
  private readonly view: DataView;
  private offset = 0;
  private dictionary: DecodedArray | undefined = undefined;
  /** The current page: its definition levels (empty when it has no null), its non-null values (or their dictionary indices), how many of its rows and values were taken. */
  private levels: ArrayLike<number> = [];
  private values: ArrayLike<unknown> = [];
  private indices: ArrayLike<number> | null = null;
  private pageRows = 0;
  private row = 0;
  private value = 0;

  constructor(metadata: FileMetaData, chunk: ColumnChunk, bytes: Uint8Array, parsers: Partial<ParquetParsers>) {
    const meta = chunk.meta_data;
    if (meta === undefined) throw new Error("a column chunk without metadata");
    const schemaPath = getSchemaPath(metadata.schema, meta.path_in_schema);
    this.decoder = {
      pathInSchema: meta.path_in_schema,
      type: meta.type,
      element: schemaPath[schemaPath.length - 1].element,
      schemaPath,
      codec: meta.codec,
      parsers: {...DEFAULT_PARSERS, ...parsers},
      compressors,
      utf8: true,
    };
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * The next `n` rows as doubles into out[at, at + n) (an INT64 through
   * Number, exact below 2^53), with each row's mark; returns whether any is
   * not finite.
   */
  takeNumbers(n: number, out: Float64Array, mark: Uint8Array, at: number): boolean {
    let bad = false;
    for (let i = 0; i < n; ) {
      if (this.row === this.pageRows) this.nextPage();
      const {levels, values, indices} = this;
      const end = Math.min(n - i, this.pageRows - this.row);
      const nulls = levels.length > 0;
      let value = this.value;
      for (let k = 0, r = at + i; k < end; ++k, ++r) {
        if (nulls && levels[this.row + k] === 0) {
          out[r] = NaN;
          mark[r] = isNull;
          continue;
        }
        const v = indices === null ? values[value++] : values[indices[value++]];
        const x = typeof v === "number" ? v : Number(v);
        out[r] = x;
        if (x - x === 0) mark[r] = present;
        else {
          mark[r] = notFinite;
          bad = true;
        }
      }
      this.value = value;
      this.row += end;
      i += end;
    }
    return bad;
  }

  /** The next `n` rows' values as decoded (strings, day strings, numbers) into out[at, at + n), null for a null, with each row's mark. */
  takeValues(n: number, out: unknown[], mark: Uint8Array, at: number): void {
    for (let i = 0; i < n; ) {
      if (this.row === this.pageRows) this.nextPage();
      const {levels, values, indices} = this;
      const end = Math.min(n - i, this.pageRows - this.row);
      const nulls = levels.length > 0;
      let value = this.value;
      for (let k = 0, r = at + i; k < end; ++k, ++r) {
        if (nulls && levels[this.row + k] === 0) {
          out[r] = null;
          mark[r] = isNull;
        } else {
          out[r] = indices === null ? values[value++] : values[indices[value++]];
          mark[r] = present;
        }
      }
      this.value = value;
      this.row += end;
      i += end;
    }
  }

  /** Reads page headers up to the next data page (a dictionary page on the way is kept) and decodes it. */
  private nextPage(): void {
    for (;;) {
      if (this.offset >= this.view.byteLength) throw new Error(`column "${this.decoder.pathInSchema.join(".")}" ends before its row group's last row`);
      const reader = {view: this.view, offset: this.offset};
      const header = parquetHeader(reader);
      const start = reader.offset;
      this.offset = start + header.compressed_page_size;
      const compressed = new Uint8Array(this.view.buffer, this.view.byteOffset + start, header.compressed_page_size);
      const {codec} = this.decoder;
      if (header.type === "DICTIONARY_PAGE") {
        const page = decompressPage(compressed, Number(header.uncompressed_page_size), codec, compressors);
        const count = header.dictionary_page_header?.num_values ?? 0;
        this.dictionary = convert(readPlain({view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0}, this.decoder.type, count, this.decoder.element.type_length), this.decoder);
        continue;
      }
      let levels: ArrayLike<number>;
      let data: DecodedArray;
      let encoding: string;
      let rows: number;
      if (header.type === "DATA_PAGE" && header.data_page_header !== undefined) {
        const page = decompressPage(compressed, Number(header.uncompressed_page_size), codec, compressors);
        ({definitionLevels: levels = [], dataPage: data} = readDataPage(page, header.data_page_header, this.decoder));
        encoding = header.data_page_header.encoding;
        rows = header.data_page_header.num_values;
      } else if (header.type === "DATA_PAGE_V2" && header.data_page_header_v2 !== undefined) {
        ({definitionLevels: levels = [], dataPage: data} = readDataPageV2(compressed, header, this.decoder));
        encoding = header.data_page_header_v2.encoding;
        rows = header.data_page_header_v2.num_values;
      } else continue; // an index page: nothing to read
      this.levels = levels;
      if (encoding.endsWith("_DICTIONARY")) {
        if (this.dictionary === undefined) throw new Error("a dictionary-encoded page without a dictionary");
        // Indices into the dictionary (decoded once per row group): a page of a few distinct values costs no value per row.
        this.values = this.dictionary;
        this.indices = data as ArrayLike<number>;
      } else {
        this.values = convert(data, this.decoder);
        this.indices = null;
      }
      this.pageRows = rows;
      this.row = 0;
      this.value = 0;
      return;
    }
  }
}

/** Bytes [start, end) of the file holding a row group's column chunk. */
export function chunkRange(chunk: ColumnChunk): {start: number; end: number} {
  const meta = chunk.meta_data;
  if (meta === undefined) throw new Error("a column chunk without metadata");
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return {start, end: start + Number(meta.total_compressed_size)};
}
