import {toJson} from "../json.js";
import {siteTables} from "../site.js";
import type {Tables} from "../tables.js";
import {runCli} from "./run.js";

/**
 * The whole body of a site data loader: compute the tables, print one slice as
 * JSON (indented when the file is read by people, e.g. a published spec). A
 * bad input fails the loader (and so the build) with the CLI's message.
 */
export function emit(slice: (tables: Tables) => unknown, indent?: number): void {
  runCli(async () => {
    process.stdout.write(toJson(slice(await siteTables()), indent));
  });
}
