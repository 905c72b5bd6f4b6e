import {readSync} from "node:fs";
import {parquetMetadata, type FileMetaData} from "hyparquet";
import {InputError} from "../../errors.js";

/** "PAR1", little-endian: a Parquet file starts and ends with it. */
const magic = 0x31524150;

/**
 * A Parquet file's metadata (schema, row groups), read from its footer alone
 * (the last 8 bytes say how long it is), so the main thread checks a file's
 * columns before any worker reads its rows. Why the file cannot be read is
 * told in the analyst's terms: empty, not Parquet at all (a CSV renamed),
 * or cut short (a copy that stopped: it starts like Parquet but has no
 * footer), each one line naming the file.
 */
export function readParquetFooter(fd: number, size: number, file: string): FileMetaData {
  if (size === 0) throw new InputError("empty file: expected a Parquet file", {file});
  const head = bytesAt(fd, 0, Math.min(4, size));
  const startsRight = head.length === 4 && view(head).getUint32(0, true) === magic;
  if (!startsRight) throw new InputError("not a Parquet file (it does not start with PAR1); only .csv and .parquet files are read as the log", {file});
  if (size < 12) throw new InputError("truncated Parquet file (too short to hold its footer)", {file});
  const tail = bytesAt(fd, size - 8, 8);
  if (view(tail).getUint32(4, true) !== magic) throw new InputError("truncated or damaged Parquet file (it does not end with PAR1: the copy may have stopped early)", {file});
  const length = view(tail).getUint32(0, true);
  if (length + 12 > size) throw new InputError("damaged Parquet file (its footer is longer than the file)", {file});
  const footer = bytesAt(fd, size - 8 - length, length + 8);
  try {
    return parquetMetadata(footer);
  } catch (error) {
    throw new InputError(`damaged Parquet file (its metadata cannot be read: ${reason(error)})`, {file});
  }
}

/** Bytes [at, at + length) of an open file. */
export function bytesAt(fd: number, at: number, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(length));
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, at + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? out : out.subarray(0, done);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A library error's message, on one line. */
export function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}
