import {runCli} from "../../loaders/cli/run.js";
import {toJson} from "../../loaders/pipeline/index.js";
import {siteDataDir} from "../../loaders/site/index.js";
import {versionStamp} from "../../loaders/site/index.js";

// The build time comes from `npm run build`, so this matches the footer and version.json.
runCli(() => {
  process.stdout.write(toJson(versionStamp(siteDataDir(), new Date(process.env.REPORT_BUILT_AT || Date.now()))));
});
