export * from "./data-dir.js";
export * from "./files.js";
export * from "./framework-cache.js";
export * from "./inputs-key.js";
export * from "./release-files.js";
export * from "./releases.js";
export * from "./version.js";
export * from "./fonts.js";
