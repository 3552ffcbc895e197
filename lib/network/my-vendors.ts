import "server-only";
// The retailer's side: its vendors, its business profile and its users.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { stateName } from "@/lib/integrations/gst/states";
import { assertRetailer } from "@/lib/network/guards";
import { updateRetailerBusinessInput } from "@/lib/network/network.schemas";
import { toRetailerSummary } from "@/lib/network/views";
import { parseInput } from "@/lib/validation";

export async function listMyVendors(ctx: Ctx) {
  assertRetailer(ctx.actor);
  const rows = await ctx.db.connection.findMany({
    where: { retailerId: ctx.actor.retailerId },
    include: { company: { select: { id: true, code: true, legalName: true, tradeName: true, city: true, stateCode: true, gstin: true, phone: true, email: true, logoUpdatedAt: true } } },
    orderBy: [{ status: "asc" }, { company: { legalName: "asc" } }],
  });
  return rows.map((c) => ({
    connectionId: c.id,
    status: c.status,
    customerCode: c.customerCode,
    creditLimit: c.creditLimit.toFixed(2),
    paymentTermsDays: c.paymentTermsDays,
    placeOfSupply: c.placeOfSupply,
    activatedAt: c.activatedAt?.toISOString() ?? null,
    vendor: { id: c.company.id, code: c.company.code, name: c.company.tradeName ?? c.company.legalName, legalName: c.company.legalName, city: c.company.city, stateName: stateName(c.company.stateCode) ?? null, gstin: c.company.gstin, phone: c.company.phone, email: c.company.email },
  }));
}

export async function getMyBusiness(ctx: Ctx) {
  assertRetailer(ctx.actor);
  const r = await ctx.db.retailer.findUniqueOrThrow({ where: { id: ctx.actor.retailerId }, include: { members: { include: { user: { select: { name: true, email: true, phone: true, lastLoginAt: true } } }, orderBy: { createdAt: "asc" } } } });
  const me = r.members.find((m) => m.userId === ctx.actor.userId);
  return {
    ...toRetailerSummary(r),
    canEdit: me?.role === "OWNER",
    users: r.members.map((m) => ({ id: m.id, name: m.user.name, email: m.user.email, phone: m.user.phone, role: m.role, active: m.active, lastLoginAt: m.user.lastLoginAt?.toISOString() ?? null })),
  };
}

/** Only the business's owner may change its details; GSTIN and state must agree. */
export async function updateMyBusiness(ctx: Ctx, input: unknown) {
  assertRetailer(ctx.actor);
  const data = parseInput(updateRetailerBusinessInput, input);
  const actor = ctx.actor;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const m = await tx.retailerMembership.findUnique({ where: { retailerId_userId: { retailerId: actor.retailerId, userId: actor.userId } } });
      if (m?.role !== "OWNER") throw new AppError("forbidden", "Only the business owner can change these details");
      const before = await tx.retailer.findUniqueOrThrow({ where: { id: actor.retailerId } });
      const gstin = data.gstin === undefined ? before.gstin : data.gstin;
      if (gstin && data.stateCode === undefined) data.stateCode = gstin.slice(0, 2);
      if (gstin && data.stateCode !== gstin.slice(0, 2)) throw new AppError("validation", "State must match the GSTIN", { fieldErrors: { stateCode: ["State must match the state code in the GSTIN"] } });
      const after = await tx.retailer.update({ where: { id: actor.retailerId }, data });
      const keys = Object.keys(data) as (keyof typeof after)[];
      await recordAudit(ctx, tx, { action: "retailer.update", entityType: "Retailer", entityId: actor.retailerId, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) });
      return toRetailerSummary(after);
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("conflict", "Another business is registered with this GSTIN", { fieldErrors: { gstin: ["Another business is registered with this GSTIN"] } });
    throw err;
  }
}
