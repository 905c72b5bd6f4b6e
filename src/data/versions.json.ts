import {emit} from "../../loaders/cli/emit.js";
import {readReleases} from "../../loaders/release-files.js";
import {releaseFigures, versionsView} from "../../loaders/releases.js";
import {siteDataDir} from "../../loaders/site.js";
import {versionStamp} from "../../loaders/version.js";

emit((t) => versionsView(releaseFigures(t), versionStamp(siteDataDir(), new Date()).inputs, readReleases()));
