/** REPORT_STREAM_TRACE=1 prints when each phase of a run ends, in seconds since the process started (on stderr). */
export function trace(phase: string): void {
  if (process.env.REPORT_STREAM_TRACE) process.stderr.write(`trace: ${phase} at ${(performance.now() / 1000).toFixed(2)} s\n`);
}
