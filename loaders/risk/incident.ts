import {config} from "../config.js";

/** Who answers an alert, how fast, and where it is told. */
export interface IncidentLevel {
  level: "yellow" | "red";
  meaning: string;
  response_hours: number;
  /** The chain this level climbs, each rung called when the one before has not resolved it within the response time. */
  steps: {role: string; within_hours: number}[];
  channels: string[];
}

export interface IncidentPlan {
  chain: string[];
  levels: IncidentLevel[];
  channels: {name: string; use: string}[];
}

/**
 * The brief's response times and chain, as steps: the first responder within
 * the response time, then one rung up for each response time that passes
 * unresolved. A yellow stops at the data-science manager (ours: it is an
 * investigation, and the VP sees it in the daily summary); a red climbs to
 * the VP.
 */
export function incidentPlan(): IncidentPlan {
  const m = config.monitoring;
  const c = config.risk.channels;
  const chain = [...m.escalation];
  const steps = (hours: number, rungs: number) => chain.slice(0, rungs).map((role, i) => ({role, within_hours: hours * (i + 1)}));
  return {
    chain,
    levels: [
      {level: "yellow", meaning: "Investigate", response_hours: m.responseHours.yellow, steps: steps(m.responseHours.yellow, chain.length - 1), channels: [c.alerts, c.dashboard, c.email]},
      {level: "red", meaning: "Act now", response_hours: m.responseHours.red, steps: steps(m.responseHours.red, chain.length), channels: [c.alerts, c.dashboard, c.email]},
    ],
    channels: [
      {name: c.alerts, use: "every yellow and red alert as it fires, with the metric, value, threshold and owner; the responder acknowledges here"},
      {name: c.dashboard, use: "the status tiles and daily series of the Monitoring page, refreshed by the daily job"},
      {name: c.email, use: `once a day to the whole chain: the day's alerts, open incidents and the last ${m.windowDays} days' figures`},
    ],
  };
}
