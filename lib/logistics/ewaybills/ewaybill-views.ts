import "server-only";
// E-way bills as the API and screens show them: status, validity (and whether it runs out within 8 hours),
// Part B history, the operations sent and their outcome; one and a page of them.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import { listEwayBillsInput } from "./ewaybills.schemas";

/** A bill expiring within this many hours is flagged. */
export const EXPIRING_WITHIN_HOURS = 8;

export const ewayBillInclude = {
  vehicles: { orderBy: { enteredAt: "asc" } },
  operations: { orderBy: { createdAt: "desc" }, take: 20 },
  shipment: { select: { id: true, number: true, status: true, shipToName: true } },
  invoice: { select: { id: true, number: true } },
  challan: { select: { id: true, number: true } },
} as const;
type Row = Prisma.EwayBillGetPayload<{ include: typeof ewayBillInclude }>;

export function toEwayBillView(b: Row, now: Date) {
  const msLeft = b.validUntil ? b.validUntil.getTime() - now.getTime() : null;
  return {
    id: b.id,
    ewbNo: b.ewbNo,
    status: b.status,
    docType: b.docType,
    docNo: b.docNo,
    docDate: dbDateToDay(b.docDate)!,
    invoice: b.invoice,
    challan: b.challan,
    shipment: b.shipment,
    ewbDate: b.ewbDate?.toISOString() ?? null,
    validUntil: b.validUntil?.toISOString() ?? null,
    expiringSoon: b.status === "GENERATED" && msLeft !== null && msLeft > 0 && msLeft <= EXPIRING_WITHIN_HOURS * 3600_000,
    distanceKm: b.distanceKm,
    odc: b.odc,
    transMode: b.transMode,
    vehicleNo: b.vehicleNo,
    transporterId: b.transporterId,
    transporterName: b.transporterName,
    transDocNo: b.transDocNo,
    transDocDate: dbDateToDay(b.transDocDate),
    fromPlace: b.fromPlace,
    fromStateCode: b.fromStateCode,
    totalValue: b.totalValue.toFixed(2),
    provider: b.provider as "sandbox" | "nic",
    extendedTimes: b.extendedTimes,
    lastError: b.lastError,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    cancelReason: b.cancelReason,
    createdAt: b.createdAt.toISOString(),
    pending: b.operations.some((o) => o.status === "PENDING"),
    vehicles: b.vehicles.map((v) => ({ vehicleNo: v.vehicleNo, transMode: v.transMode, transDocNo: v.transDocNo, transDocDate: dbDateToDay(v.transDocDate), fromPlace: v.fromPlace, fromStateCode: v.fromStateCode, reasonCode: v.reasonCode, reasonRem: v.reasonRem, validUntil: v.validUntil?.toISOString() ?? null, enteredAt: v.enteredAt.toISOString() })),
    operations: b.operations.map((o) => ({ id: o.id, action: o.action, status: o.status, error: o.error, createdAt: o.createdAt.toISOString(), doneAt: o.doneAt?.toISOString() ?? null })),
  };
}
export type EwayBillView = ReturnType<typeof toEwayBillView>;

export async function getEwayBillOrThrow(ctx: Ctx, id: string): Promise<EwayBillView> {
  assertCan(ctx.actor, "logistics.read");
  if (typeof id !== "string" || !id || id.length > 64) throw notFound("E-way bill");
  const b = await ctx.db.ewayBill.findFirst({ where: { id, companyId: ctx.actor.companyId }, include: ewayBillInclude });
  if (!b) throw notFound("E-way bill");
  return toEwayBillView(b, ctx.now());
}

export async function listEwayBills(ctx: Ctx, input: unknown = {}) {
  assertCan(ctx.actor, "logistics.read");
  const q = parseInput(listEwayBillsInput, input);
  const now = ctx.now();
  const where: Prisma.EwayBillWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.status ? { status: q.status } : {}),
    ...(q.expiring ? { status: "GENERATED", validUntil: { gt: now, lte: new Date(now.getTime() + EXPIRING_WITHIN_HOURS * 3600_000) } } : {}),
    ...(q.shipmentId ? { shipmentId: q.shipmentId } : {}),
    ...(q.q ? { OR: [{ ewbNo: { contains: q.q } }, { docNo: { contains: q.q, mode: "insensitive" } }, { vehicleNo: { contains: q.q.toUpperCase().replace(/[\s-]/g, "") } }] } : {}),
  };
  const [total, rows, expiring] = await Promise.all([
    ctx.db.ewayBill.count({ where }),
    ctx.db.ewayBill.findMany({ where, include: ewayBillInclude, orderBy: q.expiring ? [{ validUntil: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset ?? 0, take: q.pageSize ?? 20 }),
    ctx.db.ewayBill.count({ where: { companyId: ctx.actor.companyId, status: "GENERATED", validUntil: { gt: now, lte: new Date(now.getTime() + EXPIRING_WITHIN_HOURS * 3600_000) } } }),
  ]);
  return { data: rows.map((r) => toEwayBillView(r, now)), total, expiringCount: expiring };
}

/** The e-way bills of one shipment, newest first, with whether its documents need one (for the panel). */
export async function listShipmentEwayBills(ctx: Ctx, shipmentId: string) {
  return listEwayBills(ctx, { shipmentId, pageSize: 50 });
}
