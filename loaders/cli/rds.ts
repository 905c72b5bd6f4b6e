/**
 * Inspect .rds files without R:
 *
 *   npm run --silent rds -- [options] PATH...
 *   node --import tsx loaders/cli/rds.ts [options] PATH...
 *
 * prints one JSON line per file, in the description format of
 * test/fixtures/rds-vectors (type, values, attributes; loaders/rds/describe.ts).
 * A PATH is a file, a folder (its *.rds files, recursively, in sorted order) or
 * `-` (newline-separated paths on standard input, for lists longer than a
 * command line). `npm run` passes its arguments to sh -c as one string, which
 * Linux caps at 128 KiB (MAX_ARG_STRLEN): beyond that npm fails with E2BIG
 * before this file runs (exit 249, and --silent hides npm's message). Run by
 * node directly, the limit is the system's ARG_MAX for all arguments together.
 *
 * Stdout carries only the descriptions. Stderr gets one line per problem, and a
 * progress count only when it is a terminal. Exit status: 0 every file printed;
 * 1 some path could not be read (a file R's reader refuses, a missing path, a
 * folder with no .rds file, `-` with no paths) -- the others are still printed;
 * 2 a usage mistake (unknown option, no PATH). Mistakes never print a stack
 * trace; a bug in the reader does, with DEBUG=1.
 *
 * Self-contained on purpose: the common CLI conventions will be shared later.
 */
import {readdir, readFile, realpath, stat} from "node:fs/promises";
import {join} from "node:path";
import {describeToJson, RdsError, readRds} from "../rds/index.js";

const USAGE = `usage: npm run --silent rds -- [options] PATH...

Prints what R reports about each .rds file (type, values, attributes) as one
line of JSON, in the description format of test/fixtures/rds-vectors.

PATH   an .rds file; a folder: every *.rds file under it, recursively, sorted;
       or - : newline-separated paths (files or folders) on standard input

options:
  -h, --help   print this help and exit
  --           every later argument is a PATH, even if it starts with -

exit status: 0 all printed; 1 some path could not be read (one line each on
stderr, the other files are still printed); 2 usage mistake.

npm runs the script through sh -c as one string, which Linux caps at 128 KiB:
for more paths than that, give folders, pipe the paths to -, or run
node --import tsx loaders/cli/rds.ts PATH... directly.
`;

const debug = process.env.DEBUG === "1";

class UsageError extends Error {}

/** One thing to print: a file to describe, or a problem already phrased for stderr. */
type Item = {file: string} | {problem: string};

function parseArgs(argv: string[]): {help: boolean; paths: string[]} {
  const paths: string[] = [];
  let help = false;
  let options = true;
  for (const a of argv) {
    if (options && a === "--") options = false;
    else if (options && (a === "-h" || a === "--help")) help = true;
    else if (options && a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!help && paths.length === 0) throw new UsageError("no PATH given");
  return {help, paths};
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The files to read, in argument order: `-` is replaced by the paths on standard input, folders by their files. */
async function collect(paths: string[]): Promise<Item[]> {
  const items: Item[] = [];
  let stdinRead = false;
  for (const p of paths) {
    if (p !== "-") {
      items.push(...(await expand(p)));
      continue;
    }
    const lines = stdinRead ? [] : (await readStdin()).split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.trim() !== "");
    stdinRead = true;
    if (lines.length === 0) items.push({problem: "-: no paths on standard input"});
    for (const line of lines) items.push(...(await expand(line)));
  }
  return items;
}

/** A PATH as files to read: a folder becomes its sorted *.rds files (or one problem line). */
async function expand(path: string): Promise<Item[]> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    return [{file: path}]; // reading it reports the reason, in order
  }
  if (!isDir) return [{file: path}];
  const files: string[] = [];
  const problems: Item[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      const real = await realpath(dir);
      if (seen.has(real)) return; // a symbolic link back up the tree
      seen.add(real);
      entries = await readdir(dir, {withFileTypes: true});
    } catch (e) {
      problems.push({problem: `${dir}: ${reason(e)}`});
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      let kind: "dir" | "file" | "other" = e.isDirectory() ? "dir" : e.isFile() ? "file" : "other";
      if (e.isSymbolicLink()) {
        try {
          const st = await stat(p);
          kind = st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
        } catch {
          kind = "other"; // a dangling link
        }
      }
      if (kind === "dir") await walk(p);
      else if (kind === "file" && e.name.endsWith(".rds")) files.push(p);
    }
  };
  await walk(path);
  files.sort();
  if (files.length === 0 && problems.length === 0) problems.push({problem: `${path}: no .rds files in this folder`});
  return [...problems, ...files.map((file) => ({file}))];
}

function reason(e: unknown): string {
  if (typeof e === "object" && e !== null && "code" in e) {
    if (e.code === "ENOENT") return "no such file";
    if (e.code === "EISDIR") return "is a directory";
    if (e.code === "EACCES" || e.code === "EPERM") return "permission denied";
    if (e.code === "ENOTDIR") return "not a directory";
    if (e.code === "ELOOP") return "too many symbolic links";
  }
  if (e instanceof RdsError) return e.message;
  // Anything else is a bug in the reader, not a problem with the file.
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return debug && e instanceof Error && e.stack ? `internal error: ${e.stack}` : `internal error: ${message} (DEBUG=1 shows the trace)`;
}

/** Writes to stdout, waiting when the pipe is full; false once the reader has gone (EPIPE). */
function stdoutWriter(): (line: string) => Promise<boolean> {
  let closed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") closed = true;
    else throw e;
  });
  return async (line) => {
    if (closed) return false;
    if (!process.stdout.write(line)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          process.stdout.off("drain", done);
          process.stdout.off("error", done);
          resolve();
        };
        process.stdout.once("drain", done);
        process.stdout.once("error", done);
      });
    }
    return !closed;
  };
}

/** "12/400 files" on a terminal's stderr, at most every 200 ms, erased at the end. */
function progress(total: number): {tick(done: number): void; end(): void} {
  if (!process.stderr.isTTY || total < 50) return {tick() {}, end() {}};
  let last = Date.now(); // nothing for runs shorter than 200 ms
  let shown = false;
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      process.stderr.write(`\rrds: ${done}/${total} files`);
    },
    end() {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rds: ${e.message} (npm run rds -- --help shows the usage)\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const items = await collect(args.paths);

  const write = stdoutWriter();
  const bar = progress(items.length);
  let status = 0;
  let done = 0;
  for (const item of items) {
    bar.tick(done++);
    if ("problem" in item) {
      bar.end();
      process.stderr.write(`rds: ${item.problem}\n`);
      status = 1;
      continue;
    }
    let line: string;
    try {
      line = `${describeToJson(await readRds(new Uint8Array(await readFile(item.file))))}\n`;
    } catch (e) {
      bar.end();
      process.stderr.write(`rds: ${item.file}: ${reason(e)}\n`);
      status = 1;
      continue;
    }
    if (!(await write(line))) break; // the reader of stdout stopped listening (e.g. | head)
  }
  bar.end();
  return status;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    // Only a bug gets here.
    const trace = e instanceof Error ? (debug ? (e.stack ?? e.message) : `${e.name}: ${e.message} (DEBUG=1 shows the trace)`) : String(e);
    process.stderr.write(`rds: internal error: ${trace}\n`);
    process.exitCode = 1;
  },
);
