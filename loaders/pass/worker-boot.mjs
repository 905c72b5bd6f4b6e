// Worker threads do not inherit tsx's TypeScript loader: load the worker's
// TypeScript entry through tsx's API.
import {workerData} from "node:worker_threads";
import {tsImport} from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
