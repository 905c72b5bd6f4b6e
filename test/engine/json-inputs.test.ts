import {copyFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {expect, it} from "vitest";
import {loadInputs} from "../../loaders/inputs/load.js";
import {buildTables} from "../../loaders/pipeline/tables.js";
import {dataCopy, expectClose, root, seedData} from "../builders/helpers.js";

// Teams without R hand in JSON: the same model and statistics must give the same report.
it("the JSON equivalents of the model and the statistics give R's tables", async () => {
  const dir = dataCopy((d) => {
    for (const name of ["production_model", "training_stats"]) {
      rmSync(join(d, `${name}.rds`));
      copyFileSync(join(root, `test/fixtures/inputs/${name}.json`), join(d, `${name}.json`));
    }
  });
  const fromJson = buildTables(await loadInputs(dir));
  const fromRds = buildTables(await loadInputs(seedData));
  expect(fromJson.inputs.model.features).toEqual(fromRds.inputs.model.features);
  // jsonlite writes 15 significant digits, so agreement is to ~1e-14, not bit for bit.
  fromRds.scores.prediction.forEach((p, i) => expectClose(fromJson.scores.prediction[i], p, 1e-12));
  expectClose(fromJson.performance.overall.rmse, fromRds.performance.overall.rmse, 1e-12);
  fromRds.drift.features.forEach((f, j) => expectClose(fromJson.drift.features[j].sd_change_pct, f.sd_change_pct!, 1e-9));
  expect(fromJson.drift.severe_count).toBe(fromRds.drift.severe_count);
});
