import "server-only";
// Delivery challans as the API and screens show them (amounts as decimal strings), one and a page of them.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import type { ChallanParty } from "./challan-types";
import { listChallansInput } from "./challans.schemas";

export const challanInclude = {
  lines: { orderBy: { position: "asc" } },
  fromWarehouse: { select: { id: true, code: true, name: true } },
  toWarehouse: { select: { id: true, code: true, name: true } },
  stockTransfer: { select: { id: true, number: true } },
  shipment: { select: { id: true, number: true, kind: true, status: true } },
  ewayBills: { select: { id: true, ewbNo: true, status: true, validUntil: true }, orderBy: { createdAt: "desc" } },
} as const;
export type ChallanRow = Prisma.DeliveryChallanGetPayload<{ include: typeof challanInclude }>;

export function toChallanView(c: ChallanRow) {
  return {
    id: c.id,
    number: c.number,
    reason: c.reason,
    reasonNote: c.reasonNote,
    status: c.status,
    challanDate: dbDateToDay(c.challanDate)!,
    fromWarehouse: c.fromWarehouse,
    toWarehouse: c.toWarehouse,
    stockTransfer: c.stockTransfer,
    shipment: c.shipment,
    connectionId: c.connectionId,
    consignor: c.consignor as unknown as ChallanParty,
    consignee: c.consignee as unknown as ChallanParty,
    taxType: c.taxType as "intra" | "inter",
    taxableTotal: c.taxableTotal.toFixed(2),
    cgstTotal: c.cgstTotal.toFixed(2),
    sgstTotal: c.sgstTotal.toFixed(2),
    igstTotal: c.igstTotal.toFixed(2),
    cessTotal: c.cessTotal.toFixed(2),
    totalValue: c.totalValue.toFixed(2),
    notes: c.notes,
    cancelledAt: c.cancelledAt?.toISOString() ?? null,
    cancelReason: c.cancelReason,
    createdAt: c.createdAt.toISOString(),
    lines: c.lines.map((l) => ({ position: l.position, productId: l.productId, description: l.description, sku: l.sku, hsnCode: l.hsnCode, quantity: l.quantity.toString(), unit: l.unit, rate: l.rate.toFixed(2), taxableValue: l.taxableValue.toFixed(2), gstRate: l.gstRate.toString(), cessRate: l.cessRate.toString() })),
    ewayBills: c.ewayBills.map((e) => ({ id: e.id, ewbNo: e.ewbNo, status: e.status, validUntil: e.validUntil?.toISOString() ?? null })),
  };
}
export type ChallanView = ReturnType<typeof toChallanView>;

export async function getChallanOrThrow(ctx: Ctx, id: string): Promise<ChallanView> {
  assertCan(ctx.actor, "logistics.read");
  if (typeof id !== "string" || !id || id.length > 64) throw notFound("Delivery challan");
  const c = await ctx.db.deliveryChallan.findFirst({ where: { id, companyId: ctx.actor.companyId }, include: challanInclude });
  if (!c) throw notFound("Delivery challan");
  return toChallanView(c);
}

export async function listChallans(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "logistics.read");
  const q = parseInput(listChallansInput, input);
  const pageSize = q.pageSize ?? 20;
  const where: Prisma.DeliveryChallanWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.status ? { status: q.status } : {}),
    ...(q.reason ? { reason: q.reason } : {}),
    ...(q.q ? { OR: [{ number: { contains: q.q, mode: "insensitive" } }, { consignee: { path: ["name"], string_contains: q.q } }, { reasonNote: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.deliveryChallan.count({ where }),
    ctx.db.deliveryChallan.findMany({ where, include: challanInclude, orderBy: [{ challanDate: "desc" }, { number: "desc" }], skip: q.offset ?? 0, take: pageSize }),
  ]);
  return { data: rows.map(toChallanView), total };
}
