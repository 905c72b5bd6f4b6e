import {closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {generateProductionCsv} from "./generate.js";

/**
 * The issue-16 benchmark's inputs: a generated log of N rows (default one
 * million) as daily files, the same rows twice, in two data folders (each
 * with the seed model and statistics): csv/logs/<day>.csv (the log's bytes
 * cut at each new day) and parquet/logs/<day>.parquet (each day's CSV
 * written by DuckDB, its default Snappy unless CODEC is given). Prints the
 * folder; time the tables CLI on each with any process timer. The folder is
 * the caller's to delete.
 *   npm run bench:daily -- [ROWS] [CODEC]
 */
const rows = Number(process.argv[2] ?? 1_000_000);
const codec = process.argv[3] ?? "snappy";
const seed = process.env.REPORT_DATA_DIR || "data";
const root = mkdtempSync(join(tmpdir(), "report-daily-"));
const full = join(root, "log.csv");
generateProductionCsv(join(seed, "production_simulation.csv"), full, {rows});
const folders = {csv: join(root, "csv"), parquet: join(root, "parquet")};
for (const dir of Object.values(folders)) {
  mkdirSync(join(dir, "logs"), {recursive: true});
  for (const f of ["production_model.rds", "training_stats.rds"]) copyFileSync(join(seed, f), join(dir, f));
}
const days = splitByDay(full, join(folders.csv, "logs"));
rmSync(full);
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
for (const day of days) {
  const from = join(folders.csv, "logs", `${day}.csv`).replace(/'/g, "''");
  const to = join(folders.parquet, "logs", `${day}.parquet`).replace(/'/g, "''");
  // DuckDB keeps a file's row order when it reads and writes it (insertion order is preserved by default).
  await c.run(`COPY (SELECT * FROM read_csv('${from}')) TO '${to}' (FORMAT parquet, COMPRESSION ${codec})`);
}
c.closeSync();
process.stdout.write(`${root}\n`);

/** Cuts a log in date order into one file per day (each with the header), byte for byte; returns the days. */
function splitByDay(file: string, dir: string): string[] {
  const fd = openSync(file, "r");
  const block = Buffer.allocUnsafe(1 << 24);
  let carry = Buffer.alloc(0);
  let header: Buffer | null = null;
  let day = "";
  let out = -1;
  const days: string[] = [];
  try {
    for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; ) {
      const buf = Buffer.concat([carry, block.subarray(0, n)]);
      let start = 0;
      for (let end = buf.indexOf(10, start); end !== -1; start = end + 1, end = buf.indexOf(10, start)) {
        const line = buf.subarray(start, end + 1);
        if (header === null) {
          header = Buffer.from(line);
          continue;
        }
        // The generator writes the date second, quoted: "P123","2026-10-01",…
        const comma = line.indexOf(44);
        const lineDay = line.toString("latin1", comma + 2, comma + 12);
        if (lineDay !== day) {
          if (out >= 0) closeSync(out);
          day = lineDay;
          days.push(day);
          out = openSync(join(dir, `${day}.csv`), "w");
          writeSync(out, header);
        }
        writeSync(out, line);
      }
      carry = Buffer.from(buf.subarray(start));
    }
  } finally {
    closeSync(fd);
    if (out >= 0) closeSync(out);
  }
  return days;
}
