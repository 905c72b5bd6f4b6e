import type {ImpactTotals} from "../../loaders/daily/index.js";
import type {MonitoringSpec, MonitoringTable} from "../../loaders/monitoring/index.js";
import {int, usd} from "../shared/format.js";
import {el} from "./dom.js";
import {ruleSqlDetails} from "./monitoring-sql.js";
import {metricReplay, metricValue, rule, sideSign, windowText} from "./monitoring-rules.js";
import {kpiCards, statusTiles} from "./tiles.js";

/** The Monitoring page's tiles and cards, each from monitoring.json alone. */

/** The dashboard: every metric's last-day value and level, with its thresholds and window (and its worst feature, for per-feature metrics). */
export function dashboardTiles(mon: MonitoringTable): HTMLDivElement {
  return statusTiles(
    mon.tiles.map((t) => {
      const r = rule(mon, t.metric);
      const {yellow, red, direction} = r.thresholds;
      const sign = direction === "below" ? "<" : ">";
      const abs = direction === "abs_above" ? "|shift| " : "";
      const thresholds = `yellow ${abs}${sign} ${metricValue(yellow, t.unit)} · red ${abs}${sign} ${metricValue(red, t.unit)} · ${windowText(r)}`;
      const worst = t.subject !== null && t.subjects > 1 ? [`worst: ${t.subject} (${t.alerting} of ${t.subjects} features alerting)`] : [];
      return {group: t.group_name, name: t.name, value: t.value === null ? "—" : metricValue(t.value, t.unit), level: t.level, notes: [thresholds, ...worst]};
    }),
  );
}

/** The replay in four figures: the first red alert, the first red on RMSE, days with a red alert, days over the rollback line. */
export function replayCards(mon: MonitoringTable): HTMLDivElement {
  const {first_red: first, red_days, alerts_per_day: perDay} = mon.replay;
  const days = mon.window.days;
  const rollback = rule(mon, "alerts_per_day").thresholds.red;
  const rmse = metricReplay(mon, "rmse");
  return kpiCards([
    {title: "First red alert", value: first ? first.date : "none", note: first ? `day ${first.day} of ${days}: ${first.metrics.map((m) => rule(mon, m).name).join(", ")}` : "no rule went red"},
    {title: "First red on RMSE", value: rmse.first_red ?? "none", note: `${rmse.no_data_days} days without enough ${mon.daily.some((d) => d.n > d.labelled) ? "labelled rows (or any label of the day)" : "rows"} to judge`},
    {title: "Days with a red alert", value: `${int(red_days)} of ${int(days)}`, note: `${int(perDay.reduce((n, d) => n + d.total, 0))} alerts from the metric rules in all`},
    {title: "Days over the rollback line", value: int(perDay.filter((d) => d.total > rollback).length), note: `more than ${rollback} alerts in a day`},
  ]);
}

/** Revenue effect over the whole window: left on the table, at risk, revenue, and the share mispriced. */
export function impactCards(t: ImpactTotals): HTMLDivElement {
  return kpiCards([
    {title: "Left on the table", value: usd(t.underpriced_usd), note: "under-pricing, all days"},
    {title: "At risk", value: usd(t.overpriced_usd), note: "over-pricing, all days"},
    {title: "Revenue", value: usd(t.revenue_usd), note: `${int(t.units)} units at the actual price`},
    {title: "Mispriced", value: t.mispricing_pct === null ? "n/a" : `${t.mispricing_pct.toFixed(1)}%`, note: "of revenue, all days"},
  ]);
}

/** One card per alert rule: its group and name, both thresholds, its window, why these lines, and who responds first. */
/** One card per rule: its lines, window, reasons and owner, and its SQL from the published spec. */
export function ruleCards(mon: MonitoringTable, spec: MonitoringSpec): HTMLDivElement {
  const line = (label: string, text: string) => el("p", {}, el("strong", {}, `${label}: `), text);
  return el(
    "div",
    {className: "grid grid-cols-2"},
    ...mon.rules.map((r) => {
      const sign = sideSign(r.thresholds.direction);
      return el(
        "div",
        {className: "card rule-card"},
        el("div", {className: "tile-group"}, r.group_name),
        el("h3", {}, `${r.name} (${r.unit})`),
        line("Yellow, investigate", `${sign} ${metricValue(r.thresholds.yellow, r.unit)}`),
        line("Red, act now", `${sign} ${metricValue(r.thresholds.red, r.unit)}`),
        line("Window", windowText(r)),
        line("Why these lines", r.thresholds.basis),
        line("First responder", r.owner),
        ...[ruleSqlDetails(spec, r.id)].filter((d): d is HTMLDetailsElement => d !== null),
      );
    }),
  );
}
