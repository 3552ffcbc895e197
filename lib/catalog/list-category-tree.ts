import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";

export type CategoryNode = {
  id: string;
  name: string;
  parentId: string | null;
  /** Products directly in this category. */
  ownProductCount: number;
  /** Products in this category and every category below it. */
  productCount: number;
  children: CategoryNode[];
};

/**
 * The company's category tree, siblings by name, with product counts that include sub-categories.
 * `counts: false` skips counting (a pass over every product: ~30 ms at 100,000 products), for
 * filters that only need the names; the counts are then 0.
 */
export async function listCategoryTree(ctx: Ctx, opts: { counts?: boolean } = {}): Promise<CategoryNode[]> {
  assertCan(ctx.actor, "catalog.read");
  const companyId = ctx.actor.companyId;
  const [categories, counts] = await Promise.all([
    ctx.db.category.findMany({ where: { companyId }, select: { id: true, name: true, parentId: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    opts.counts === false ? [] : ctx.db.product.groupBy({ by: ["categoryId"], where: { companyId, categoryId: { not: null } }, _count: { _all: true } }),
  ]);
  const own = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  const nodes = new Map<string, CategoryNode>(categories.map((c) => [c.id, { ...c, ownProductCount: own.get(c.id) ?? 0, productCount: 0, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const total = (n: CategoryNode): number => (n.productCount = n.ownProductCount + n.children.reduce((s, child) => s + total(child), 0));
  roots.forEach(total);
  return roots;
}

/** The tree flattened depth-first with each node's depth, for selects and indented lists. */
export function flattenCategoryTree(tree: CategoryNode[], depth = 0): (Omit<CategoryNode, "children"> & { depth: number; hasChildren: boolean })[] {
  return tree.flatMap(({ children, ...n }) => [{ ...n, depth, hasChildren: children.length > 0 }, ...flattenCategoryTree(children, depth + 1)]);
}
