import {beforeAll, describe, expect, it} from "vitest";
import {maintenanceCalendar, type CalendarOptions} from "../../loaders/memo/calendar.js";
import {decide, type Benchmarks} from "../../loaders/memo/recommendation.js";
import {featureRequirements} from "../../loaders/memo/requirements.js";
import {reportTables, type Tables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {seedData} from "../builders/helpers.js";

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const dates = (cal: ReturnType<typeof maintenanceCalendar>, task: string) => cal.events.filter((e) => e.task === task).map((e) => e.date);

describe("the maintenance calendar", () => {
  it("runs the 12 calendar months after the log's last day", () => {
    const cal = maintenanceCalendar("2026-10-30");
    expect([cal.start, cal.end]).toEqual(["2026-11-01", "2027-10-31"]);
    const reviews = dates(cal, "review");
    expect(reviews[0]).toBe("2026-11-02");
    expect(reviews.at(-1)).toBe("2027-10-25");
    expect(reviews).toHaveLength(52);
    expect(reviews.every((d) => weekday(d) === 1)).toBe(true);
    // Consecutive reviews are 7 days apart.
    expect(reviews.slice(1).every((d, i) => Date.parse(d) - Date.parse(reviews[i]) === 7 * 86_400_000)).toBe(true);
    expect(dates(cal, "retraining")).toEqual(["2026-11-04", "2026-12-02", "2027-01-06", "2027-02-03", "2027-03-03", "2027-04-07", "2027-05-05", "2027-06-02", "2027-07-07", "2027-08-04", "2027-09-01", "2027-10-06"]);
    expect(dates(cal, "audit")).toEqual(["2027-01-29", "2027-04-30", "2027-07-30", "2027-10-29"]);
    expect(dates(cal, "architecture")).toEqual(["2027-10-29"]);
    expect(cal.tasks.map((t) => [t.task, t.owner, t.count])).toEqual([
      ["review", "Model owner", 52],
      ["retraining", "Model owner", 12],
      ["audit", "Data-science manager", 4],
      ["architecture", "VP Engineering", 1],
    ]);
  });

  it("follows the data's last day, across a year end and a leap February", () => {
    const cal = maintenanceCalendar("2027-12-15");
    expect([cal.start, cal.end]).toEqual(["2028-01-01", "2028-12-31"]);
    expect(dates(cal, "audit")).toEqual(["2028-03-31", "2028-06-30", "2028-09-29", "2028-12-29"]);
    expect(dates(cal, "retraining")[1]).toBe("2028-02-02");
    expect(dates(cal, "review")).toHaveLength(52);
    // A quarter whose last day is a Sunday ends its audit on the Friday before.
    expect(weekday("2028-12-31")).toBe(0);
  });

  it("takes its cadence from the options", () => {
    const options: CalendarOptions = {months: 6, reviewWeekday: 5, retrainingWeekday: 1, auditEveryMonths: 2, owners: {review: "R", retraining: "T", audit: "A", architecture: "V"}};
    const cal = maintenanceCalendar("2026-01-20", options);
    expect(dates(cal, "review").every((d) => weekday(d) === 5)).toBe(true);
    expect(dates(cal, "retraining")[0]).toBe("2026-02-02");
    expect(dates(cal, "audit")).toEqual(["2026-03-31", "2026-05-29", "2026-07-31"]);
    expect(cal.tasks.find((t) => t.task === "review")!.cadence).toBe("every Friday");
  });
});

describe("the go / no-go rule", () => {
  const b = (observed: number): Benchmarks => ({validation_rmse: 8.2, expected_low: 8, expected_high: 9, acceptable: 10, observed_rmse: observed, observed_ci_low: null, observed_ci_high: null, complete_rows_rmse: null, complete_rows_share: 0});
  it("no-go at or above the acceptable line; conditions above the expected range or after a trigger; go otherwise", () => {
    expect(decide(b(10), 0)).toBe("no_go");
    expect(decide(b(14.14), 2)).toBe("no_go");
    expect(decide(b(9.5), 0)).toBe("go_with_conditions");
    expect(decide(b(8.5), 1)).toBe("go_with_conditions");
    expect(decide(b(8.5), 0)).toBe("go");
    expect(decide(b(9), 0)).toBe("go");
  });
});

describe("on the seed data", () => {
  let tables: Tables;
  beforeAll(async () => {
    tables = (await reportTables(seedData, {cacheDir: freshCache()}));
  });

  it("the memo reads its model facts and benchmarks from the inputs", () => {
    const {memo, inputs, performance} = tables;
    expect(memo.model.lambda).toBe(inputs.model.lambda);
    expect(memo.model.features).toBe(inputs.model.features.length);
    expect(memo.model.training_window).toEqual(inputs.stats.window);
    expect(memo.benchmarks.validation_rmse).toBe(inputs.stats.validation.rmse);
    expect(memo.benchmarks.observed_rmse).toBe(performance.overall.rmse);
    expect(memo.recommendation.decision).toBe(decide(memo.benchmarks, tables.retraining.current.fired.length));
    expect(memo.recommendation.headline.startsWith(memo.recommendation.label)).toBe(true);
    expect(memo.calendar.start.slice(0, 7) > tables.summary.days.last.slice(0, 7)).toBe(true);
  });

  it("the top 10 by |β|·SD, with their training 1st–99th percentiles", () => {
    const req = tables.memo.requirements;
    const {model, stats} = tables.inputs;
    const sd = new Map(stats.features.map((f) => [f.feature, f.sd]));
    const direct = model.features.map((f, j) => ({f, v: Math.abs(model.coefficients[j]) * sd.get(f)!})).sort((a, b) => b.v - a.v).slice(0, 10).map((x) => x.f);
    expect(req.features.map((f) => f.feature)).toEqual(direct);
    const p = stats.quantileProbs!;
    for (const f of req.features) {
      expect(f.expected_low).toBe(stats.quantiles!.get(f.feature)![p.indexOf(0.01)]);
      expect(f.expected_high).toBe(stats.quantiles!.get(f.feature)![p.indexOf(0.99)]);
    }
    const byRaw = model.features.map((f, j) => ({f, v: Math.abs(model.coefficients[j])})).sort((a, b) => b.v - a.v);
    expect(req.raw_beta_top[0].feature).toBe(byRaw[0].f);
    expect(req.overlap).toBe(req.raw_beta_top.filter((r) => direct.includes(r.feature)).length);
  });

  it("the ranking sentence says when raw |β| agrees", () => {
    const {stats} = tables.inputs;
    // Unit SDs make |β|·SD and |β| the same ranking.
    const unit = {...stats, features: stats.features.map((f) => ({...f, sd: 1}))};
    const imp = tables.inputs.model.features.map((feature, j) => ({feature, index: j, beta: tables.inputs.model.coefficients[j], train_sd: 1, importance: Math.abs(tables.inputs.model.coefficients[j]), rank: 0}))
      .sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1))
      .map((f, i) => ({...f, rank: i + 1}));
    const req = featureRequirements(imp, unit, tables.drift);
    expect(req.overlap).toBe(10);
    expect(req.conclusion).toContain("Raw |β| picks the same features.");
    expect(tables.memo.requirements.conclusion).toMatch(/Raw \|β\| would pick a different list \(only \d of 10 shared\)/);
  });
});
