import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {readReleases} from "../../loaders/site/release-files.js";
import {compareVersions, isVersion, releaseChanges, releaseFigures, versionsView, type Release, type ReleaseFigures} from "../../loaders/site/releases.js";
import {reportTables} from "../../loaders/pipeline/index.js";
import {engineTables, freshCache} from "../builders/engine.js";
import {expectClose, root, runTs, seedData, tempDir, truth} from "../builders/helpers.js";

const figures = (over: Partial<ReleaseFigures> = {}): ReleaseFigures => ({
  rows: 100,
  first_day: "2030-01-01",
  last_day: "2030-01-30",
  rmse: 10,
  validation_rmse: 8,
  rmse_increase_pct: 25,
  severe_drift_count: 2,
  overall_missing_rate: 0.05,
  new_category_share: 0,
  alert_count: 7,
  ...over,
});

const release = (version: string, over: Partial<ReleaseFigures> = {}, model = "aaaaaaaaaaaa", production = "bbbbbbbbbbbb"): Release => ({
  version,
  released_at: "2030-02-01T00:00:00Z",
  commit: "abcdef0",
  dirty: false,
  inputs: [
    {role: "production", file: "log.csv", sha256: production},
    {role: "model", file: "production_model.rds", sha256: model},
    {role: "stats", file: "training_stats.rds", sha256: "cccccccccccc"},
  ],
  figures: figures(over),
});

describe("versions", () => {
  it("are semantic versions, ordered numerically, a pre-release before its release", () => {
    expect(["1.2", "v1.2.0", "1.2.0.1"].filter(isVersion)).toEqual([]);
    expect(["1.10.0", "1.2.0", "1.2.0-rc.1", "0.9.9"].sort(compareVersions)).toEqual(["0.9.9", "1.2.0-rc.1", "1.2.0", "1.10.0"]);
  });
});

describe("a release's figures", () => {
  it("are the report's, as R computes them from the seed data", async () => {
    const f = releaseFigures((await reportTables(seedData, {cacheDir: freshCache()})));
    expect(f.rows).toBe(truth.n_prod);
    expectClose(f.rmse, truth.overall.rmse);
    expectClose(f.rmse_increase_pct, truth.overall.rmse_increase_pct);
    expectClose(f.validation_rmse, truth.validation.rmse);
    expect(f.severe_drift_count).toBe(truth.severe_count);
    expectClose(f.overall_missing_rate, truth.overall_missing_rate);
    expectClose(f.new_category_share!, truth.new_category_share);
  });
});

describe("what changed between releases", () => {
  it("compares consecutive versions in version order, not file order", () => {
    const changes = releaseChanges([
      release("1.10.0", {rmse: 9, severe_drift_count: 1, alert_count: 3}, "dddddddddddd", "eeeeeeeeeeee"),
      release("1.2.0", {rmse: 12, severe_drift_count: 4, overall_missing_rate: 0.1, alert_count: null}),
      release("1.9.0", {rmse: 12.5}, "aaaaaaaaaaaa", "eeeeeeeeeeee"),
    ]);
    expect(changes.map((c) => [c.from, c.to])).toEqual([
      ["1.2.0", "1.9.0"],
      ["1.9.0", "1.10.0"],
    ]);
    const [first, second] = changes;
    expect(first.rmse_change).toBeCloseTo(0.5, 12);
    expect(first.severe_drift_change).toBe(-2);
    expect(first.missing_rate_change).toBeCloseTo(-0.05, 12);
    expect(first.alert_count_change).toBeNull();
    expect([first.model_changed, first.data_changed]).toEqual([false, true]);
    expect(second.rmse_change).toBeCloseTo(-3.5, 12);
    expect(second.alert_count_change).toBe(-4);
    expect([second.model_changed, second.data_changed]).toEqual([true, false]);
  });

  it("and since the latest release, in the Versions page's sentence", () => {
    const inputs = release("0.0.0").inputs;
    expect(versionsView(figures(), inputs, []).conclusion).toMatch(/^No release has been recorded yet/);
    const same = versionsView(figures(), inputs, [release("1.0.0"), release("0.9.0")]);
    expect(same.since_latest?.from).toBe("1.0.0");
    expect(same.conclusion).toBe("This build reads the same input files as release 1.0.0, so its figures are that release's.");
    const newer = versionsView(figures({rmse: 11.25, severe_drift_count: 5}), inputs.map((i) => ({...i, sha256: "ffffffffffff"})), [release("1.0.0")]);
    expect(newer.conclusion).toBe("Since release 1.0.0 the inputs changed: production RMSE is up $1.25, with 3 more severely drifted features.");
  });
});

describe("committed releases", () => {
  it("are readable, named by their version, and were cut from committed code", () => {
    const releases = readReleases(join(root, "releases"));
    expect(releases.length).toBeGreaterThan(0);
    for (const r of releases) expect(r.dirty, r.version).toBe(false);
  });

  it("a damaged release file is an error naming it", () => {
    const dir = tempDir("releases-");
    writeFileSync(join(dir, "1.0.0.json"), JSON.stringify({...release("1.1.0")}));
    expect(() => readReleases(dir)).toThrow(/1\.0\.0\.json.*"1\.1\.0" does not match the file name 1\.0\.0\.json/);
    writeFileSync(join(dir, "1.0.0.json"), "{");
    expect(() => readReleases(dir)).toThrow(/1\.0\.0\.json.*not valid JSON/);
  });
});

describe("npm run release", () => {
  let dir: string;
  let first: ReturnType<typeof runTs>;
  beforeAll(() => {
    dir = tempDir("releases-");
    first = runTs("loaders/cli/release.ts", ["2.1.0", "--data", seedData, "--releases", dir]);
  }, 60_000);

  it("records the figures and the inputs' fingerprints", () => {
    expect(first.stderr).toBe(`release: recorded ${join(dir, "2.1.0.json")}\n`);
    expect(first.status).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, "2.1.0.json"), "utf8")) as Release;
    expect(recorded.version).toBe("2.1.0");
    expectClose(recorded.figures.rmse, truth.overall.rmse);
    expect(recorded.inputs.map((i) => i.role)).toEqual(["production", "model", "stats"]);
    for (const i of recorded.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{12}$/);
    expect(readReleases(dir).map((r) => r.version)).toEqual(["2.1.0"]);
  });

  it("never rewrites a release, and takes only a semantic version", () => {
    const again = runTs("loaders/cli/release.ts", ["2.1.0", "--data", seedData, "--releases", dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^error: .*2\.1\.0\.json: this release already exists; releases are never rewritten\n$/);
    const bad = runTs("loaders/cli/release.ts", ["2.1", "--releases", dir]);
    // A version that is not semantic is a usage mistake: exit 2, one line.
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: expected one semantic version such as 1\.2\.0/);
  });
});
