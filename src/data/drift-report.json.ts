import {emit} from "../../loaders/cli/emit.js";

emit((t) => t.driftReport);
