import {tableOutputs, toJson, type ReportOptions, type TableName, type Tables} from "../pipeline/index.js";
import {siteDataDir, siteTables} from "./data-dir.js";
import {readReleases} from "./release-files.js";
import {releaseFigures, versionsView} from "./releases.js";
import {builtAt, versionStamp} from "./version.js";

/**
 * Every data file the site's pages can load (`data/<name>.json`, made by the
 * one loader src/data/[name].json.ts): the report's tables (pipeline's
 * registry), the Versions page's view of the recorded releases, and the
 * build's stamp.
 */
export const siteFiles = {
  ...tableOutputs,
  versions: {slice: (t: Tables) => versionsView(releaseFigures(t), versionStamp(siteDataDir(), builtAt()).inputs, readReleases())},
} satisfies Record<string, {slice: (tables: Tables) => unknown; indent?: number}>;

export type SiteFileName = TableName | "versions" | "stamp";

export const siteFileNames: SiteFileName[] = [...(Object.keys(siteFiles) as (TableName | "versions")[]), "stamp"];

export function isSiteFileName(name: string): name is SiteFileName {
  return (siteFileNames as string[]).includes(name);
}

/** The stamp of this build (report version, commit, input fingerprints, build time): it needs no tables. */
export function stampText(): string {
  return toJson(versionStamp(siteDataDir(), builtAt()));
}

/** Every data file computed from the tables, as the text the loader prints. */
export async function siteFileTexts(options: ReportOptions = {}): Promise<Map<SiteFileName, string>> {
  const tables = await siteTables(options);
  const texts = new Map<SiteFileName, string>();
  for (const [name, file] of Object.entries(siteFiles) as [TableName | "versions", {slice: (t: Tables) => unknown; indent?: number}][]) {
    texts.set(name, toJson(file.slice(tables), file.indent));
  }
  return texts;
}
