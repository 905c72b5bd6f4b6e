import {tmpdir} from "node:os";
import {join} from "node:path";
import {defineConfig} from "vitest/config";

// The suites' runs share a cache of their own, never the project's; test/global-setup.ts removes it after the run.
process.env.REPORT_CACHE_DIR = join(tmpdir(), `report-test-cache-${process.pid}`);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Many suites run the tables CLI once in beforeAll: 10 s (the default) is too short on a loaded 2-core machine.
    hookTimeout: 120_000,
    globalSetup: ["test/global-setup.ts"],
  },
});
