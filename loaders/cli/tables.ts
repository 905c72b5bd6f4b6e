import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {InputError} from "../errors.js";
import {loadInputs} from "../inputs/load.js";
import {toJson} from "../json.js";
import {formatScoresCsv, scoresHeader} from "../scores-csv.js";
import {buildTables} from "../tables.js";
import {runCli} from "./run.js";

const usage = "usage: npm run tables -- --data DIR --out DIR";

runCli(async () => {
  const {values} = parseArgs({options: {data: {type: "string", default: "data"}, out: {type: "string"}, help: {type: "boolean"}}});
  if (values.help) return console.log(usage);
  if (!values.out) throw new InputError(`--out DIR is required (${usage})`);
  const tables = buildTables(await loadInputs(values.data));
  const outputs: [string, string][] = [
    ["performance.json", toJson(tables.performance, 2)],
    ["performance-detail.json", toJson(tables.performanceDetail, 2)],
    ["drift.json", toJson(tables.drift, 2)],
    ["monitoring.json", toJson(tables.monitoring, 2)],
    ["monitoring-spec.json", toJson(tables.monitoringSpec, 2)],
    ["retraining.json", toJson(tables.retraining, 2)],
    ["risk.json", toJson(tables.risk, 2)],
    ["memo.json", toJson(tables.memo, 2)],
    ["scores.csv", scoresHeader.join(",") + "\n" + formatScoresCsv(tables.inputs.production, tables.scores)],
  ];
  writeAll(values.out, outputs);
});

/** Everything is computed before anything is written; each file appears whole or not at all. */
function writeAll(dir: string, outputs: [string, string][]): void {
  mkdirSync(dir, {recursive: true});
  const temp = outputs.map(([name, text]) => {
    const path = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(path, text);
    return path;
  });
  try {
    outputs.forEach(([name], i) => renameSync(temp[i], join(dir, name)));
  } finally {
    temp.forEach((path) => rmSync(path, {force: true}));
  }
}
