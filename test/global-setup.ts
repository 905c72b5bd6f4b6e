import {rmSync} from "node:fs";

/** Removes the suites' shared cache folder (vitest.config.ts) after the run. */
export default function setup(): () => void {
  return () => {
    const dir = process.env.REPORT_CACHE_DIR;
    if (dir) rmSync(dir, {recursive: true, force: true});
  };
}
