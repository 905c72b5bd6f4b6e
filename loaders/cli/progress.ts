/**
 * A single updating progress line on stderr for long reads: rows are not
 * known until the end, so bytes, MB/s, % of bytes and time left. Only when
 * stderr is a terminal and the input is large (more than `minBytes`), so logs,
 * pipes and CI stay clean; at most a few updates a second.
 */
export interface Progress {
  update: (doneBytes: number, totalBytes: number) => void;
  /** Clears the line. */
  done: () => void;
}

const minBytes = 50e6;
const everyMs = 250;

export function progressLine(what: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!stream.isTTY || total < minBytes) return;
      const now = performance.now();
      if (now - last < everyMs && done < total) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = done / 1e6 / Math.max(seconds, 1e-3);
      const left = rate > 0 ? (total - done) / 1e6 / rate : 0;
      stream.write(`\r${what}: ${(done / 1e6).toFixed(0)} of ${(total / 1e6).toFixed(0)} MB (${((done / total) * 100).toFixed(0)}%), ${rate.toFixed(0)} MB/s, ${left.toFixed(0)} s left \x1b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
