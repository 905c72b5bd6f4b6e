export * from "./json.js";
export * from "./outputs.js";
export * from "./row-features.js";
export * from "./stream-tables.js";
export * from "./tables.js";
