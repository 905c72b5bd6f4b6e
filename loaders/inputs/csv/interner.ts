import {isIsoDay} from "../columns.js";

export interface Entry {
  bytes: Uint8Array;
  text: string;
  /** Whether the text is a real calendar day (checked once, used for the date column). */
  isDay: boolean;
  hash: number;
  next: Entry | null;
}

// ignoreBOM: a field that starts with U+FEFF keeps it, as in the in-memory reader.
const decoder = new TextDecoder("utf-8", {ignoreBOM: true});

/**
 * One string per distinct byte sequence of a low-cardinality column (dates,
 * categories, brands, tiers): a million rows then share a few dozen strings
 * instead of decoding a million, and a date is validated once per distinct day.
 */
export class Interner {
  private readonly table = new Map<number, Entry>();
  /** The entry the last lookup returned: runs of one value (a log's dates) skip the table. */
  private last: Entry | null = null;

  /** The text of bytes [start, end) of `buf`, whose hash (see `hashStep`) is `hash`. */
  get(buf: Uint8Array, start: number, end: number, hash: number): string {
    return this.entry(buf, start, end, hash).text;
  }

  /** The same bytes' entry: their text and whether it is a calendar day. */
  entry(buf: Uint8Array, start: number, end: number, hash: number): Entry {
    const length = end - start;
    const last = this.last;
    if (last !== null && last.hash === hash && last.bytes.length === length && sameBytes(last.bytes, buf, start)) return last;
    let entry = this.table.get(hash) ?? null;
    search: for (; entry !== null; entry = entry.next) {
      const bytes = entry.bytes;
      if (bytes.length !== length) continue;
      for (let i = 0; i < length; ++i) if (bytes[i] !== buf[start + i]) continue search;
      this.last = entry;
      return entry;
    }
    const bytes = buf.slice(start, end);
    const text = decoder.decode(bytes);
    const created: Entry = {bytes, text, hash, isDay: isIsoDay(text), next: this.table.get(hash) ?? null};
    this.table.set(hash, created);
    this.last = created;
    return created;
  }
}

function sameBytes(bytes: Uint8Array, buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < bytes.length; ++i) if (bytes[i] !== buf[start + i]) return false;
  return true;
}

/** The running hash the row reader computes while it scans a field. */
export function hashStep(hash: number, byte: number): number {
  return (Math.imul(hash, 31) + byte) | 0;
}
