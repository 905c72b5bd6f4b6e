/**
 * One CSV field as d3's `csvFormatValue` writes a string: quoted (with inner
 * quotes doubled) when it holds a quote, a comma or a line break. Kept here so
 * the tables CLI and its workers need not load all of d3 (about half a second).
 */
export function csvField(text: string): string {
  return /["\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
