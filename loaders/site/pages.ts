import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

/** The site's source folder (observablehq.config.ts `root`). */
export const siteRoot = "src";

/** One page of the site: its .md file (relative to the project) and its route ("/drift", "/" for index.md). */
export interface SitePage {
  file: string;
  path: string;
}

/**
 * Every page Framework builds: each .md file under src/, except in folders
 * Framework leaves out (a name starting with "_" or ".").
 */
export function sitePages(root = siteRoot): SitePage[] {
  const pages: SitePage[] = [];
  const visit = (folder: string) => {
    if (!existsSync(join(root, folder))) return;
    for (const entry of readdirSync(join(root, folder), {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith("_") || entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(rel);
      else if (entry.name.endsWith(".md")) pages.push({file: `${root}/${rel}`, path: routeOf(rel)});
    }
  };
  visit("");
  return pages;
}

function routeOf(rel: string): string {
  const name = rel.slice(0, -".md".length);
  return name === "index" ? "/" : name.endsWith("/index") ? `/${name.slice(0, -"index".length)}` : `/${name}`;
}

/** A page's title as the sidebar shows it: its front matter's title, else its first # heading, else its file name. */
export function pageTitle(page: SitePage): string {
  const text = readFileSync(page.file, "utf8");
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const title = front ? /^title:\s*["']?(.*?)["']?\s*$/m.exec(front[1]) : null;
  if (title && title[1]) return title[1];
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(front ? text.slice(front[0].length) : text);
  if (heading) return heading[1];
  const base = page.path.split("/").filter((s) => s).pop() ?? "index";
  return base.charAt(0).toUpperCase() + base.slice(1);
}

export interface SidebarPage {
  name: string;
  path: string;
}

/**
 * The pages the config's sidebar does not list: without this a new
 * src/notes.md is built but linked from nowhere. They are listed in a
 * trailing "More" group, and the warning says which entry to add to place one.
 */
export function unlistedPages(listed: readonly SidebarPage[], root = siteRoot): {pages: SidebarPage[]; warnings: string[]} {
  const known = new Set(listed.map((p) => normalizeRoute(p.path)));
  const pages = sitePages(root).filter((p) => !known.has(normalizeRoute(p.path))).map((p) => ({name: pageTitle(p), path: p.path, file: p.file}));
  const warnings = pages.map((p) => `warning: ${p.file} is not in the pages of observablehq.config.ts: it is listed under "More"; to place it, add {name: ${JSON.stringify(p.name)}, path: ${JSON.stringify(p.path)}}`);
  return {pages: pages.map(({name, path}) => ({name, path})), warnings};
}

function normalizeRoute(path: string): string {
  const clean = path.replace(/\.html$/, "").replace(/\/index$/, "/");
  return clean.startsWith("/") ? clean : `/${clean}`;
}
