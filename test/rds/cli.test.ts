// The CLI prints one description line per file, in argument order; unreadable
// files get a one-line error and a non-zero exit.
import {spawnSync} from "node:child_process";
import {describe as suite, expect, it} from "vitest";
import {extraDir, json, root, vectorsDir} from "../builders/rds-fixtures.js";

function rds(...files: string[]): {status: number | null; stdout: string; stderr: string} {
  const run = spawnSync(process.execPath, ["--import", "tsx", `${root}loaders/cli/rds.ts`, ...files], {cwd: root, encoding: "utf8"});
  return {status: run.status, stdout: run.stdout, stderr: run.stderr};
}

function expected(name: string): unknown {
  const e = json(`${vectorsDir}${name}.json`) as Record<string, unknown>;
  delete e.deparsed;
  return e;
}

suite("npm run rds", () => {
  it("prints each file's description as one JSON line, in order", () => {
    const names = ["double_special", "table_1d", "data_frame_factor", "dgCMatrix", "formula_object"];
    const encodings = ["none_v2", "xz_v3", "bzip2_v3", "gzip_v3", "gzip_v3"];
    const out = rds(...names.map((n, i) => `${vectorsDir}${n}.${encodings[i]}.rds`));
    expect(out.status).toBe(0);
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(names.length);
    lines.forEach((line, i) => expect(JSON.parse(line)).toStrictEqual(expected(names[i])));
    expect(lines[0]).toBe('{"type":"double","values":["NA","NaN","Inf","-Inf",-0]}');
  });

  it("reports an unreadable file on stderr in one line and exits non-zero, still printing the others", () => {
    const out = rds(`${root}package.json`, `${extraDir}integers.ascii_v3.rds`, `${root}missing.rds`);
    expect(out.status).toBe(1);
    expect(out.stdout.trimEnd().split("\n")).toHaveLength(1);
    const errors = out.stderr.trimEnd().split("\n");
    expect(errors).toEqual([
      expect.stringMatching(/package\.json: not an R serialization .*\(at byte 0\)$/),
      expect.stringMatching(/missing\.rds: no such file$/),
    ]);
    expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("prints usage without arguments", () => {
    const out = rds();
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^usage:/);
  });
});
