import {readReleases} from "./release-files.js";
import {releaseFigures, versionsView} from "./releases.js";
import {siteDataDir, siteTables} from "./data-dir.js";
import type {Tables} from "../pipeline/index.js";
import {versionStamp} from "./version.js";

/** One data file of the site: the slice of the tables it holds, and whether people read it (then it is indented). */
interface SiteFile {
  slice: (tables: Tables) => unknown;
  indent?: number;
}

/**
 * Every data file the site's pages read, by name (src/data/<name>.json.ts is
 * the loader of each). Kept in one place so a build computes the tables once
 * and writes all of them (see loaders/cli/emit.ts).
 */
export const siteFiles = {
  summary: {slice: (t) => t.summary},
  performance: {slice: (t) => t.performance},
  "performance-detail": {slice: (t) => t.performanceDetail},
  drift: {slice: (t) => t.drift},
  "drift-report": {slice: (t) => t.driftReport},
  monitoring: {slice: (t) => t.monitoring},
  "monitoring-spec": {slice: (t) => t.monitoringSpec, indent: 2},
  retraining: {slice: (t) => t.retraining},
  risk: {slice: (t) => t.risk},
  memo: {slice: (t) => t.memo},
  versions: {slice: (t) => versionsView(releaseFigures(t), versionStamp(siteDataDir(), new Date()).inputs, readReleases())},
} satisfies Record<string, SiteFile>;

export type SiteFileName = keyof typeof siteFiles;

export async function siteFileTexts(toJson: (value: unknown, indent?: number) => string): Promise<Map<SiteFileName, string>> {
  const tables = await siteTables();
  const files: [string, SiteFile][] = Object.entries(siteFiles);
  return new Map(files.map(([name, file]) => [name as SiteFileName, toJson(file.slice(tables), file.indent)]));
}
