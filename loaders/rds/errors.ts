/**
 * The reader's errors: every failure to read a file is an RdsError that says
 * where (a byte offset) and why (one plain sentence), so a user sees a short
 * message and a caller can still tell a bad file from a bug.
 */

/** A file that is not a readable R serialization, with the byte offset where reading stopped. */
export class RdsError extends Error {
  override readonly name = "RdsError";
  /** Byte offset of the problem: into the decompressed stream once decompression succeeded, else into the file. */
  readonly offset: number;
  /** The plain reason, without the offset. */
  readonly reason: string;

  constructor(reason: string, offset: number) {
    super(`${reason} (at byte ${offset})`);
    this.reason = reason;
    this.offset = offset;
  }
}

/** A value read fine but used as the wrong kind of R value (e.g. a string where numbers were expected). */
export class RValueError extends Error {
  override readonly name = "RValueError";
}
