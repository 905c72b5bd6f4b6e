export * from "./calendar.js";
export * from "./recommendation.js";
export * from "./requirements.js";
export * from "./table.js";
