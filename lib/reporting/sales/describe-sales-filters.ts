import "server-only";
// Names for the filters of a sales report URL ("Retailer: Sharma Stores"), read within the actor's
// company only: another company's id gets no name (and selects nothing in the report).
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { stateName } from "@/lib/integrations/gst/states";
import type { SalesFilterValues } from "./sales-sql";

export type FilterChip = { key: keyof SalesFilterValues; label: string; value: string };

export async function describeSalesFilters(ctx: Ctx, f: SalesFilterValues): Promise<FilterChip[]> {
  assertCan(ctx.actor, "reports.read");
  const companyId = ctx.actor.companyId;
  const some = (v: string | undefined) => (v && v !== "none" ? v : undefined);
  const [conn, product, category, user, warehouse] = await Promise.all([
    some(f.connectionId) ? ctx.db.connection.findFirst({ where: { id: f.connectionId, companyId }, select: { retailer: { select: { legalName: true, tradeName: true } } } }) : null,
    some(f.productId) ? ctx.db.product.findFirst({ where: { id: f.productId, companyId }, select: { name: true } }) : null,
    some(f.categoryId) ? ctx.db.category.findFirst({ where: { id: f.categoryId, companyId }, select: { name: true } }) : null,
    some(f.salespersonId) ? ctx.db.membership.findFirst({ where: { userId: f.salespersonId, companyId }, select: { user: { select: { name: true } } } }) : null,
    some(f.warehouseId) ? ctx.db.warehouse.findFirst({ where: { id: f.warehouseId, companyId }, select: { name: true } }) : null,
  ]);
  const chips: FilterChip[] = [];
  const unknown = "Not found";
  if (f.connectionId) chips.push({ key: "connectionId", label: "Retailer", value: conn ? (conn.retailer.tradeName ?? conn.retailer.legalName) : unknown });
  if (f.productId) chips.push({ key: "productId", label: "Product", value: f.productId === "none" ? "Lines without a product" : (product?.name ?? unknown) });
  if (f.categoryId) chips.push({ key: "categoryId", label: "Category", value: f.categoryId === "none" ? "Uncategorised" : (category?.name ?? unknown) });
  if (f.hsn) chips.push({ key: "hsn", label: "HSN", value: f.hsn });
  if (f.state) chips.push({ key: "state", label: "State", value: `${stateName(f.state) ?? "Unknown"} (${f.state})` });
  if (f.salespersonId) chips.push({ key: "salespersonId", label: "Salesperson", value: f.salespersonId === "none" ? "None" : (user?.user.name ?? unknown) });
  if (f.warehouseId) chips.push({ key: "warehouseId", label: "Warehouse", value: f.warehouseId === "none" ? "Direct invoices" : (warehouse?.name ?? unknown) });
  return chips;
}
