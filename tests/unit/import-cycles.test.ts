// No module imports itself through a circle of other modules (type-only imports included: a circle
// of types still couples the two ends), and no domain module imports the job registry that runs it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const roots = ["lib", "app", "components"];
const exts = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "generated" || e.name === "node_modules") continue;
      walk(p, out);
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const e of exts) if (fs.existsSync(base + e)) return base + e;
  return null;
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const r of roots) {
    for (const file of walk(path.join(root, r))) {
      const src = fs.readFileSync(file, "utf8");
      const deps: string[] = [];
      for (const m of src.matchAll(importRe)) {
        const to = resolve(file, m[1] ?? m[2]);
        if (to) deps.push(to);
      }
      g.set(file, deps);
    }
  }
  return g;
}

/** Strongly connected components with more than one file (Tarjan), as repo-relative paths. */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), on = new Set<string>(), stack: string[] = [], out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); comp.push(path.relative(root, w)); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("module graph", () => {
  const g = graph();

  it("has no import circles", () => {
    expect(cycles(g)).toEqual([]);
  });

  it("keeps domains away from the job registry (only lib/jobs and the worker entry import it)", () => {
    const registry = new Set(["lib/jobs/handlers.ts", "lib/jobs/worker.ts"]);
    const offenders = [...g.entries()]
      .filter(([file]) => !path.relative(root, file).startsWith("lib/jobs/"))
      .filter(([, deps]) => deps.some((d) => registry.has(path.relative(root, d))))
      .map(([file]) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
