export * from "./json.js";
export * from "./row-features.js";
export * from "./tables.js";
