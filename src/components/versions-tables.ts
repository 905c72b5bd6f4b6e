import type {VersionStamp, VersionsView} from "../../loaders/site/index.js";
import {int, pct, usd} from "../shared/format.js";
import {paragraph} from "./dom.js";
import {dataTable} from "./tables.js";

/** The Versions page's tables: this build's inputs, the releases, and what changed between them. */

/** The three input files of this build with their fingerprints. */
export function buildInputsTable(stamp: VersionStamp): HTMLFormElement {
  return dataTable(stamp.inputs, {columns: ["role", "file", "sha256"], header: {role: "Input", file: "File", sha256: "SHA-256 (first 12 hex)"}, rows: 4});
}

const counted = (x: number | null) => (x === null ? "n/a" : int(x));

/** Every release, newest first in version order (the loader sorts them; a text sort would put 1.10.0 before 1.9.0); a sentence when there is none. */
export function releasesTable(versions: VersionsView): HTMLFormElement | HTMLParagraphElement {
  if (versions.releases.length === 0) return paragraph("No release recorded yet.");
  const rows = [...versions.releases].reverse().map((r) => ({
    version: r.version,
    released: r.released_at.slice(0, 10),
    commit: r.commit ?? "",
    data: `${r.figures.first_day} to ${r.figures.last_day}`,
    rows: r.figures.rows,
    rmse: r.figures.rmse,
    severe: r.figures.severe_drift_count,
    missing: r.figures.overall_missing_rate,
    alerts: r.figures.alert_count,
    // A release records the model's fingerprint; one cut without it shows none.
    model: r.inputs.find((i) => i.role === "model")?.sha256 ?? "",
  }));
  return dataTable(rows, {
    format: {rmse: usd, missing: (x) => pct(x), alerts: counted},
    header: {version: "Version", released: "Released", commit: "Commit", data: "Production window", rows: "Rows", rmse: "RMSE", severe: "Severe drift", missing: "Missing", alerts: "Alerts (all rules)", model: "Model SHA-256"},
  });
}

const signed = (f: (x: number) => string) => (x: number) => (x >= 0 ? "+" : "−") + f(Math.abs(x));

/** The key figures' changes from each release to the next, and whether the model or the data changed; a sentence with fewer than two releases. */
export function releaseChangesTable(versions: VersionsView): HTMLFormElement | HTMLParagraphElement {
  if (versions.changes.length === 0) return paragraph("Fewer than two releases: nothing to compare yet.");
  const rows = versions.changes.map((c) => ({
    step: `${c.from} → ${c.to}`,
    rmse: c.rmse_change,
    severe: c.severe_drift_change,
    missing: c.missing_rate_change,
    alerts: c.alert_count_change,
    model: c.model_changed ? "changed" : "same",
    data: c.data_changed ? "changed" : "same",
  }));
  return dataTable(rows, {
    format: {rmse: signed(usd), missing: signed((x) => pct(x)), alerts: (x) => (x === null ? "n/a" : (x >= 0 ? "+" : "") + int(x))},
    header: {step: "Releases", rmse: "RMSE change", severe: "Severe drift change", missing: "Missing-rate change", alerts: "Alert change (all rules)", model: "Model", data: "Data"},
  });
}
