// Types for the parts of @openpgp/seek-bzip the reader uses (the package ships none).
declare module "@openpgp/seek-bzip" {
  /** Byte source: return the next byte; may throw to stop decoding. */
  export interface BzipInput {
    readByte(): number;
    /** Fill buffer[offset..offset+length); return the count read. */
    read(buffer: Uint8Array, offset: number, length: number): number;
  }
  /** Byte sink: receives every decoded byte in order. */
  export interface BzipOutput {
    writeByte(byte: number): void;
  }
  /** Decode a whole bzip2 stream; without `eof` on the input it reads until the end-of-stream marker. */
  export function decode(input: BzipInput, output: BzipOutput, multistream?: boolean): void;
  const seekBzip: { decode: typeof decode };
  export default seekBzip;
}
