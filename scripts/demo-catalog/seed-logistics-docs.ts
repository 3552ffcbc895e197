// Demo delivery challans and e-way bills for Shree Ganesh: the local e-way bill sandbox as its e-way bill
// system (labelled as such everywhere; nothing reaches GSTN), a stock-transfer challan for the Chakan → Nashik
// replenishment on its own shipment, a job-work challan, and e-way bills on past shipments of invoiced orders —
// one expired, one live whose truck broke down (Part B updated), one cancelled — plus one packed shipment still
// waiting for its e-way bill. Shipments are inserted here with the core schema when the order has none yet.
// Everything goes through the domain functions and the same job runner the app uses, with the clock set to when
// it happened. Idempotent: a vendor that already has challans or e-way bills is left alone.
import { loadActor } from "@/lib/auth/load-actor";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { createChallan } from "@/lib/logistics/challans/create-challan";
import { cancelEwayBill, updatePartB } from "@/lib/logistics/ewaybills/ewaybill-actions";
import { updateEwayBillSettings } from "@/lib/logistics/ewaybills/ewaybill-settings";
import { expireEwayBills } from "@/lib/logistics/ewaybills/expire-eway-bills";
import { requestEwayBill } from "@/lib/logistics/ewaybills/request-eway-bill";
import { runEwayBillOperation } from "@/lib/logistics/ewaybills/run-ewaybill-operation";
import { istDay } from "@/lib/pricing/dates";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };
const HOUR = 3600_000;

export async function seedLogisticsDocs(db: PrismaClient, ids: Ids) {
  const companyId = ids.companyIds.get("SGAF");
  if (!companyId) return;
  if ((await db.deliveryChallan.count({ where: { companyId } })) || (await db.ewayBill.count({ where: { companyId } }))) return;
  const actor = await loadActor(db, ids.userIds.get("owner@shreeganesh.example")!, companyId);
  if (!actor) return;
  const now = new Date();
  const at = (when: Date) => makeCtx(actor, { db, now: () => when });
  await updateEwayBillSettings(at(now), { mode: "SANDBOX", threshold: "50000" });

  const chk = await db.warehouse.findFirst({ where: { companyId, code: "CHK" } });
  const nsk = await db.warehouse.findFirst({ where: { companyId, code: "NSK" } });
  if (!chk || !nsk) return;

  // The Chakan → Nashik replenishment travels on a stock-transfer challan, on a shipment of its own.
  const transfer = await db.stockTransfer.findFirst({ where: { companyId, fromWarehouseId: chk.id, toWarehouseId: nsk.id }, orderBy: { createdAt: "asc" } });
  if (transfer) {
    const ship = await insertShipment(db, companyId, { kind: "STOCK_TRANSFER", warehouseId: chk.id, toWarehouseId: nsk.id, to: { name: "Shree Ganesh Foods — Nashik Depot", line1: nsk.addressLine1 ?? "MIDC Ambad", city: nsk.city ?? "Nashik", stateCode: nsk.stateCode, pincode: nsk.pincode ?? "422010" }, status: "READY", lrNumber: null, lrDate: null, when: now });
    await createChallan(at(now), { reason: "STOCK_TRANSFER", fromWarehouseId: chk.id, stockTransferId: transfer.id, shipmentId: ship.id, notes: "Truck MH 14 GU 8830" });
  }
  // Roasted chana sent for repacking into 200 g pouches.
  const chana = await db.product.findFirst({ where: { companyId, sku: { startsWith: "SG-" } }, orderBy: { sku: "asc" } });
  if (chana) {
    await createChallan(at(now), {
      reason: "JOB_WORK",
      reasonNote: "Repacking into 200 g pouches, return within 15 days",
      fromWarehouseId: chk.id,
      consignee: { name: "Sai Packaging Works", address1: "Unit 14, Bhosari MIDC, J Block", city: "Pune", stateCode: "27", pincode: "411026" },
      lines: [{ productId: chana.id, quantity: "200" }],
    });
  }

  // E-way bills on shipments of the biggest invoiced orders without a shipment.
  const invoices = await db.invoice.findMany({
    where: { companyId, type: "INVOICE", status: "ISSUED", orderId: { not: null }, order: { shipments: { none: {} } } },
    orderBy: [{ grandTotal: "desc" }],
    take: 4,
    include: { retailer: true },
  });
  const plans = [
    { story: "expired", daysAgo: 6, km: 180, vehicle: "MH14GU8830", status: "DELIVERED" as const },
    { story: "breakdown", daysAgo: 0, km: 240, vehicle: "MH12TR4521", status: "DISPATCHED" as const },
    { story: "cancelled", daysAgo: 0, km: 90, vehicle: "MH12TR4521", status: "DISPATCHED" as const },
    { story: "waiting", daysAgo: 0, km: 0, vehicle: "", status: "READY" as const },
  ];
  for (const [i, inv] of invoices.entries()) {
    const plan = plans[i]!;
    const issued = inv.issueDate.getTime();
    const genAt = plan.daysAgo ? new Date(Math.max(issued + 10 * HOUR, now.getTime() - plan.daysAgo * 24 * HOUR)) : new Date(now.getTime() - 3 * HOUR);
    const r = inv.retailer;
    const ship = await insertShipment(db, companyId, { kind: "SUPPLY", warehouseId: chk.id, orderId: inv.orderId!, connectionId: inv.connectionId, retailerId: inv.retailerId, to: { name: r.tradeName ?? r.legalName, line1: r.addressLine1, city: r.city, stateCode: r.stateCode, pincode: r.pincode }, status: plan.status, lrNumber: plan.vehicle ? `LR-${4470 + i}` : null, lrDate: plan.vehicle ? new Date(`${istDay(genAt)}T00:00:00Z`) : null, when: genAt });
    if (plan.story === "waiting") continue;
    const bill = await requestEwayBill(at(genAt), { shipmentId: ship.id, invoiceId: inv.id, distanceKm: plan.km, vehicleNo: plan.vehicle });
    await runPending(db, bill.id, genAt);
    if (plan.story === "breakdown") {
      const later = new Date(genAt.getTime() + 2 * HOUR);
      await updatePartB(at(later), bill.id, { vehicleNo: "MH14CD9876", reasonCode: 1, reasonRem: "Breakdown near Lonavala ghat", fromPlace: "Lonavala" });
      await runPending(db, bill.id, later);
    }
    if (plan.story === "cancelled") {
      const later = new Date(genAt.getTime() + HOUR);
      await cancelEwayBill(at(later), bill.id, { reasonCode: 3, remark: "Wrong vehicle number entered" });
      await runPending(db, bill.id, later);
    }
  }
  await expireEwayBills({ db, now: () => now });
}

async function runPending(db: PrismaClient, ewayBillId: string, when: Date) {
  const ops = await db.ewayBillOperation.findMany({ where: { ewayBillId, status: "PENDING" }, orderBy: { createdAt: "asc" } });
  for (const op of ops) await runEwayBillOperation(op.id, { finalAttempt: true }, { db, now: () => when });
  // The in-process run did the work; the queued copies of these jobs would only find nothing to do.
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'ewaybill-operation' AND data->>'operationId' = ANY(${ops.map((o) => o.id)})`;
}

type ShipmentSeed = {
  kind: "SUPPLY" | "STOCK_TRANSFER";
  warehouseId: string;
  toWarehouseId?: string;
  orderId?: string;
  connectionId?: string;
  retailerId?: string;
  to: { name: string; line1: string; city: string; stateCode: string; pincode: string };
  status: "READY" | "DISPATCHED" | "DELIVERED";
  lrNumber: string | null;
  lrDate: Date | null;
  when: Date;
};

async function insertShipment(db: PrismaClient, companyId: string, s: ShipmentSeed) {
  return db.$transaction(async (tx) => {
    const number = await nextDocumentNumber(tx, { companyId, prefix: "SHP", date: s.when });
    return tx.shipment.create({
      data: {
        companyId,
        number,
        kind: s.kind,
        status: s.status,
        warehouseId: s.warehouseId,
        toWarehouseId: s.toWarehouseId ?? null,
        connectionId: s.connectionId ?? null,
        retailerId: s.retailerId ?? null,
        shipToName: s.to.name,
        shipToLine1: s.to.line1,
        shipToCity: s.to.city,
        shipToStateCode: s.to.stateCode,
        shipToPincode: s.to.pincode,
        lrNumber: s.lrNumber,
        lrDate: s.lrDate,
        dispatchedAt: s.status === "READY" ? null : s.when,
        deliveredAt: s.status === "DELIVERED" ? new Date(s.when.getTime() + 20 * HOUR) : null,
        createdAt: s.when,
        orders: s.orderId ? { create: [{ orderId: s.orderId, companyId }] } : undefined,
      },
    });
  });
}
