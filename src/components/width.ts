/**
 * The chart width rule: a chart takes its container's width (Framework's
 * `width`, or the width `resize` passes), but never less than a floor that
 * keeps room for its labels. A narrower container (a phone, or the first
 * layout pass, when Framework's `width` can be 0) scrolls the chart instead of
 * squeezing it into negative bars.
 *
 * @param width the container's width in pixels
 * @param min the chart's floor in pixels (default 360); wide grids ask for more
 */
export function chartWidth(width: number, min = 360): number {
  return Math.max(width, min);
}
