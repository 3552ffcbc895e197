import "server-only";
// What the new-challan form offers: the company's active warehouses (with whether their address is complete) and
// its active retailers.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";

export async function challanFormOptions(ctx: Ctx) {
  assertCan(ctx.actor, "logistics.write");
  const companyId = ctx.actor.companyId;
  const [warehouses, connections] = await Promise.all([
    ctx.db.warehouse.findMany({ where: { companyId, active: true }, orderBy: [{ isDefault: "desc" }, { code: "asc" }], select: { id: true, code: true, name: true, isDefault: true, stateCode: true, city: true, addressLine1: true, pincode: true } }),
    ctx.db.connection.findMany({ where: { companyId, status: "ACTIVE" }, orderBy: { retailer: { legalName: "asc" } }, take: 500, select: { id: true, retailer: { select: { legalName: true, tradeName: true, city: true } } } }),
  ]);
  return {
    warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, isDefault: w.isDefault, stateCode: w.stateCode, addressComplete: Boolean(w.addressLine1 && w.city && w.pincode) })),
    retailers: connections.map((c) => ({ id: c.id, name: `${c.retailer.tradeName ?? c.retailer.legalName} · ${c.retailer.city}` })),
  };
}
