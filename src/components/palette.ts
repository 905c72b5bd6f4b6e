import type {Level} from "../../loaders/monitoring/index.js";
import type {Rating} from "../shared/risk-priority.js";

/**
 * Every colour the charts and status cells use, in one place. A colour never
 * carries a status alone: status cells and chart labels always say the word
 * too (see status.ts).
 */

/** The one series colour of a single-series chart (Performance, Drift). */
export const accent = "steelblue";
/** What crossed a line in a single-series chart (severe drift, production quantiles, outages). */
export const alert = "#c0392b";
/** What is out of play: training's side, values whose % is not meaningful. */
export const muted = "#999";

/** Alert levels, as text and badge backgrounds (white text on them, each at least 4.5:1 for WCAG AA). */
export const levelColor: Record<Level, string> = {green: "#2e7d32", yellow: "#8a5a00", red: "#c62828", no_data: "#757575"};
/** Alert levels as chart bands and threshold rules (lighter, under a series). */
export const bandColor: Record<"green" | "yellow" | "red", string> = {green: "#2e7d32", yellow: "#f2b705", red: "#d32f2f"};

/** Risk ratings as cell backgrounds (the risk matrix; the CSS of the rating badges uses the same). */
export const ratingFill: Record<Rating, string> = {low: "#e8f5e9", medium: "#fff3cd", high: "#fde0dc"};

/** Series of multi-series charts, in the order they are usually assigned. */
export const series = {
  /** The judged value, the usual volume, retraining's RMSE and costs. */
  navy: "#1f3b73",
  /** Each day alone (dots). */
  grey: "#6b7280",
  /** Context lines (p50 latency, all features' missing rate), missing critical values. */
  purple: "#7b3294",
  /** Critical-feature drift, audits. */
  orange: "#b35806",
  /** Reviews on the calendar. */
  slate: "#607d8b",
  /** Volume bars. */
  bars: "#9aa5b8",
} as const;

/** Revenue left on the table (under-pricing) and at risk (over-pricing). */
export const revenueColor = {under: "#1f77b4", over: "#e07b00"} as const;

/** Feature sources, in a fixed order so each keeps its colour from chart to chart (Plot's default scheme). */
export const sourceDomain = ["api", "computed", "database"];

/** A retraining trigger's state on a day: fired (with an ✕), did not fire, could not be judged. */
export const triggerStateColor = {"fired": levelColor.red, "not fired": "#cfd8dc", "no data": "#eceff1"} as const;
