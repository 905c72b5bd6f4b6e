import type {Tables} from "../pipeline/index.js";
import type {VersionStamp} from "./version.js";

/** What a release records: the key figures of the report and the fingerprints of what produced them. */
export interface Release {
  version: string;
  released_at: string;
  commit: string | null;
  /** Whether the release was cut from a working tree with uncommitted changes. */
  dirty: boolean;
  inputs: VersionStamp["inputs"];
  figures: ReleaseFigures;
}

export interface ReleaseFigures {
  rows: number;
  first_day: string;
  last_day: string;
  rmse: number;
  validation_rmse: number;
  rmse_increase_pct: number;
  severe_drift_count: number;
  overall_missing_rate: number;
  new_category_share: number | null;
  /** Alerts the monitoring rules raise over the production window (the replay's log); null in releases made before monitoring existed. */
  alert_count: number | null;
}

/** One figure that changed between two consecutive releases. */
export interface ReleaseChange {
  from: string;
  to: string;
  rmse_change: number;
  severe_drift_change: number;
  missing_rate_change: number;
  alert_count_change: number | null;
  model_changed: boolean;
  data_changed: boolean;
  /** The log's files between the two releases, by name: new ones, gone ones, and ones whose contents changed (so a review can say which days changed). */
  production_files: {added: string[]; removed: string[]; changed: string[]};
}

const semver = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

export function isVersion(s: string): boolean {
  return semver.test(s);
}

/** The parts of a semantic version; its callers compare versions they have checked (isVersion), so anything else is a bug. */
function versionParts(s: string): RegExpExecArray {
  const parts = semver.exec(s);
  if (parts === null) throw new Error(`"${s}" is not a semantic version`);
  return parts;
}

/** Semantic-version order (pre-releases before their release, compared as text). */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 1; i <= 3; ++i) if (+x[i] !== +y[i]) return +x[i] - +y[i];
  if (x[4] === y[4]) return 0;
  if (x[4] === undefined) return 1;
  if (y[4] === undefined) return -1;
  return x[4] < y[4] ? -1 : 1;
}

export function releaseFigures(tables: Tables): ReleaseFigures {
  const {summary, performance, drift, monitoring} = tables;
  return {
    rows: summary.rows,
    first_day: summary.days.first,
    last_day: summary.days.last,
    rmse: performance.overall.rmse,
    validation_rmse: performance.validation.rmse,
    rmse_increase_pct: performance.overall.rmse_increase_pct,
    severe_drift_count: drift.severe_count,
    overall_missing_rate: drift.overall_missing_rate,
    new_category_share: drift.new_category_share,
    alert_count: monitoring.replay.log.length,
  };
}

/** Changes between consecutive releases, oldest first. */
export function releaseChanges(releases: readonly Release[]): ReleaseChange[] {
  const sorted = [...releases].sort((a, b) => compareVersions(a.version, b.version));
  return sorted.slice(1).map((to, i) => {
    const from = sorted[i];
    const input = (r: Release, role: string) => r.inputs.filter((x) => x.role === role).map((x) => `${x.file}\0${x.sha256}`).sort().join("\n");
    return {
      from: from.version,
      to: to.version,
      rmse_change: to.figures.rmse - from.figures.rmse,
      severe_drift_change: to.figures.severe_drift_count - from.figures.severe_drift_count,
      missing_rate_change: to.figures.overall_missing_rate - from.figures.overall_missing_rate,
      alert_count_change: to.figures.alert_count === null || from.figures.alert_count === null ? null : to.figures.alert_count - from.figures.alert_count,
      model_changed: input(to, "model") !== input(from, "model"),
      data_changed: input(to, "production") !== input(from, "production") || input(to, "stats") !== input(from, "stats"),
      production_files: fileChanges(from.inputs, to.inputs),
    };
  });
}

/** The Versions page: every release, what changed between them, and how this build compares with the latest. */
export interface VersionsView {
  releases: Release[];
  changes: ReleaseChange[];
  current: ReleaseFigures;
  /** This build against the latest release; null when nothing was released yet. */
  since_latest: (Omit<ReleaseChange, "to" | "model_changed" | "data_changed" | "production_files"> & {same_inputs: boolean}) | null;
  conclusion: string;
}

export function versionsView(current: ReleaseFigures, inputs: VersionStamp["inputs"], releases: readonly Release[]): VersionsView {
  const sorted = [...releases].sort((a, b) => compareVersions(a.version, b.version));
  const latest = sorted.at(-1);
  const since = latest
    ? {
        from: latest.version,
        rmse_change: current.rmse - latest.figures.rmse,
        severe_drift_change: current.severe_drift_count - latest.figures.severe_drift_count,
        missing_rate_change: current.overall_missing_rate - latest.figures.overall_missing_rate,
        alert_count_change: current.alert_count === null || latest.figures.alert_count === null ? null : current.alert_count - latest.figures.alert_count,
        same_inputs: sameInputs(inputs, latest.inputs),
      }
    : null;
  return {releases: sorted, changes: releaseChanges(sorted), current, since_latest: since, conclusion: versionsConclusion(since)};
}

export function versionsConclusion(since: VersionsView["since_latest"]): string {
  if (!since) return "No release has been recorded yet: run npm run release -- <version> to record this report's figures.";
  if (since.same_inputs) return `This build reads the same input files as release ${since.from}, so its figures are that release's.`;
  const rmse = Math.abs(since.rmse_change) < 0.005 ? "unchanged" : `${since.rmse_change > 0 ? "up" : "down"} $${Math.abs(since.rmse_change).toFixed(2)}`;
  const change = since.severe_drift_change;
  const severe =
    change === 0
      ? "the same number of severely drifted features"
      : `${Math.abs(change)} ${change > 0 ? "more" : "fewer"} severely drifted ${Math.abs(change) === 1 ? "feature" : "features"}`;
  return `Since release ${since.from} the inputs changed: production RMSE is ${rmse}, with ${severe}.`;
}

type Inputs = VersionStamp["inputs"];

/** The same input files, each with the same contents, in both lists. */
function sameInputs(a: Inputs, b: Inputs): boolean {
  const key = (list: Inputs) => list.map((i) => `${i.role}\0${i.file}\0${i.sha256}`).sort().join("\n");
  return key(a) === key(b);
}

/** The production files added, removed and changed (same name, other contents) from one release's inputs to the next. */
export function fileChanges(from: Inputs, to: Inputs): ReleaseChange["production_files"] {
  const files = (list: Inputs) => new Map(list.filter((i) => i.role === "production").map((i) => [i.file, i.sha256]));
  const before = files(from);
  const after = files(to);
  return {
    added: [...after.keys()].filter((f) => !before.has(f)).sort(),
    removed: [...before.keys()].filter((f) => !after.has(f)).sort(),
    changed: [...after].filter(([f, sha]) => before.has(f) && before.get(f) !== sha).map(([f]) => f).sort(),
  };
}
