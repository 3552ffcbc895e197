import "server-only";
// Whether retailers see exact available quantities in the portal (otherwise in stock / low / out).
// It needs company.write, not inventory.write: it is a commercial decision about what customers
// may see of the business (owners and admins), not a stock operation — warehouse staff move
// stock but should not decide what competitors-turned-customers learn about it.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { stockSettingsInput } from "@/lib/inventory/inventory.schemas";
import { parseInput } from "@/lib/validation";

export async function getStockSettings(ctx: Ctx) {
  assertCan(ctx.actor, "inventory.read");
  const c = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.actor.companyId }, select: { showStockToRetailers: true } });
  return { showStockToRetailers: c.showStockToRetailers };
}

export async function setShowStockToRetailers(ctx: Ctx, show: boolean) {
  assertCan(ctx.actor, "company.write");
  const { showStockToRetailers } = parseInput(stockSettingsInput, { showStockToRetailers: show });
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { showStockToRetailers: true } });
    await tx.company.update({ where: { id: companyId }, data: { showStockToRetailers } });
    await recordAudit(ctx, tx, { action: "company.show_stock_to_retailers", entityType: "Company", entityId: companyId, before, after: { showStockToRetailers } });
    return { showStockToRetailers };
  });
}
