// Every command line answers --help with its usage on stdout (exit 0), and an
// unknown option with one line on stderr pointing at --help, an empty stdout
// and no stack trace: exit 2, except the monitor's 3 (its 2 means red to the
// monitoring tools that read it; README, "Exit codes"). Each CLI is started
// the way its package.json script starts it.
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {root} from "../builders/helpers.js";

const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {scripts: Record<string, string>}).scripts;

/** The script's command (`tsx FILE` or `node --import tsx FILE`) with more arguments, as npm would run it but without npm. */
function run(name: string, args: string[]) {
  const script = scripts[name];
  if (script === undefined) throw new Error(`package.json has no "${name}" script`);
  const [program, ...words] = script.split(" ");
  const command = program === "node" ? process.execPath : program === "tsx" ? join(root, "node_modules/.bin/tsx") : program;
  const result = spawnSync(command, [...words, ...args], {cwd: root, encoding: "utf8", env: {...process.env, DEBUG: ""}});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const clis: [name: string, usageStatus: number][] = [
  ["tables", 2],
  ["rds", 2],
  ["release", 2],
  ["bench", 2],
  ["build", 2],
  ["monitor", 3],
];

// Each case starts node and tsx (a second or two on a busy machine).
describe.each(clis)("npm run %s", {timeout: 60_000}, (name, usageStatus) => {
  it("--help prints the usage on stdout and exits 0", () => {
    const out = run(name, ["--help"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^usage: npm run (--silent )?\S+ --/);
    expect(out.stderr).toBe("");
  });

  it(`--bogus is one line on stderr, nothing on stdout, exit ${usageStatus}, no stack trace`, () => {
    const out = run(name, ["--bogus"]);
    expect(out.status).toBe(usageStatus);
    expect(out.stdout).toBe("");
    const lines = out.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--bogus/);
    expect(lines[0]).toMatch(/\(npm run \S+ -- --help shows the usage\)$/);
    expect(out.stderr).not.toMatch(/^\s+at .*[:(]/m);
  });
});
