import {toJson} from "../json.js";
import {siteTables} from "../site.js";
import type {Tables} from "../tables.js";
import {runCli} from "./run.js";

/**
 * The whole body of a site data loader: compute the tables, print one slice as
 * JSON. A bad input fails the loader (and so the build) with the CLI's message.
 */
export function emit(slice: (tables: Tables) => unknown): void {
  runCli(async () => {
    process.stdout.write(toJson(slice(await siteTables())));
  });
}
