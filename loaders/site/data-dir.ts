import {reportTables, type ReportOptions, type Tables} from "../pipeline/index.js";

/**
 * The data folder the site is built from: REPORT_DATA_DIR, or the embedded
 * inputs in data/. Framework runs loaders from the project root.
 */
export function siteDataDir(): string {
  return process.env.REPORT_DATA_DIR || "data";
}

export async function siteTables(options: ReportOptions = {}): Promise<Tables> {
  return reportTables(siteDataDir(), options);
}
