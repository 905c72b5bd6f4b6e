import {describe, expect, it} from "vitest";
import {daySpan} from "../../loaders/daily/index.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {plural} from "../../loaders/shared/index.js";
import {releaseFigures, versionsConclusion, type VersionsView} from "../../loaders/site/releases.js";
import {daysText} from "../../src/components/dates.js";
import {daysWithoutRowsNote} from "../../src/components/monitoring-text.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {seedData} from "../builders/helpers.js";
import {days, run, syntheticInputs} from "../builders/monitoring-inputs.js";

// The same word counts the same thing on every page: days (calendar span, days with rows, days without),
// alerts (the metric rules', the alert-frequency rule's, all), and every count agrees with its noun.

describe("days: one wording on every page", () => {
  it("names the calendar span, the days with rows and the days without, right at 0, 1, 2 and many", () => {
    expect(daysText(daySpan(["2026-10-01"]))).toBe("1 day, 2026-10-01");
    expect(daysText(daySpan(["2026-10-02", "2026-10-01"]))).toBe("2 days from 2026-10-01 to 2026-10-02, with rows on every day");
    expect(daysText(daySpan(["2026-10-01", "2026-10-03"]))).toBe("3 calendar days from 2026-10-01 to 2026-10-03, 2 of them with rows (none on 2026-10-02)");
    expect(daysText(daySpan(["2026-10-01", "2026-10-04"]))).toBe("4 calendar days from 2026-10-01 to 2026-10-04, 2 of them with rows (none on 2026-10-02 and 2026-10-03)");
    expect(daysText(daySpan(["2026-10-01", "2026-10-07"]))).toBe(
      "7 calendar days from 2026-10-01 to 2026-10-07, 2 of them with rows (none on 2026-10-02, 2026-10-03, 2026-10-04 and 2 more)",
    );
    expect(() => daySpan([])).toThrow(RangeError);
  });

  it("the Overview's data notes and the Monitoring page count a log with empty days alike", async () => {
    // Ten calendar days; the 4th and the 7th have no rows.
    const specs = days(10, {rows: 20, error: 1}).map((d, i) => (i === 3 || i === 6 ? {...d, rows: 0} : d));
    const tables = await engineTables(syntheticInputs(run("2026-05-01", specs)));
    const expected = {first: "2026-05-01", last: "2026-05-10", calendar_days: 10, days_with_rows: 8, days_without_rows: ["2026-05-04", "2026-05-07"]};
    expect(tables.summary.days).toEqual(expected);
    expect(tables.monitoring.window.span).toEqual(expected);
    // The monitoring series runs over the calendar: its day count is the span's.
    expect(tables.monitoring.window.days).toBe(expected.calendar_days);
    expect(daysText(tables.summary.days)).toBe("10 calendar days from 2026-05-01 to 2026-05-10, 8 of them with rows (none on 2026-05-04 and 2026-05-07)");
    expect(daysWithoutRowsNote(tables.monitoring)).toMatch(/^ The 2 days without rows count as 0 predictions for the volume rule/);
  });
});

describe("alerts: each label says what it counts", () => {
  it("the Monitoring conclusion's all-rules count is the Versions page's", async () => {
    const tables = await reportTables(seedData, {cacheDir: freshCache(), threads: 1});
    const log = tables.monitoring.replay.log;
    const metricRules = tables.monitoring.replay.alerts_per_day.reduce((n, d) => n + d.total, 0);
    const frequency = log.filter((e) => e.metric === "alerts_per_day").length;
    // A seed log where the two counts differ, or the test would not tell them apart.
    expect(frequency).toBeGreaterThan(0);
    expect(metricRules + frequency).toBe(log.length);
    expect(releaseFigures(tables).alert_count).toBe(log.length);
    const text = tables.monitoring.conclusions.alert_load;
    expect(text).toContain(`The metric rules would have raised ${plural(metricRules, "alert")} over`);
    expect(text).toContain(`The alert-frequency rule adds ${plural(frequency, "alert")} of its own: ${plural(log.length, "alert")} from all rules.`);
  });
});

describe("counts agree with their nouns", () => {
  it("plural at 0, 1, 2 and thousands", () => {
    expect([0, 1, 2, 1200].map((n) => plural(n, "day"))).toEqual(["0 days", "1 day", "2 days", "1,200 days"]);
    expect(plural(1, "category", "categories")).toBe("1 category");
    expect(plural(3, "category", "categories")).toBe("3 categories");
  });

  it("the Versions sentence at a change of 0, 1, −1 and 2 severe features", () => {
    const since = (severe: number): NonNullable<VersionsView["since_latest"]> => ({from: "1.0.0", same_inputs: false, rmse_change: 0, severe_drift_change: severe, missing_rate_change: 0, alert_count_change: 0});
    const text = (severe: number) => versionsConclusion(since(severe));
    expect(text(0)).toMatch(/with the same number of severely drifted features\.$/);
    expect(text(1)).toMatch(/with 1 more severely drifted feature\.$/);
    expect(text(-1)).toMatch(/with 1 fewer severely drifted feature\.$/);
    expect(text(2)).toMatch(/with 2 more severely drifted features\.$/);
  });
});
