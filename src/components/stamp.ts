import type {VersionStamp} from "../../loaders/site/index.js";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The version stamp as the one-line footer of every page (plain HTML: the config renders it at build time). */
export function stampHtml(stamp: VersionStamp, versionUrl: string): string {
  const commit = stamp.commit === null ? "no git commit" : `commit ${stamp.commit}${stamp.dirty ? " (uncommitted changes)" : ""}`;
  const inputs = stamp.inputs.map((i) => `${escape(i.file)} <code>${i.sha256}</code>`).join(", ");
  return (
    `<div class="report-stamp">Report v${escape(stamp.report_version)} · ${commit} · inputs: ${inputs} · ` +
    `built ${stamp.built_at.replace("T", " ").replace("Z", " UTC")} · Observable Framework ${escape(stamp.framework_version)} · ` +
    `<a href="${versionUrl}">version.json</a></div>`
  );
}
