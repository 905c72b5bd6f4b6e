/**
 * Inspect .rds files without R:
 *
 *   npm run --silent rds -- FILE...
 *
 * prints one JSON line per file, in argument order, in the description format
 * of test/fixtures/rds-vectors (type, values, attributes). A file that cannot
 * be read gets a one-line error on stderr, the others are still printed, and
 * the exit status is 1.
 */
import {readFile} from "node:fs/promises";
import {describeToJson, readRds} from "../rds/index.js";

const USAGE = "usage: npm run --silent rds -- FILE.rds [FILE.rds ...]";

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  let status = 0;
  for (const file of args) {
    try {
      const value = await readRds(new Uint8Array(await readFile(file)));
      process.stdout.write(`${describeToJson(value)}\n`);
    } catch (e) {
      process.stderr.write(`rds: ${file}: ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function reason(e: unknown): string {
  if (typeof e === "object" && e !== null && "code" in e) {
    if (e.code === "ENOENT") return "no such file";
    if (e.code === "EISDIR") return "is a directory";
    if (e.code === "EACCES") return "permission denied";
  }
  return e instanceof Error ? e.message : String(e);
}

process.exitCode = await main(process.argv.slice(2));
