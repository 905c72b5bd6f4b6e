/**
 * The primitive readers behind R's three serialization formats (XDR, native
 * binary, ASCII) share this interface, so the SEXP parser never looks at bytes.
 *
 * Bulk reads check the remaining input before allocating: a corrupt length
 * field then fails fast instead of asking for gigabytes.
 */
export type Format = "xdr" | "binary" | "ascii";

export interface Input {
  readonly format: Format;
  /** Current byte offset in the (decompressed) stream. */
  readonly offset: number;
  /** One int32 (NA_integer_ is INT32_MIN). */
  int(): number;
  /** n int32 values. */
  ints(n: number): Int32Array;
  /** n doubles with their exact bits (NA_real_ keeps its payload). */
  doubles(n: number): Float64Array;
  /** n raw bytes of a raw vector. */
  raw(n: number): Uint8Array;
  /** The n bytes of a string (ASCII escapes already decoded). */
  string(n: number): Uint8Array;
  /**
   * Fail unless `count` items of at least `ints` int-sized fields each can
   * still follow: the pre-allocation check for lists and character vectors.
   */
  requireItems(count: number, ints: number): void;
  /** Throw an RdsError at the current offset. */
  fail(reason: string): never;
}
