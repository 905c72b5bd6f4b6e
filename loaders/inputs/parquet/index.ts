export * from "./column-cursor.js";
export * from "./days.js";
export * from "./footer.js";
export * from "./layout.js";
export * from "./problems.js";
export * from "./rows.js";
