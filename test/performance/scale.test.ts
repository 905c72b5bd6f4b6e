import {describe, expect, it} from "vitest";
import {config} from "../../loaders/config.js";
import {toJson} from "../../loaders/pipeline/json.js";
import {performanceTable} from "../../loaders/performance/table.js";
import {performanceDetail} from "../../loaders/performance/detail.js";
import {synthetic, syntheticStats, type Row} from "../builders/scored-rows.js";

describe("a large input keeps the page data small and the intervals cheap", () => {
  // Segments above rows × resamples = maxDraws take the normal approximation; price bins (3,000 rows) are bootstrapped.
  it("30,000 rows", () => {
    let s = 1;
    const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) | 0) >>> 0) / 2 ** 32;
    const rows: Row[] = Array.from({length: 30_000}, (_, i) => ({
      category: `C${i % 3}`,
      brand: `B${i % 4}`,
      tier: `T${i % 2}`,
      date: `2026-10-${String((i % 30) + 1).padStart(2, "0")}`,
      actual: 5 + random() * 300,
      error: (random() - 0.5) * 30,
      imputed: i % 20,
    }));
    const {acc, errors} = synthetic(rows);
    const table = performanceTable(acc, errors, syntheticStats(8, ["C0", "C1"]));
    const detail = performanceDetail(errors, table);
    const {resamples, maxDraws} = config.performance.interval;
    for (const g of [table.overall, ...table.segments, ...detail.price_bins]) {
      expect(g.ci_method).toBe(g.n * resamples > maxDraws ? "normal" : "bootstrap");
    }
    expect(table.overall.ci_method).toBe("normal");
    expect(detail.price_bins[0].ci_method).toBe("bootstrap");
    expect(detail.points).toHaveLength(config.performance.maxScatterPoints);
    expect(toJson(table).length + toJson(detail).length).toBeLessThan(2_000_000);
  });
});
