// Sentences use the pages' number formats (see src/components/format.ts for why they live there).
export * from "../src/components/format.js";
