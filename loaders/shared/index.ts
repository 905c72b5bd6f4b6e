export * from "./costs.js";
export * from "./csv-field.js";
export * from "./format.js";
export * from "./near-zero.js";
export * from "./order.js";
export * from "./present.js";
export * from "./risk-priority.js";
export * from "./spreadsheet-csv.js";
