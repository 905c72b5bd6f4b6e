import {emit} from "../../loaders/cli/emit.js";

emit("memo");
