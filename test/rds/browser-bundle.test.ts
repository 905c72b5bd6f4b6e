// The reader bundled for browsers (Node built-ins unavailable, as a browser
// bundler resolves it) still reads every compression: proof that the core and
// its decompressors need nothing from Node.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {pathToFileURL} from "node:url";
import {build} from "esbuild";
import {afterAll, describe as suite, expect, it} from "vitest";
import {bytes, root, vectorsDir} from "../builders/rds-fixtures.js";

const dir = mkdtempSync(`${tmpdir()}/rds-bundle-`);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

suite("browser bundle", () => {
  it("bundles without Node built-ins and reads gzip, bzip2, xz and plain files", async () => {
    const outfile = `${dir}/rds.js`;
    const result = await build({
      entryPoints: [`${root}loaders/rds/index.ts`],
      bundle: true,
      platform: "browser",
      format: "esm",
      outfile,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const rds = (await import(pathToFileURL(outfile).href)) as typeof import("../../loaders/rds/index.js");
    for (const encoding of ["gzip_v3", "bzip2_v3", "xz_v3", "none_v2"]) {
      const value = await rds.readRds(bytes(`${vectorsDir}dgCMatrix.${encoding}.rds`));
      expect(rds.describe(value)).toMatchObject({type: "S4", class: "dgCMatrix"});
    }
  });
});
