/**
 * The rds CLI against R itself, file by file, on every .rds under some folders
 * (by default R's own library: `R RHOME`, /usr/share/R, /usr/local/lib/R):
 *
 *   node --import tsx bench/rds-library.ts [--r-lines FILE] [--save-r FILE] [PATH|DIR ...]
 *
 * Runs `node --import tsx loaders/cli/rds.ts -` (paths on stdin) and
 * `Rscript test/fixtures/rds-extra/describe-files.R -` on the same sorted list,
 * parses both descriptions keeping duplicate keys and -0, and prints each file
 * whose descriptions differ, with the first place they differ. R takes minutes
 * on the whole library: --save-r FILE keeps its lines, --r-lines FILE reuses
 * them (same list of files). Exit status 0 when no file differs, 1 otherwise.
 * Needs R; not a test.
 */
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

function parseArgs(argv: string[]): {paths: string[]; rLines?: string; saveR?: string} {
  const out: {paths: string[]; rLines?: string; saveR?: string} = {paths: []};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--r-lines" || a === "--save-r") {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a file`);
      if (a === "--r-lines") out.rLines = v;
      else out.saveR = v;
    } else out.paths.push(a);
  }
  return out;
}

function defaultRoots(): string[] {
  const rhome = spawnSync("R", ["RHOME"], {encoding: "utf8"}).stdout.trim();
  return [rhome, "/usr/share/R", "/usr/local/lib/R"].filter((d) => d !== "" && existsSync(d));
}

/** Every *.rds under the paths, each real file once, sorted. */
function collect(paths: string[]): string[] {
  const found = new Map<string, string>();
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) walk(join(p, e));
    } else if (p.endsWith(".rds") && st.isFile()) {
      const real = realpathSync(p);
      if (!found.has(real)) found.set(real, p);
    }
  };
  for (const p of paths) walk(p);
  return [...found.values()].sort();
}

// JSON with objects as ordered entries, so duplicate keys and key order count.
type J = null | boolean | number | string | J[] | {entries: [string, J][]};

function parseJson(text: string): J {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const value = (): J => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: [string, J][] = [];
      ws();
      if (text[i] === "}") return i++, {entries};
      for (;;) {
        ws();
        const k = value();
        if (typeof k !== "string") throw new Error(`key expected at ${i}`);
        ws();
        if (text[i++] !== ":") throw new Error(`: expected at ${i}`);
        entries.push([k, value()]);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return i++, {entries};
        else throw new Error(`, or } expected at ${i}`);
      }
    }
    if (c === "[") {
      i++;
      const items: J[] = [];
      ws();
      if (text[i] === "]") return i++, items;
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return i++, items;
        else throw new Error(`, or ] expected at ${i}`);
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/su.exec(text.slice(i));
      if (m === null) throw new Error(`bad string at ${i}`);
      i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(text.slice(i, i + 40));
    if (m === null) throw new Error(`unexpected ${JSON.stringify(text.slice(i, i + 10))} at ${i}`);
    i += m[0].length;
    return m[0] === "true" ? true : m[0] === "false" ? false : m[0] === "null" ? null : Number(m[0]);
  };
  const v = value();
  ws();
  if (i !== text.length) throw new Error(`trailing text at ${i}`);
  return v;
}

/** The first place two descriptions differ ("" when they do not). */
function difference(a: J, b: J, at = "$"): string {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) ? "" : at;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return at;
    for (let k = 0; k < a.length; k++) {
      const d = difference(a[k], b[k], `${at}[${k}]`);
      if (d) return d;
    }
    return "";
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    if (a.entries.length !== b.entries.length) return at;
    for (let k = 0; k < a.entries.length; k++) {
      const [ka, va] = a.entries[k];
      const [kb, vb] = b.entries[k];
      if (ka !== kb) return `${at} (key ${JSON.stringify(ka)} / ${JSON.stringify(kb)})`;
      const d = difference(va, vb, `${at}.${ka}`);
      if (d) return d;
    }
    return "";
  }
  return a === b ? "" : at;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const files = collect(args.paths.length ? args.paths : defaultRoots());
  const stdin = `${files.join("\n")}\n`;
  const big = 1 << 30;

  const cli = spawnSync(process.execPath, ["--import", "tsx", `${root}loaders/cli/rds.ts`, "-"], {input: stdin, maxBuffer: big, cwd: root});
  // Files the reader could not read get a line on stderr ("rds: PATH: reason") and none on stdout.
  const failed = new Set<string>();
  for (const line of cli.stderr.toString("utf8").split("\n")) {
    const m = /^rds: (.*): [^:]*$/.exec(line);
    if (m && files.includes(m[1])) failed.add(m[1]);
    else if (line.trim() !== "") process.stderr.write(`cli: ${line}\n`);
  }
  const cliLines = cli.stdout.toString("utf8").split("\n");
  const ours = new Map<string, string>();
  let n = 0;
  for (const f of files) if (!failed.has(f)) ours.set(f, cliLines[n++]);

  let rText: string;
  if (args.rLines) rText = readFileSync(args.rLines, "utf8");
  else {
    const r = spawnSync("Rscript", [`${root}test/fixtures/rds-extra/describe-files.R`, "-"], {input: stdin, maxBuffer: big});
    rText = r.stdout.toString("utf8");
    if (args.saveR) writeFileSync(args.saveR, rText);
  }
  const rLines = rText.split("\n");
  if (rLines.length < files.length) throw new Error(`R printed ${rLines.length} lines for ${files.length} files`);

  let differ = 0;
  let rFailed = 0;
  files.forEach((f, k) => {
    const theirs = parseJson(rLines[k]);
    const isError = theirs !== null && typeof theirs === "object" && !Array.isArray(theirs) && theirs.entries[0]?.[0] === "error";
    if (isError) rFailed++;
    const line = ours.get(f);
    if (line === undefined) {
      if (!isError) (differ++, console.log(`differs: ${f}: the reader failed, R read it`));
      return;
    }
    const d = difference(theirs, parseJson(line));
    if (d) {
      differ++;
      console.log(`differs: ${f} at ${d}`);
    }
  });
  console.log(`${files.length} files compared: ${differ} differ; the reader failed on ${failed.size}, R on ${rFailed}`);
  return differ === 0 ? 0 : 1;
}

process.exitCode = main();
