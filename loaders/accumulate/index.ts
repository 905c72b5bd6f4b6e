export * from "./accumulation.js";
export * from "./cells.js";
export * from "./plan.js";
export * from "./rows.js";
export * from "./labelled.js";
