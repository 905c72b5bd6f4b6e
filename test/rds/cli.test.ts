// The CLI prints one description line per file, in argument order (folders
// expanded to their sorted *.rds files, `-` to the paths on stdin); problems get
// one line each on stderr and exit 1; usage mistakes exit 2; --help exits 0.
import {spawnSync} from "node:child_process";
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe as suite, expect, it} from "vitest";
import {extraDir, json, root, vectorsDir} from "../builders/rds-fixtures.js";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as package.json's `rds` script runs it (node --import tsx, no wrapper in between). */
function rds(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(process.execPath, ["--import", "tsx", `${root}loaders/cli/rds.ts`, ...args], {
    cwd: root,
    encoding: "utf8",
    input,
    maxBuffer: 1 << 28,
    env: {...process.env, DEBUG: "", ...env},
  });
  return {status: run.status, stdout: run.stdout, stderr: run.stderr};
}

function expected(name: string): unknown {
  const e = json(`${vectorsDir}${name}.json`) as Record<string, unknown>;
  delete e.deparsed;
  return e;
}

const lines = (text: string): string[] => (text === "" ? [] : text.trimEnd().split("\n"));
const noTrace = (text: string): void => expect(text).not.toMatch(/^\s+at .*[:(]/m);

const scratch = mkdtempSync(join(tmpdir(), "rds-cli-"));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

const usageLine = /^usage: npm run --silent rds -- \[options\] PATH\.\.\.$/m;

/** A folder of copies: a.rds, b/c.rds, b/deeper/z.rds, and two files that are not *.rds. */
const folder = join(scratch, "folder");
mkdirSync(join(folder, "b", "deeper"), {recursive: true});
copyFileSync(`${extraDir}integers.xdr_v3.rds`, join(folder, "b", "deeper", "z.rds"));
copyFileSync(`${extraDir}strings.xdr_v3.rds`, join(folder, "a.rds"));
copyFileSync(`${extraDir}logicals.xdr_v3.rds`, join(folder, "b", "c.rds"));
writeFileSync(join(folder, "b", "notes.txt"), "not an rds file\n");
copyFileSync(`${extraDir}doubles.xdr_v3.rds`, join(folder, "b", "skipped.RData"));

// Each case starts node and tsx once or more (about a second each).
suite("npm run rds", {timeout: 60_000}, () => {
  it("prints each file's description as one JSON line, in order", () => {
    const names = ["double_special", "table_1d", "data_frame_factor", "dgCMatrix", "formula_object"];
    const encodings = ["none_v2", "xz_v3", "bzip2_v3", "gzip_v3", "gzip_v3"];
    const out = rds(names.map((n, i) => `${vectorsDir}${n}.${encodings[i]}.rds`));
    expect(out.status).toBe(0);
    expect(out.stderr).toBe("");
    const got = lines(out.stdout);
    expect(got).toHaveLength(names.length);
    got.forEach((line, i) => expect(JSON.parse(line)).toStrictEqual(expected(names[i])));
    expect(got[0]).toBe('{"type":"double","values":["NA","NaN","Inf","-Inf",-0]}');
  });

  it("reports an unreadable file on stderr in one line and exits 1, still printing the others", () => {
    const out = rds([`${root}package.json`, `${extraDir}integers.ascii_v3.rds`, `${root}missing.rds`]);
    expect(out.status).toBe(1);
    expect(lines(out.stdout)).toHaveLength(1);
    expect(lines(out.stderr)).toEqual([
      expect.stringMatching(/^rds: .*package\.json: not an R serialization .*\(at byte 0\)$/),
      expect.stringMatching(/^rds: .*missing\.rds: no such file$/),
    ]);
    noTrace(out.stderr);
  });

  it("--help and -h print the usage on stdout and exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const out = rds([flag]);
      expect(out.status).toBe(0);
      expect(out.stderr).toBe("");
      expect(out.stdout).toMatch(usageLine);
      expect(out.stdout).toMatch(/-h, --help/);
      expect(out.stdout).toMatch(/exit status: 0 .*; 1 .*/);
    }
  });

  it("an unknown option gets one line naming it and pointing at --help, exit 2 and no stack trace", () => {
    const out = rds(["--bogus", `${extraDir}integers.ascii_v3.rds`]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe("");
    expect(lines(out.stderr)[0]).toBe("rds: unknown option --bogus (npm run rds -- --help shows the usage)");
    // One line (the guide's convention): it names the mistake and points at --help.
    expect(lines(out.stderr)).toHaveLength(1);
    noTrace(out.stderr);
  });

  it("no PATH is a usage mistake (exit 2); after -- a dash-name is a path", () => {
    const none = rds([]);
    expect(none.status).toBe(2);
    expect(lines(none.stderr)[0]).toBe("rds: no PATH given (npm run rds -- --help shows the usage)");
    expect(lines(none.stderr)).toHaveLength(1);
    const dashed = rds(["--", "--not-an-option.rds"]);
    expect(dashed.status).toBe(1);
    expect(lines(dashed.stderr)).toEqual(["rds: --not-an-option.rds: no such file"]);
  });

  it("takes 5,000 paths on the command line", {timeout: 120_000}, () => {
    const fixtures = readdirSync(extraDir).filter((f) => f.endsWith(".rds") && !f.startsWith("model_")).map((f) => `${extraDir}${f}`);
    const paths = Array.from({length: 5000}, (_, i) => fixtures[i % fixtures.length]);
    const out = rds(paths);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const got = lines(out.stdout);
    expect(got).toHaveLength(5000);
    // The same file, wherever it comes in the list, prints the same line.
    expect(got[fixtures.length]).toBe(got[0]);
    expect(got[4999]).toBe(got[4999 % fixtures.length]);
  });

  it("reads a folder: its *.rds files, recursively, in sorted order, nothing else", () => {
    const dir = folder;
    const out = rds([dir]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const one = (f: string): string => rds([f]).stdout;
    expect(out.stdout).toBe(one(join(dir, "a.rds")) + one(join(dir, "b", "c.rds")) + one(join(dir, "b", "deeper", "z.rds")));
  });

  it("a folder with no .rds file is one line on stderr and exit 1, the other paths still printed", () => {
    const empty = join(scratch, "empty");
    mkdirSync(empty, {recursive: true});
    const out = rds([empty, `${extraDir}integers.xdr_v3.rds`]);
    expect(out.status).toBe(1);
    expect(lines(out.stdout)).toHaveLength(1);
    expect(lines(out.stderr)).toEqual([`rds: ${empty}: no .rds files in this folder`]);
  });

  it("reads newline-separated paths (files or folders) from stdin for -", () => {
    const files = [`${extraDir}integers.xdr_v3.rds`, `${extraDir}strings.ascii_v2.rds`];
    const direct = rds([...files, folder]);
    const out = rds(["-"], `${files.join("\n")}\r\n\n${folder}\n`);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(lines(out.stdout)).toHaveLength(5);
    expect(out.stdout).toBe(direct.stdout);
    const mixed = rds([`${extraDir}logicals.xdr_v3.rds`, "-"], `${files[0]}\n`);
    expect(lines(mixed.stdout)).toHaveLength(2);
  });

  it("- with nothing on stdin is one line on stderr and exit 1", () => {
    const out = rds(["-"], "");
    expect(out.status).toBe(1);
    expect(out.stdout).toBe("");
    expect(lines(out.stderr)).toEqual(["rds: -: no paths on standard input"]);
  });

  it("keeps stderr quiet when its reader stops early (| head) and stderr is not a terminal", () => {
    const cmd = `"${process.execPath}" --import tsx loaders/cli/rds.ts ${JSON.stringify(extraDir)} | head -1`;
    const run = spawnSync("sh", ["-c", cmd], {cwd: root, encoding: "utf8"});
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.stderr).toBe("");
  });
});
