import {fontFile} from "../../loaders/site/index.js";

// The site's self-hosted font files (fonts/<file>.woff2), copied from their npm package: see loaders/site/fonts.ts.
const name = /^--file=(.+)$/.exec(process.argv.find((a) => a.startsWith("--file=")) ?? "")?.[1] ?? "";
const bytes = fontFile(`${name}.woff2`);
if (bytes === null) {
  process.stderr.write(`error: no font file fonts/${name}.woff2\n`);
  process.exit(1);
}
process.stdout.write(bytes);
