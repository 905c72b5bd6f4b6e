export * from "./critical.js";
export * from "./importance.js";
export * from "./score.js";
export * from "./scores-csv.js";
