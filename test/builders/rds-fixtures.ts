// Shared paths and readers for the rds tests.
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const vectorsDir = `${root}test/fixtures/rds-vectors/`;
export const extraDir = `${root}test/fixtures/rds-extra/`;

export function bytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function json(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}
