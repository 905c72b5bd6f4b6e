export * from "./comoments.js";
export * from "./correlation.js";
export * from "./error-sums.js";
export * from "./moments.js";
export * from "./normal.js";
export * from "./quantile.js";
export * from "./comoments.js";
export * from "./chi-square.js";
