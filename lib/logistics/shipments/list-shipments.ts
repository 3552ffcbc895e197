import "server-only";
// The shipments list: newest first, filtered by status, creation day (IST), text (number, retailer,
// order number) and "on no live trip" for the trip builder.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listShipmentsInput } from "@/lib/logistics/shipments/shipments.schemas";
import { shipmentViewArgs, toShipmentView, type ShipmentView } from "@/lib/logistics/shipments/shipment-views";
import { startOfIstDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

const DAY_MS = 86_400_000;

export async function listShipments(ctx: Ctx, input: unknown = {}): Promise<{ data: ShipmentView[]; total: number }> {
  assertCan(ctx.actor, "logistics.read");
  const actor = ctx.actor;
  const q = parseInput(listShipmentsInput, input ?? {});
  const where: Prisma.ShipmentWhereInput = { companyId: actor.companyId };
  if (q.status) where.status = q.status;
  if (q.unassigned) where.currentTripId = null;
  if (q.from || q.to) where.createdAt = { ...(q.from ? { gte: startOfIstDay(q.from) } : {}), ...(q.to ? { lt: new Date(startOfIstDay(q.to).getTime() + DAY_MS) } : {}) };
  const text = q.q?.trim();
  if (text) {
    where.OR = [
      { number: { contains: text, mode: "insensitive" } },
      { shipToName: { contains: text, mode: "insensitive" } },
      { shipToCity: { contains: text, mode: "insensitive" } },
      { lrNumber: { contains: text, mode: "insensitive" } },
      { orders: { some: { order: { number: { contains: text, mode: "insensitive" } } } } },
    ];
  }
  const [rows, total] = await Promise.all([
    ctx.db.shipment.findMany({ where, ...shipmentViewArgs, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset, take: q.pageSize }),
    ctx.db.shipment.count({ where }),
  ]);
  return { data: rows.map((r) => toShipmentView(actor, r)), total };
}
