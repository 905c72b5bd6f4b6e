import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, normalize, relative} from "node:path";

/** One import of one source file: the file it names (relative to the project root) and whether only types are imported. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

// Static imports and re-exports (`import … from "x"`, `export … from "x"`, `import "x"`) and dynamic ones (`import("x")`).
const staticImport = /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
const dynamicImport = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The local (relative) imports of a TypeScript or JavaScript source text, or of the ```js blocks of a Markdown page. */
export function importsOf(file: string, text: string): {specifier: string; typeOnly: boolean}[] {
  const code = file.endsWith(".md") ? [...text.matchAll(/```js[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n") : text;
  const found: {specifier: string; typeOnly: boolean}[] = [];
  for (const m of code.matchAll(staticImport)) found.push({specifier: m[3], typeOnly: m[2] !== undefined});
  for (const m of code.matchAll(dynamicImport)) found.push({specifier: m[1], typeOnly: false});
  return found.filter((i) => i.specifier.startsWith("."));
}

/** Every local import edge of the files under `dirs` (and the single files named), resolved to project paths (`.js` naming a `.ts` source). */
export function importGraph(root: string, paths: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of paths.flatMap((p) => sources(root, p))) {
    for (const {specifier, typeOnly} of importsOf(file, readFileSync(join(root, file), "utf8"))) {
      edges.push({from: file, to: resolveSource(root, normalize(join(dirname(file), specifier))), typeOnly});
    }
  }
  return edges;
}

function sources(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  // src/shared is a link to loaders/shared (so pages can bundle it): its files are read once, at their real place.
  return readdirSync(full, {withFileTypes: true}).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isSymbolicLink() || entry.name.startsWith(".") || entry.name === "node_modules") return [];
    if (entry.isDirectory()) return sources(root, child);
    return /\.(ts|mjs|md)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [child] : [];
  });
}

/** `./x.js` names `./x.ts` when only the TypeScript source exists; a path through the src/shared link is its real path. */
function resolveSource(root: string, path: string): string {
  const real = path.startsWith(`src${"/"}shared/`) ? join("loaders", relative("src", path)) : path;
  if (real.endsWith(".js") && !existsSync(join(root, real)) && existsSync(join(root, real.slice(0, -3) + ".ts"))) return real.slice(0, -3) + ".ts";
  return real;
}

/** The cycles of a graph (each as the files around it, first file repeated at the end), one per strongly connected component. */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components; a component of two or more files (or a file importing itself) holds a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push([...component.reverse(), component[0]]);
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}
