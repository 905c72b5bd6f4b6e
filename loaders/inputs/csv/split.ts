import {readSync} from "node:fs";
import type {CsvHeader} from "./header.js";
import {crBreak, crlfBreak} from "./record-scanner.js";

export interface ByteRange {
  from: number;
  to: number;
}

/**
 * Splits the data records into `count` byte ranges of about equal size, each
 * starting just after a line break. A break may sit inside a quoted field, so
 * every range but the first is a guess that the range before it confirms by
 * ending exactly there.
 */
export function splitRanges(fd: number, size: number, header: CsvHeader, count: number, minBytes: number): ByteRange[] {
  const start = header.dataStart;
  const parts = Math.max(1, Math.min(count, Math.floor((size - start) / minBytes)));
  const bounds = [start];
  for (let i = 1; i < parts; ++i) {
    const target = start + Math.floor(((size - start) * i) / parts);
    const next = lineStartAfter(fd, size, Math.max(target, bounds[bounds.length - 1]), header.mode);
    if (next >= size) break;
    if (next > bounds[bounds.length - 1]) bounds.push(next);
  }
  return bounds.map((from, i) => ({from, to: i + 1 < bounds.length ? bounds[i + 1] : size}));
}

/** The offset just after the first record break at or after `from` (or `size` if none). */
function lineStartAfter(fd: number, size: number, from: number, mode: number): number {
  const window = Buffer.allocUnsafe(1 << 16);
  const breakByte = mode === crBreak ? 13 : 10;
  for (let at = from; at < size; ) {
    const n = readSync(fd, window, 0, window.length, at);
    if (n === 0) break;
    for (let i = window.subarray(0, n).indexOf(breakByte); i !== -1; i = window.subarray(0, n).indexOf(breakByte, i + 1)) {
      // A CRLF file's record break is the pair; a lone LF is field content.
      if (mode === crlfBreak && (i === 0 ? at === 0 || readByte(fd, at - 1) !== 13 : window[i - 1] !== 13)) continue;
      return at + i + 1;
    }
    at += n;
  }
  return size;
}

function readByte(fd: number, at: number): number {
  const one = Buffer.allocUnsafe(1);
  readSync(fd, one, 0, 1, at);
  return one[0];
}
