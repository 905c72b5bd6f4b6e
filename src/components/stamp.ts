import type {VersionStamp} from "../../loaders/site/index.js";

/** The version stamp: which data and which code a built report came from (plain strings and HTML, so the config can use it at build time too). */

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** When the site was built, as people read it: "2026-12-02 16:41:47 UTC". */
export const builtAtText = (stamp: VersionStamp): string => stamp.built_at.replace("T", " ").replace("Z", " UTC");

/** The stamp as the one-line footer of every page (plain HTML: the config renders it at build time). */
export function stampHtml(stamp: VersionStamp, versionUrl: string): string {
  const commit = stamp.commit === null ? "no git commit" : `commit ${stamp.commit}${stamp.dirty ? " (uncommitted changes)" : ""}`;
  const inputs = stamp.inputs.map((i) => `${escape(i.file)} <code>${i.sha256}</code>`).join(", ");
  return (
    `<div class="report-stamp">Report v${escape(stamp.report_version)} · ${commit} · inputs: ${inputs} · ` +
    `built ${builtAtText(stamp)} · Observable Framework ${escape(stamp.framework_version)} · ` +
    `<a href="${versionUrl}">version.json</a></div>`
  );
}

/** What the build was made from, in a sentence: "Built … from commit abc1234 with uncommitted changes, report version 1.0.0". */
export function buildSentence(stamp: VersionStamp): string {
  return `Built ${builtAtText(stamp)} from commit ${stamp.commit ?? "(no git checkout)"}${stamp.dirty ? " with uncommitted changes" : ""}, report version ${stamp.report_version}`;
}
