import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {compileWat, modulePath, wasmModuleSource, watPath} from "../../scripts/build-wasm.js";

describe("the co-moment kernel's committed bytes", () => {
  it("are what comoments.wat compiles to (else run npm run build:wasm)", async () => {
    const bytes = await compileWat(readFileSync(watPath, "utf8"));
    expect(readFileSync(modulePath, "utf8")).toBe(wasmModuleSource(bytes));
  });
});
