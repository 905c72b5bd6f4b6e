import {builtAt, siteDataDir, versionStamp, type VersionStamp} from "./loaders/site/index.js";
import {stampHtml} from "./src/components/stamp.js";

function stamp(): VersionStamp | null {
  try {
    return versionStamp(siteDataDir(), builtAt());
  } catch {
    return null; // unreadable inputs: the data loaders report the problem.
  }
}
const version = stamp();

// See https://observablehq.com/framework/config for documentation.
export default {
  title: "TechMart price model: deployment review",
  root: "src",
  // `npm run build` builds into a temporary folder and swaps it in on success.
  output: process.env.REPORT_BUILD_OUTPUT || "dist",
  // The default stylesheet pulls web fonts from a CDN; builds here are offline.
  // Inputs' own stylesheet (scrolling tables, sticky headers): Framework adds it
  // only for `npm:` imports, and pages import the bundled package instead.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  // Framework's default theme plus the report's few classes (conclusions, questions, stamp, print).
  style: "style.css",
  // An inline icon: no request for /favicon.ico, so no 404 in the console.
  head: '<link rel="icon" href="data:,">',
  pages: [
    {name: "Overview", path: "/"},
    {name: "Performance", path: "/performance"},
    {name: "Drift", path: "/drift"},
    {name: "Monitoring", path: "/monitoring"},
    {name: "Retraining", path: "/retraining"},
    {name: "Risk", path: "/risk"},
    {name: "Memo", path: "/memo"},
    {name: "Versions", path: "/versions"},
  ],
  // Published at stable URLs (besides the hashed copies pages link to), so
  // engineers and tools can fetch the monitoring spec and its schema by name.
  dynamicPaths: ["/data/monitoring-spec.json", "/monitoring-spec.schema.json", "/monitor-result.schema.json"],
  pager: false,
  search: false,
  footer: ({path}: {path: string}) => (version ? stampHtml(version, relativeRoot(path) + "version.json") : ""),
};

/** From a page's path to the site root, so links work from any folder the site is served under. */
function relativeRoot(path: string): string {
  const depth = path.split("/").length - 2;
  return depth > 0 ? "../".repeat(depth) : "./";
}
