import {createRequire} from "node:module";
import type {AxeResults} from "axe-core";
import type {Page} from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** One broken rule on a page: its id, impact and how many elements break it. */
export interface Violation {
  rule: string;
  impact: string;
  nodes: number;
  /** The first few elements, for the failure message. */
  targets: string[];
}

/** axe-core's WCAG 2.1 A and AA rules on the rendered page: the serious and critical violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({path: axePath});
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<AxeResults>}}).axe;
    const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
    return r.violations.map((v) => ({rule: v.id, impact: v.impact ?? "", nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}));
  });
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}
