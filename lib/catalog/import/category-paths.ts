import "server-only";
// Categories as paths ("Staples > Flours"): how files name them, in both directions.
import type { PrismaClient, Tx } from "@/lib/db/client";

type Db = PrismaClient | Tx;
type Node = { id: string; parentId: string | null; name: string };

export const PATH_SEPARATOR = " > ";
const MAX_DEPTH = 8;

export type CategoryTree = {
  /** "Staples > Flours" for a category id. */
  pathOf(id: string | null): string;
  /** The id of an existing path (segments compared ignoring case), or undefined. */
  find(segments: string[]): string | undefined;
  /** The path with the stored spelling of the parts that exist ("staples > Flours" → "Staples > Flours"). */
  canonical(segments: string[]): string[];
};

export async function loadCategoryTree(db: Db, companyId: string): Promise<CategoryTree> {
  const nodes: Node[] = await db.category.findMany({ where: { companyId }, select: { id: true, parentId: true, name: true }, orderBy: { createdAt: "asc" } });
  return buildTree(nodes);
}

function buildTree(nodes: Node[]): CategoryTree {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const byChild = new Map<string, string>();
  // Oldest first, so a duplicate name under one parent resolves to the original.
  for (const n of nodes) {
    const key = childKey(n.parentId, n.name);
    if (!byChild.has(key)) byChild.set(key, n.id);
  }
  const paths = new Map<string, string>();
  const pathOf = (id: string | null): string => {
    if (!id) return "";
    const cached = paths.get(id);
    if (cached !== undefined) return cached;
    const names: string[] = [];
    const seen = new Set<string>();
    for (let n = byId.get(id); n && !seen.has(n.id); n = n.parentId ? byId.get(n.parentId) : undefined) {
      seen.add(n.id);
      names.unshift(n.name);
    }
    const p = names.join(PATH_SEPARATOR);
    paths.set(id, p);
    return p;
  };
  const find = (segments: string[]) => {
    let parent: string | null = null;
    for (const s of segments) {
      const id = byChild.get(childKey(parent, s));
      if (!id) return undefined;
      parent = id;
    }
    return parent ?? undefined;
  };
  const canonical = (segments: string[]) => {
    const out: string[] = [];
    let parent: string | null = null;
    let existing = true;
    for (const s of segments) {
      const id: string | undefined = existing ? byChild.get(childKey(parent, s)) : undefined;
      existing = id !== undefined;
      if (id) parent = id;
      out.push(id ? byId.get(id)!.name : s);
    }
    return out;
  };
  return { pathOf, find, canonical };
}

/** Splits "Staples > Flours" into trimmed segments, or returns an error message. */
export function parseCategoryPath(text: string): { segments: string[] } | { error: string } {
  const segments = text.split(">").map((s) => s.trim().replace(/\s+/g, " "));
  if (segments.some((s) => s === "")) return { error: "Write the category as a path like “Staples > Flours” (no empty parts)" };
  if (segments.some((s) => s.length > 100)) return { error: "Each category name is at most 100 characters" };
  if (segments.length > MAX_DEPTH) return { error: `At most ${MAX_DEPTH} levels of categories` };
  return { segments };
}

export const pathKey = (segments: string[]) => segments.map((s) => s.toLowerCase()).join("\u0000");

/** Creates the missing parts of these paths, parents first; returns pathKey → category id for all of them, and what was created. */
export async function createCategoryPaths(tx: Tx, companyId: string, paths: string[][]) {
  const nodes: Node[] = await tx.category.findMany({ where: { companyId }, select: { id: true, parentId: true, name: true }, orderBy: { createdAt: "asc" } });
  const ids = new Map<string, string>();
  const created: Node[] = [];
  const byChild = new Map<string, string>();
  for (const n of nodes) if (!byChild.has(childKey(n.parentId, n.name))) byChild.set(childKey(n.parentId, n.name), n.id);
  for (const segments of paths) {
    let parent: string | null = null;
    for (const name of segments) {
      const key = childKey(parent, name);
      let id = byChild.get(key);
      if (!id) {
        id = (await tx.category.create({ data: { companyId, parentId: parent, name }, select: { id: true } })).id;
        byChild.set(key, id);
        created.push({ id, parentId: parent, name });
      }
      parent = id;
    }
    ids.set(pathKey(segments), parent!);
  }
  return { ids, created };
}

function childKey(parentId: string | null, name: string) {
  return `${parentId ?? ""}\u0000${name.trim().toLowerCase()}`;
}
