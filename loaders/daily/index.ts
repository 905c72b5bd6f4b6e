export * from "./calendar.js";
export * from "./days.js";
export * from "./impact.js";
export * from "./window.js";
