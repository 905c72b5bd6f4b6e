export * from "./data-dir.js";
export * from "./release-files.js";
export * from "./releases.js";
export * from "./site-data.js";
export * from "./version.js";
