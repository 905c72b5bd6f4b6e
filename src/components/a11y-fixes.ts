/**
 * A small post-render step, run on every page from its head (see
 * observablehq.config.ts), for patterns of Framework and its libraries that
 * screen readers and axe-core's WCAG rules trip on, which our own markup
 * cannot change:
 * - Plot names each mark's <g> with aria-label but gives it no role, and a
 *   label on a role-less <g> is not announced: each becomes a named group.
 * - Inputs' search box has only a placeholder, and Inputs.range labels only
 *   its number box: an input without a label takes its form's label text (or
 *   its placeholder) as its name.
 * - Framework's sidebar puts its close control, a <label>, straight into an
 *   <ol>: it is marked as a list item so the list holds only items.
 * Cells render after load and again on every change, so the step watches the
 * document and fixes what each render adds. Kept as source text because it
 * runs as a classic inline script before any module.
 */
export const accessibilityFixesScript = `(() => {
  const fix = (root) => {
    for (const g of root.querySelectorAll("svg g[aria-label]:not([role])")) g.setAttribute("role", "group");
    for (const input of root.querySelectorAll("input:not([type=hidden]):not([aria-label]), select:not([aria-label])")) {
      if (input.labels && input.labels.length > 0) continue;
      const label = input.closest("form")?.querySelector("label")?.textContent?.trim() || input.getAttribute("placeholder");
      if (label) input.setAttribute("aria-label", label);
    }
    const close = document.getElementById("observablehq-sidebar-close");
    if (close && close.parentElement?.tagName === "OL") close.setAttribute("role", "listitem");
  };
  const start = () => {
    fix(document);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) fix(n.parentElement ?? n);
    }).observe(document.body, {childList: true, subtree: true});
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();`;
