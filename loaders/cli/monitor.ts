/**
 * The daily monitoring job:
 *
 *   npm run --silent monitor -- --data DIR [--day YYYY-MM-DD] [--format text|json]
 *
 * judges one calendar day (default: the log's last) by every rule of
 * monitoring-spec.json, exactly as the report's replay does: it is the same
 * code path (reportTables, then the replay's status for that day), so repeated
 * runs read the per-file cache and cost little.
 *
 * Exit status, the monitoring-plugin convention (Nagios, Icinga, Sensu):
 * 0 every rule green; 1 the worst is yellow; 2 the worst is red; 3 cannot
 * judge: some rule has no value and none is yellow or red (too few rows in a
 * window, a column absent), the day is not in the log, bad input, a usage
 * mistake, or a bug. A usage mistake exits 3, not the 2 of the other CLIs:
 * here 2 means red, and the plugin guidelines give invalid arguments UNKNOWN.
 * Stdout carries only the result; problems go to stderr in one line.
 */
import {availableParallelism} from "node:os";
import {InputError} from "../errors.js";
import type {JobMetric, JobResult} from "../monitoring/index.js";
// Only what start-up needs is imported here (the worker pool): the workers start while the engine's modules load.
import {startRangeWorkers} from "../pass/worker-pool.js";
import {progressLine} from "./progress.js";
import {runCli} from "./run.js";

const USAGE = `usage: npm run --silent monitor -- --data DIR [--day YYYY-MM-DD] [--format text|json]

Judges one day of the production log by every rule of the monitoring spec,
exactly as the report's replay does, and prints each rule's level, value,
thresholds and rows (the worst features for per-feature rules).

  --data DIR       the data folder (production log, model, training statistics)
  --day DAY        the calendar day to judge (default: the log's last day)
  --format FORMAT  text (default: a status line, then a table) or json
                   (src/monitor-result.schema.json)
  -h, --help       print this help and exit

exit status: 0 all green; 1 worst is yellow; 2 worst is red; 3 cannot judge
(a rule without a value and nothing yellow or red, a day outside the log, bad
input, a usage mistake), with its one-line reason.
`;

/** Exit status when the day cannot be judged (and for usage mistakes and bugs: UNKNOWN, never a colour). */
const cannotJudge = 3;

class UsageError extends Error {}

const command = "npm run monitor --";

interface Options {
  help: boolean;
  data: string | null;
  day: string | null;
  format: "text" | "json";
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {help: false, data: null, day: null, format: "text"};
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      options.help = true;
      continue;
    }
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, null];
    if (name !== "--data" && name !== "--day" && name !== "--format") throw new UsageError(arg.startsWith("-") ? `unknown option ${name}` : `unexpected argument ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === null && value.startsWith("--"))) throw new UsageError(`${name} needs a value`);
    if (name === "--data") options.data = value;
    else if (name === "--day") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw new UsageError(`--day ${value} is not a calendar day (YYYY-MM-DD)`);
      options.day = value;
    } else {
      if (value !== "text" && value !== "json") throw new UsageError(`--format ${value}: expected text or json`);
      options.format = value;
    }
  }
  if (!options.help && options.data === null) throw new UsageError("--data DIR is required");
  return options;
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`error: ${error.message} (${command} --help shows the usage)\n`);
  process.exit(cannotJudge);
}

if (options.help) {
  process.stdout.write(USAGE);
} else {
  runCli(() => main(options), {input: cannotJudge, usage: cannotJudge, internal: cannotJudge});
}

async function main({data, day, format}: Options): Promise<void> {
  if (data === null) throw new Error("--data was checked");
  const threads = availableParallelism();
  startRangeWorkers(threads);
  const [{reportTables}, {judgeDay}] = await Promise.all([import("../pipeline/index.js"), import("../monitoring/index.js")]);
  const progress = progressLine("reading");
  let result: JobResult;
  try {
    const tables = await reportTables(data, {threads, progress: progress.update});
    progress.done();
    result = judgeDay(tables.monitoring, day ?? tables.monitoring.window.last);
  } catch (error) {
    // A JSON reader still gets a result to parse: the day cannot be judged, and why.
    if (error instanceof InputError && format === "json") process.stdout.write(JSON.stringify(unjudged(day, error.message), null, 2) + "\n");
    throw error;
  }
  process.stdout.write(format === "json" ? JSON.stringify(result, null, 2) + "\n" : textOf(result));
  process.exitCode = result.status;
}

/** The JSON of a day that could not be judged at all (no tables: bad input, or the day outside the log). */
function unjudged(day: string | null, reason: string): Omit<JobResult, "log" | "day"> & {day: string | null; log: null} {
  return {day, level: "no_data", status: 3, reason, log: null, metrics: [], alerts: []};
}

const statusWord = {green: "OK", yellow: "WARNING", red: "CRITICAL", no_data: "UNKNOWN"} as const;

/** A status line in the plugin style (what Nagios shows), then one row per rule and the worst features. */
export function textOf(r: JobResult): string {
  const byLevel = (level: JobMetric["level"]) => r.metrics.filter((m) => m.level === level).map((m) => m.id);
  const summary = (["red", "yellow", "no_data", "green"] as const)
    .map((level) => [level, byLevel(level)] as const)
    .filter(([, ids]) => ids.length > 0)
    .map(([level, ids]) => `${level === "no_data" ? "no data" : level} ${ids.join(", ")}`)
    .join("; ");
  const head = `MONITOR ${statusWord[r.level]} (${r.level === "no_data" ? "cannot judge" : r.level}) - ${r.day}: ${summary}`;
  const rows = r.metrics.map((m) => [
    m.name,
    m.level === "no_data" ? "no data" : m.level,
    m.value === null ? "-" : fmt(m.value, m),
    m.subject ?? "",
    `${side(m)} ${fmt(m.yellow, m, false)}`,
    `${side(m)} ${fmt(m.red, m, false)}`,
    m.window.kind === "day" ? m.window.last_day : `${m.window.first_day}..${m.window.last_day.slice(5)}`,
    String(m.n),
  ]);
  const table = [["rule", "level", "value", "subject", "yellow", "red", "window", "n"], ...rows];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const lines = table.map((row) => row.map((cell, c) => (c === 2 || c === 7 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd());
  for (const m of r.metrics) {
    if (m.features === null) continue;
    const worst = m.features.filter((f) => f.value !== null).slice(0, 3);
    // No feature with a value (the window too small): the rule's own "no data" line says why.
    if (worst.length === 0) continue;
    lines.push(`${m.name}, worst of ${m.subjects}: ${worst.map((f) => `${f.subject} ${f.value === null ? "no data" : fmt(f.value, m)} ${f.level}`).join(", ")}${m.alerting > 0 ? ` (${m.alerting} alerting)` : ""}`);
  }
  for (const m of r.metrics) if (m.reason) lines.push(`${m.name}: no data, ${m.reason}`);
  // The alert count the frequency rule judges leaves out that rule's own alert.
  const fired = r.alerts.filter((a) => a.metric !== "alerts_per_day");
  const count = (level: "yellow" | "red") => fired.filter((a) => a.level === level).length;
  lines.push(`${fired.length} alert${fired.length === 1 ? "" : "s"} from the metric rules (${count("red")} red, ${count("yellow")} yellow), ${fired.filter((a) => a.new).length} new`);
  return [head, ...lines].join("\n") + "\n";
}

function side(m: JobMetric): string {
  return m.direction === "below" ? "<" : m.direction === "abs_above" ? "|x| >" : ">";
}

/** A value in its metric's unit (mean shifts signed), rounded for reading; the JSON keeps every digit. */
function fmt(value: number, m: JobMetric, signed = m.direction === "abs_above"): string {
  if (m.unit === "USD") return `$${value.toFixed(2)}`;
  if (m.unit === "ms") return `${value.toFixed(1)} ms`;
  if (m.unit === "alerts") return String(value);
  if (m.unit === "training SD") return `${signed && value > 0 ? "+" : ""}${value.toFixed(3)} SD`;
  const text = `${value.toFixed(1)}%`;
  return signed && value > 0 ? `+${text}` : text;
}
