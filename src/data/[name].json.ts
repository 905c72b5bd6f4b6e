import {emit} from "../../loaders/cli/emit.js";

// Every data file of the site (data/performance.json, data/drift-report.json, …), by name: see loaders/site/files.ts.
emit(process.argv.slice(2));
