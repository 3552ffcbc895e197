import "server-only";
// The choices of the stock report's filters: the company's warehouses and categories (a category
// named with its parent, "Staples › Poha"). reports.read + inventory.read.
import type { Ctx } from "@/lib/ctx";
import { assertCanSeeReport } from "@/lib/reporting/report-access";

export async function listStockReportOptions(ctx: Ctx) {
  assertCanSeeReport(ctx.actor, "stock");
  const companyId = ctx.actor.companyId;
  const [warehouses, categories] = await Promise.all([
    ctx.db.warehouse.findMany({ where: { companyId }, select: { id: true, code: true, name: true, active: true }, orderBy: [{ isDefault: "desc" }, { code: "asc" }] }),
    ctx.db.category.findMany({ where: { companyId }, select: { id: true, name: true, parentId: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path = (id: string): string => {
    const c = byId.get(id)!;
    return c.parentId && byId.has(c.parentId) ? `${path(c.parentId)} › ${c.name}` : c.name;
  };
  return {
    warehouses: warehouses.map((w) => ({ id: w.id, label: `${w.name} (${w.code})${w.active ? "" : " — inactive"}` })),
    categories: categories.map((c) => ({ id: c.id, label: path(c.id) })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}
