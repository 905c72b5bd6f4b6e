import type {FallbackTier, RiskTable} from "../../loaders/risk/index.js";
import {dollars, int, pct, usd} from "../shared/format.js";
import {priority} from "../shared/risk-priority.js";
import {el} from "./dom.js";
import {ratingBadge} from "./status.js";
import {csvDownload, keyColumns, withCsv} from "./downloads.js";
import {simpleTable} from "./tables.js";

/** The Risk page's tables, each from risk.json alone. */

const money = (x: number | null) => (x === null ? "n/a" : usd(x));

/** Every risk, highest priority first: likelihood and impact (each with its evidence), priority, mitigation, owner and the signal that detects it. */
export function matrixTable(risk: RiskTable): HTMLDivElement {
  const rated = (rating: Parameters<typeof ratingBadge>[0], basis: string) => el("div", {}, ratingBadge(rating), el("div", {className: "basis"}, basis));
  const rows = [...risk.matrix].sort((a, b) => b.score - a.score);
  const table = simpleTable(
    rows,
    [
      {label: "Risk", value: (r) => r.name},
      {label: "Likelihood", value: (r) => rated(r.likelihood, r.likelihood_basis)},
      {label: "Impact", value: (r) => rated(r.impact, r.impact_basis)},
      {label: "Priority", value: (r) => `${priority(r.score)} (${r.score})`},
      {label: "Mitigation", value: (r) => r.mitigation},
      {label: "Owner", value: (r) => r.owner},
      {label: "Detecting signal", value: (r) => r.signal},
    ],
    "compact risk-table",
  );
  return withCsv(table, csvDownload("risk-matrix.csv", rows, keyColumns(["id", "name", "likelihood", "likelihood_basis", "impact", "impact_basis", "score", "mitigation", "owner", "signal"])));
}

const branchName: Record<FallbackTier, string> = {model: "Every critical feature present", signal: "A critical feature missing, a price signal present", review: "A critical feature missing, no price signal"};

/** The fallback rule's branches: when each applies, what it serves, how many rows of the log it took and how well it served them. */
export function fallbackTable(risk: RiskTable): HTMLDivElement {
  const f = risk.fallback;
  const serves: Record<FallbackTier, string> = {
    model: "the model (a missing non-critical feature takes its training mean, as today)",
    signal: f.signals.length ? `the first present of ${f.signals.map((x) => x.feature).join(", then ")}` : "(no price signal beats the model)",
    review: "the model's imputed prediction, flagged for a person to check before it is used",
  };
  return simpleTable(f.branches, [
    {label: "When", value: (b) => branchName[b.tier]},
    {label: "Serve", value: (b) => serves[b.tier]},
    {label: "Rows in this log", value: (b) => `${int(b.n)} (${pct(b.share)})`, align: "right"},
    {label: "Model RMSE on them", value: (b) => money(b.model_rmse), align: "right"},
    {label: "Served RMSE", value: (b) => money(b.served_rmse), align: "right"},
  ]);
}

/** The brief's price range, and the training prices' own when known: predictions each would reject, and how many of those rejections are wrong. */
export function sanityTable(risk: RiskTable): HTMLDivElement {
  const sc = risk.sanity;
  const ranges = [
    {name: `Brief: ${dollars(sc.brief.min)}–${dollars(sc.brief.max)}`, ...sc.brief},
    ...(sc.training_range ? [{name: `Training prices: ${usd(sc.training_range.min)}–${usd(sc.training_range.max)}`, ...sc.training_range}] : []),
  ];
  return simpleTable(ranges, [
    {label: "Range", value: (r) => r.name},
    {label: "Predictions rejected", value: (r) => `${int(r.rejected)} (${int(r.rejected_below)} below, ${int(r.rejected_above)} above)`, align: "right"},
    {label: "Actual prices outside", value: (r) => `${int(r.actual_outside)} (${int(r.actual_below)} below, ${int(r.actual_above)} above)`, align: "right"},
    {label: "Wrong rejections", value: (r) => int(r.wrong_rejections), align: "right"},
    {label: "Right rejections", value: (r) => int(r.right_rejections), align: "right"},
  ]);
}

/** The rollback plan: the warm previous model, the A/B test, and the three criteria that roll back. */
export function rollbackTable(risk: RiskTable): HTMLDivElement {
  const rb = risk.rollback;
  const rows = [
    {what: "Previous model", rule: "Kept deployed and warm beside the new one (same feature pipeline, its own endpoint), so rollback is a routing switch, not a redeploy."},
    {what: "A/B test", rule: `${pct(rb.ab.traffic_share, 0)} of traffic to the new model, the rest to the old, until the criteria below can be judged; then full rollout.`},
    {what: "Accuracy", rule: `Roll back when the new model's RMSE is more than ${rb.criteria.rmse_over_old_pct}% above the old model's on the same days.`},
    {what: "Business metrics", rule: `Roll back when the new model's mispriced share of revenue (Monitoring page) is more than ${rb.criteria.business_over_old_pct}% above the old model's (ours: the same tolerance as RMSE).`},
    {what: "Alert load", rule: `Roll back after a day with more than ${rb.criteria.alerts_per_day} alerts (monitoring's alert-frequency red line).`},
  ];
  return simpleTable(rows, [
    {label: "Element", value: (r) => r.what},
    {label: "Rule", value: (r) => r.rule},
  ]);
}

/** Each alert level: what it means, how fast it is answered, who is called in turn, and where it is told. */
export function incidentTable(risk: RiskTable): HTMLDivElement {
  return simpleTable(risk.incident.levels, [
    {label: "Alert", value: (l) => ratingBadge(l.level === "red" ? "high" : "medium", {text: `${l.level} · ${l.meaning}`, level: l.level})},
    {label: "Respond within", value: (l) => `${l.response_hours} h`, align: "right"},
    {label: "Who, and when the next rung is called", value: (l) => l.steps.map((st) => `${st.role} (by ${st.within_hours} h)`).join(" → ")},
    {label: "Communicated in", value: (l) => l.channels.join(", ")},
  ]);
}

/** The incident channels and what goes in each. */
export function channelsTable(risk: RiskTable): HTMLDivElement {
  return simpleTable(risk.incident.channels, [
    {label: "Channel", value: (c) => c.name},
    {label: "What goes there", value: (c) => c.use},
  ]);
}
