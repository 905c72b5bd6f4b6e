import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

/**
 * The body face of Framework's default theme, Source Serif 4, self-hosted
 * from its npm package (@fontsource-variable/source-serif-4) instead of
 * Google Fonts: the site fetches nothing from another origin, and builds need
 * no network. The package's own stylesheets give each file's weights and
 * unicode range; only the subsets the report's text uses are published (a
 * browser downloads a subset only when a page holds one of its characters).
 */

const fontPackage = "@fontsource-variable/source-serif-4";
/** Latin and its extension for the prose, Greek for λ. */
const subsets = ["latin", "latin-ext", "greek"] as const;
/** The optical-size files (weights 200–900 and the opsz axis), as Framework's default Google Fonts request asks. */
const stylesheets = ["opsz.css", "opsz-italic.css"] as const;
/** The family Framework's `--serif` stack names first. */
const family = "Source Serif 4";

/** Where the site publishes the font files, from its root (dynamic paths: stable, unhashed). */
export const fontFolder = "fonts";

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${fontPackage}/package.json`));
}

interface FontFace {
  /** The file name, e.g. source-serif-4-latin-opsz-normal.woff2. */
  file: string;
  /** The @font-face rule, its src left as `{url}`. */
  rule: string;
}

let cached: FontFace[] | undefined;

/** The package's @font-face rules for the published subsets. */
function faces(): FontFace[] {
  if (cached) return cached;
  const dir = packageDir();
  const found: FontFace[] = [];
  for (const sheet of stylesheets) {
    const css = readFileSync(join(dir, sheet), "utf8");
    for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const src = /url\(\.\/files\/([\w-]+\.woff2)\)/.exec(block[1]);
      if (!src || !subsets.some((s) => src[1].includes(`-${s}-opsz-`))) continue;
      const body = block[1].replace(/font-family:[^;]*;/, `font-family: "${family}";`).replace(/url\(\.\/files\/[\w-]+\.woff2\)/, "url({url})");
      found.push({file: src[1], rule: `@font-face {${body}}`});
    }
  }
  if (found.length < subsets.length * stylesheets.length) throw new Error(`${fontPackage}: expected ${subsets.join(", ")} in ${stylesheets.join(", ")}`);
  return (cached = found);
}

/** The published font files' paths from the site root (/fonts/….woff2), for Framework's dynamicPaths. */
export function fontPaths(): string[] {
  return faces().map((f) => `/${fontFolder}/${f.file}`);
}

/** The @font-face rules, each file's URL as `base` + its name (base: the folder's URL as a page sees it). */
export function fontFaceCss(base: string): string {
  return faces()
    .map((f) => f.rule.replace("{url}", JSON.stringify(base + f.file)))
    .join("\n");
}

/** One published font file's bytes (for the site's font loader), or null when it is not one of them. */
export function fontFile(name: string): Buffer | null {
  const face = faces().find((f) => f.file === name);
  return face ? readFileSync(join(packageDir(), "files", face.file)) : null;
}
