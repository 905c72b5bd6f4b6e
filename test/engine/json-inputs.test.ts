import {copyFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {expect, it} from "vitest";
import {reportTables} from "../../loaders/pipeline/index.js";
import {freshCache} from "../builders/engine.js";
import {dataCopy, expectClose, root, seedData} from "../builders/helpers.js";

// Teams without R hand in JSON: the same model and statistics must give the same report.
it("the JSON equivalents of the model and the statistics give R's tables", async () => {
  const dir = dataCopy((d) => {
    for (const name of ["production_model", "training_stats"]) {
      rmSync(join(d, `${name}.rds`));
      copyFileSync(join(root, `test/fixtures/inputs/${name}.json`), join(d, `${name}.json`));
    }
  });
  const fromJson = (await reportTables(dir, {cacheDir: freshCache()}));
  const fromRds = (await reportTables(seedData, {cacheDir: freshCache()}));
  expect(fromJson.inputs.model.features).toEqual(fromRds.inputs.model.features);
  // jsonlite writes 15 significant digits, so agreement is to ~1e-14, not bit for bit.
  fromRds.inputs.log.kept.prediction.forEach((p, i) => expectClose(fromJson.inputs.log.kept.prediction[i], p, 1e-12));
  expectClose(fromJson.performance.overall.rmse, fromRds.performance.overall.rmse, 1e-12);
  fromRds.drift.features.forEach((f, j) => expectClose(fromJson.drift.features[j].sd_change_pct, f.sd_change_pct!, 1e-9));
  expect(fromJson.drift.severe_count).toBe(fromRds.drift.severe_count);
});
