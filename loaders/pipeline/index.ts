export * from "./json.js";
export * from "./outputs.js";
export * from "./plan.js";
export * from "./report.js";
export * from "./summary.js";
export * from "./tables.js";
