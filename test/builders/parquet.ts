import {closeSync, openSync, statSync} from "node:fs";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import type {FileMetaData} from "hyparquet";
import {readParquetFooter} from "../../loaders/inputs/index.js";

/**
 * Parquet fixtures written at test time by DuckDB, the writer a data
 * engineer would use: the seed log is loaded once into a table `log` (with
 * its CSV's column types: VARCHAR ids, DATE, DOUBLE, BIGINT for the integer
 * columns) and a column `rn`, its line order, so every file written from it
 * keeps the CSV's row order. One thread, UTC: the same bytes every run.
 */
export interface ParquetWriter {
  /** Writes `select` (a query over `log`; its `rn` is dropped and its rows kept in `rn` order) to `path`. */
  write(path: string, select: string, options?: string): Promise<void>;
  run(sql: string): Promise<void>;
  close(): void;
}

export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function parquetWriter(csv: string): Promise<ParquetWriter> {
  const db = await DuckDBInstance.create(":memory:");
  const c: DuckDBConnection = await db.connect();
  await c.run("SET threads = 1");
  await c.run("SET TimeZone = 'UTC'");
  await c.run(`CREATE TABLE log AS SELECT row_number() OVER () AS rn, * FROM read_csv(${quote(csv)})`);
  return {
    async write(path, select, options = "COMPRESSION zstd") {
      await c.run(`COPY (SELECT * EXCLUDE (rn) FROM (${select}) ORDER BY rn) TO ${quote(path)} (FORMAT parquet, ${options})`);
    },
    async run(sql) {
      await c.run(sql);
    },
    close() {
      c.closeSync();
      db.closeSync();
    },
  };
}

/** A fixture's metadata, to check it is what a test says it is (codec, encodings, types). */
export function parquetMetadataOf(path: string): FileMetaData {
  const fd = openSync(path, "r");
  try {
    return readParquetFooter(fd, statSync(path).size, path);
  } finally {
    closeSync(fd);
  }
}

/** The codecs, encodings and declared types of a fixture's column, over its row groups. */
export function columnFacts(metadata: FileMetaData, column: string): {codecs: Set<string>; encodings: Set<string>; type: string} {
  const element = metadata.schema.find((e) => e.name === column);
  const chunks = metadata.row_groups.map((g) => g.columns.find((c) => c.meta_data?.path_in_schema[0] === column)?.meta_data);
  return {
    codecs: new Set(chunks.map((m) => m?.codec ?? "none")),
    encodings: new Set(chunks.flatMap((m) => m?.encodings ?? [])),
    type: `${element?.type ?? "?"}/${element?.logical_type?.type ?? element?.converted_type ?? "-"}`,
  };
}
