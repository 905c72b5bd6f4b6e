import {expect} from "vitest";

/** Every number within `rel` relative, everything else (keys, order, text, nulls) identical. */
export function expectSameFigures(actual: unknown, expected: unknown, rel = 1e-9, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(Math.abs(expected), 1e-12);
    if (Math.abs(actual - expected) / scale > rel) expect.fail(`${path}: ${actual} differs from ${expected} by more than ${rel} relative`);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual, path).toBe(expected);
    return;
  }
  expect(actual, path).toBeTypeOf("object");
  expect(Object.keys(actual as object), path).toEqual(Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) expectSameFigures((actual as Record<string, unknown>)[key], value, rel, `${path}.${key}`);
}
