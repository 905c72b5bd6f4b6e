import type {RetrainingTable, Schedule} from "../../loaders/retraining/index.js";
import {num} from "../shared/format.js";

/** The Retraining page's words for its figures. */

/** A schedule as a table cell names it. */
export const scheduleName: Record<Schedule, string> = {weekly: "Weekly", monthly: "Monthly", quarterly: "Quarterly"};

/** A value already in percent, one decimal, or "n/a": 12.3 → "12.3%". */
export const pct1 = (x: number | null): string => (x === null ? "n/a" : `${x.toFixed(1)}%`);

/** Engineering hours, to three significant digits: "2 h", "2.25 h". */
export const hoursText = (h: number): string => `${num(h, 3)} h`;

/** A range whose ends may agree: "4.2–6.8", or "4.2" when both read the same. */
export const span = (a: string, b: string): string => (a === b ? a : `${a}–${b}`);

/** The recommended schedule's name: "Monthly". */
export const recommendedSchedule = (ret: RetrainingTable): string => scheduleName[ret.protocol.schedule.recommended];
