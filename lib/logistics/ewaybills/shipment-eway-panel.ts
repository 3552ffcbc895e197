import "server-only";
// What the shipment's e-way bill panel shows: the shipment (trip vehicle, LR), each document its goods travel on
// with whether it needs an e-way bill (threshold per state, job work) and its live bill, and all its bills.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { ewayBillNeeded } from "@/lib/integrations/gst/ewaybill/ewaybill-threshold";
import { loadEwayBillSettings } from "./ewaybill-settings";
import { loadEwaySource, loadShipmentForEway, shipmentDocuments } from "./ewaybill-source";
import { listEwayBills } from "./ewaybill-views";

export async function getShipmentEwayPanel(ctx: Ctx, shipmentId: string) {
  assertCan(ctx.actor, "logistics.read");
  const companyId = ctx.actor.companyId;
  const shipment = await loadShipmentForEway(ctx.db, companyId, shipmentId);
  const settings = await loadEwayBillSettings(ctx.db, companyId);
  const docs = await shipmentDocuments(ctx.db, companyId, shipment);
  const bills = (await listEwayBills(ctx, { shipmentId, pageSize: 50 })).data;
  const documents = [];
  for (const t of [...docs.invoices.map((d) => ({ invoiceId: d.id })), ...docs.challans.map((d) => ({ challanId: d.id }))]) {
    const src = await loadEwaySource(ctx.db, ctx.actor, t, shipment);
    const need = ewayBillNeeded({ value: src.value, fromState: src.fromState, toState: src.toState, jobWork: src.jobWork }, { threshold: settings.threshold, stateThresholds: settings.stateThresholds as Record<string, string> });
    const live = bills.find((b) => b.docType === src.docType && b.docNo === src.docNo && (b.status === "GENERATED" || b.status === "PENDING")) ?? null;
    documents.push({ invoiceId: src.invoiceId, challanId: src.challanId, docType: src.docType, docNo: src.docNo, value: src.value.toFixed(2), need, live });
  }
  return {
    shipment: { id: shipment.id, number: shipment.number, status: shipment.status, kind: shipment.kind, shipToName: shipment.shipToName, shipToCity: shipment.shipToCity, lrNumber: shipment.lrNumber, trip: shipment.currentTrip ? { number: shipment.currentTrip.number, vehicleNo: shipment.currentTrip.vehicle?.registrationNo ?? null } : null },
    documents,
    bills,
    mode: settings.mode === "NIC" ? ("NIC" as const) : ("SANDBOX" as const),
  };
}

/** Shipments at the warehouse or on the road whose invoice or challan has no live e-way bill (the dispatcher's queue). */
export async function listShipmentsAwaitingEwayBills(ctx: Ctx, opts: { take?: number } = {}) {
  assertCan(ctx.actor, "logistics.read");
  const companyId = ctx.actor.companyId;
  const rows = await ctx.db.shipment.findMany({
    where: {
      companyId,
      status: { in: ["READY", "DISPATCHED"] },
      ewayBills: { none: { status: { in: ["PENDING", "GENERATED"] } } },
      OR: [{ orders: { some: { order: { invoices: { some: { type: "INVOICE", status: "ISSUED" } } } } } }, { challans: { some: { status: "ISSUED" } } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 10,
    select: { id: true, number: true, status: true, shipToName: true, shipToCity: true, declaredValue: true },
  });
  return rows.map((r) => ({ ...r, declaredValue: r.declaredValue.toFixed(2) }));
}
