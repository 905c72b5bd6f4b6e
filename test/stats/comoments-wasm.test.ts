import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {kernelAvailable} from "../../loaders/stats/index.js";
import {compileWat, modulePath, wasmModuleSource, watPath} from "../../scripts/build-wasm.js";

describe("the co-moment kernel's committed bytes", () => {
  it("are what comoments.wat compiles to (else run npm run build:wasm)", async () => {
    const bytes = await compileWat(readFileSync(watPath, "utf8"));
    expect(readFileSync(modulePath, "utf8")).toBe(wasmModuleSource(bytes));
  });

  it("run here (WebAssembly SIMD), so the tests check the kernel and not only its JS twin", () => {
    expect(kernelAvailable()).toBe(true);
  });
});
