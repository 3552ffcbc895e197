import "server-only";
// A shipment from one or more packed orders of one consignee (the same connection and ship-to) and
// one warehouse. Each order is locked (in id order, so two shipments built at once never deadlock)
// and checked to be on no other shipment that is not cancelled, under that lock.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { createShipmentInput, type CreateShipmentData } from "@/lib/logistics/shipments/shipments.schemas";
import { loadShipmentView, type ShipmentView } from "@/lib/logistics/shipments/shipment-views";
import { appendTrackingEvent } from "@/lib/logistics/tracking/append-tracking-event";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

export async function createShipment(ctx: Ctx, input: unknown): Promise<ShipmentView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(createShipmentInput, input);
  return ctx.db.$transaction(async (tx) => {
    const id = await createShipmentInTx(ctx, tx, actor.companyId, data);
    return loadShipmentView(tx, actor, actor.companyId, id);
  }, { timeout: 20_000, maxWait: 20_000 });
}

/** Inside the caller's transaction; returns the new shipment's id. The caller has checked logistics.write. */
export async function createShipmentInTx(ctx: Ctx, tx: Tx, companyId: string, data: CreateShipmentData): Promise<string> {
  const ids = [...data.orderIds].sort();
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE "companyId" = ${companyId} AND id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  const found = new Set(locked.map((r) => r.id));
  const missing = data.orderIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError("not_found", "Order not found", { fieldErrors: { [`orderIds.${missing}`]: ["Not an order of this company"] } });

  const orders = await tx.order.findMany({
    where: { companyId, id: { in: ids } },
    select: {
      id: true, number: true, status: true, connectionId: true, retailerId: true, warehouseId: true, grandTotal: true,
      shippingName: true, shippingLine1: true, shippingLine2: true, shippingCity: true, shippingStateCode: true, shippingPincode: true,
      shipments: { where: { shipment: { status: { not: "CANCELLED" } } }, select: { shipment: { select: { number: true } } } },
    },
  });
  const byId = new Map(orders.map((o) => [o.id, o]));
  const first = byId.get(data.orderIds[0])!;
  const consignee = (o: typeof first) => [o.connectionId, o.shippingName, o.shippingLine1, o.shippingLine2 ?? "", o.shippingCity, o.shippingStateCode, o.shippingPincode].join("\u0001");
  const errors: FieldErrors = {};
  data.orderIds.forEach((id, i) => {
    const o = byId.get(id)!;
    const key = `orderIds.${i}`;
    if (o.status !== "PACKED") errors[key] = [`Order ${o.number} is ${o.status.toLowerCase()}: only packed orders can be shipped`];
    else if (o.shipments.length) errors[key] = [`Order ${o.number} is already on shipment ${o.shipments[0].shipment.number}`];
    else if (o.warehouseId !== first.warehouseId) errors[key] = [`Order ${o.number} is packed in another warehouse`];
    else if (consignee(o) !== consignee(first)) errors[key] = [`Order ${o.number} goes to another consignee or address`];
  });
  if (Object.keys(errors).length) {
    const onShipment = Object.values(errors).some((m) => m[0].includes("already on shipment") || m[0].includes("only packed"));
    throw new AppError(onShipment ? "conflict" : "validation", `These orders cannot go on one shipment: ${Object.values(errors).map((m) => m[0]).join("; ")}`, { fieldErrors: errors });
  }

  const now = ctx.now();
  const number = await nextDocumentNumber(tx, { companyId, prefix: "SHP", date: now });
  const declaredValue = orders.reduce((sum, o) => sum.plus(o.grandTotal), new Prisma.Decimal(0));
  const shipment = await tx.shipment.create({
    data: {
      companyId,
      number,
      kind: "SUPPLY",
      status: "READY",
      warehouseId: first.warehouseId,
      connectionId: first.connectionId,
      retailerId: first.retailerId,
      shipToName: first.shippingName,
      shipToLine1: first.shippingLine1,
      shipToLine2: first.shippingLine2,
      shipToCity: first.shippingCity,
      shipToStateCode: first.shippingStateCode,
      shipToPincode: first.shippingPincode,
      packages: data.packages,
      weightKg: data.weightKg,
      volumeM3: data.volumeM3,
      crates: data.crates,
      declaredValue,
      carrierType: "OWN_FLEET",
      createdById: ctx.actor.userId,
      createdAt: now,
      orders: { create: ids.map((orderId) => ({ orderId, companyId })) },
    },
    select: { id: true },
  });
  await appendTrackingEvent(tx, { companyId, shipmentId: shipment.id, code: "created", description: `Packed and ready at the warehouse: ${data.packages} package${data.packages === 1 ? "" : "s"}`, source: "staff", occurredAt: now });
  await recordAudit(ctx, tx, {
    action: "shipment.create",
    entityType: "Shipment",
    entityId: shipment.id,
    companyId,
    retailerId: first.retailerId,
    after: { number, orders: orders.map((o) => o.number), packages: data.packages, weightKg: data.weightKg, volumeM3: data.volumeM3, crates: data.crates, declaredValue: declaredValue.toFixed(2), notes: data.notes ?? null },
  });
  return shipment.id;
}
