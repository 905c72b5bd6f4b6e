import {format} from "d3";
import type {MemoTable} from "../../loaders/memo/index.js";
import type {VersionStamp} from "../../loaders/site/index.js";
import {el} from "./dom.js";

/** The memo's words for its figures, and the sentences that depend on what the data holds. */

/** The model's λ to four significant digits, or "n/a". */
export const lambdaText = (memo: MemoTable): string => (memo.model.lambda === null ? "n/a" : format(".4~g")(memo.model.lambda));

/** The heading over the conditions: "Go" when there are none to meet. */
export const conditionsHeading = (memo: MemoTable): string => (memo.recommendation.decision === "go" ? "Go" : "Conditions to go");

/** The conditions to go live, in the order they should be met, or the sentence that there are none. */
export function conditionList(memo: MemoTable): HTMLOListElement | string {
  const conditions = memo.recommendation.conditions;
  if (!conditions.length) return "None: deploy with the plans below.";
  return el("ol", {className: "memo-conditions"}, ...conditions.map((c) => el("li", {}, c.text)));
}

/** The latency budget of each feature source: "api < 50 ms, …". */
export const budgetsText = (memo: MemoTable): string => memo.requirements.budgets.map((x) => `${x.source} < ${x.ms} ms`).join(", ");

/** The printed memo's provenance: report version, commit, build day and the inputs' fingerprints (first 8 hex digits). */
export function stampLine(stamp: VersionStamp): string {
  const commit = stamp.commit ? `, commit ${stamp.commit}${stamp.dirty ? "+" : ""}` : "";
  return `Report v${stamp.report_version}${commit}, built ${stamp.built_at.slice(0, 10)}; inputs ${stamp.inputs.map((i) => `${i.file} ${i.sha256.slice(0, 8)}`).join(", ")}.`;
}
