import {builtAt, fontFaceCss, fontFolder, fontPaths, siteDataDir, unlistedPages, versionStamp, type VersionStamp} from "./loaders/site/index.js";
import {accessibilityFixesScript} from "./src/components/a11y-fixes.js";
import {stampHtml} from "./src/components/stamp.js";

function stamp(): VersionStamp | null {
  try {
    return versionStamp(siteDataDir(), builtAt());
  } catch {
    return null; // unreadable inputs: the data loaders report the problem.
  }
}
const version = stamp();

// The sidebar, in the report's order. A page in src/ not listed here is still
// linked, under a trailing "More" group, and the build and the preview warn
// which entry to add (loaders/site/pages.ts).
const listed = [
  {name: "Overview", path: "/"},
  {name: "Performance", path: "/performance"},
  {name: "Drift", path: "/drift"},
  {name: "Monitoring", path: "/monitoring"},
  {name: "Retraining", path: "/retraining"},
  {name: "Risk", path: "/risk"},
  {name: "Memo", path: "/memo"},
  {name: "Versions", path: "/versions"},
];
const unlisted = unlistedPages(listed);
if (process.argv.includes("build") || process.argv.includes("preview")) for (const line of unlisted.warnings) process.stderr.write(`${line}\n`);

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
  // The body font, self-hosted (loaders/site/fonts.ts) in place of the
  // default stylesheet's Google Fonts: nothing is fetched from another origin.
  // Framework writes no <html> element, so the page's language is set on the
  // document element before anything renders, for screen readers and
  // hyphenation; then the post-render accessibility step (src/components/a11y-fixes.ts).
  head: ({path}: {path: string}) =>
    `<script>document.documentElement.lang = "en";</script><script>${accessibilityFixesScript}</script><link rel="icon" href="data:,"><style>${fontFaceCss(fontBase(path))}</style>`,
  pages: [...listed, ...(unlisted.pages.length > 0 ? [{name: "More", pages: unlisted.pages}] : [])],
  // Published at stable URLs (besides the hashed copies pages link to), so
  // engineers and tools can fetch the monitoring spec and its schema by name.
  // The font files too, unhashed, so the @font-face rules in each page's head can name them.
  dynamicPaths: ["/data/monitoring-spec.json", "/monitoring-spec.schema.json", "/monitor-result.schema.json", ...fontPaths()],
  // Links end in .html (./drift.html, not ./drift), so the site works on any
  // plain static server from any folder, not only on hosts that add the extension.
  preserveExtension: true,
  pager: false,
  // Framework's search: an index built into the site (_observablehq/minisearch.json), so it works offline.
  search: true,
  footer: ({path}: {path: string}) => (version ? stampHtml(version, relativeRoot(path) + "version.json") : ""),
};

/**
 * The font folder's URL from a page. The built site publishes the files at
 * fonts/ (dynamic paths); the preview serves loader output only under /_file/.
 */
function fontBase(path: string): string {
  return process.argv.includes("preview") ? `/_file/${fontFolder}/` : `${relativeRoot(path)}${fontFolder}/`;
}

/** From a page's path to the site root, so links work from any folder the site is served under. */
function relativeRoot(path: string): string {
  const depth = path.split("/").length - 2;
  return depth > 0 ? "../".repeat(depth) : "./";
}
