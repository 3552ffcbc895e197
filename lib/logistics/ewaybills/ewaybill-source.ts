import "server-only";
// What an e-way bill is built from: the document (an issued tax invoice or delivery challan) and, when the goods
// go on a shipment, the shipment (dispatch-from warehouse, ship-to, LR) and its trip (vehicle, trip number as LR).
import type { Actor } from "@/lib/auth/actor";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import type { PartyAddress } from "@/lib/billing/parties";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SubSupplyType } from "@/lib/integrations/gst/ewaybill/ewaybill-codes";
import { ewayDocFromInvoice, type EwayDocInput } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import type { ChallanParty } from "@/lib/logistics/challans/challan-types";

const D = Prisma.Decimal;

export const shipmentForEway = {
  warehouse: true,
  orders: { select: { orderId: true } },
  currentTrip: { select: { id: true, number: true, tripDate: true, status: true, vehicle: { select: { registrationNo: true, ownership: true, transporterId: true, transporterName: true } }, depot: { select: { city: true, stateCode: true, pincode: true } } } },
} as const;
export type ShipmentForEway = Prisma.ShipmentGetPayload<{ include: typeof shipmentForEway }>;

export type EwaySource = {
  invoiceId: string | null;
  challanId: string | null;
  docType: "INV" | "CHL";
  docNo: string;
  docDate: Date;
  doc: EwayDocInput;
  value: Prisma.Decimal;
  fromState: string;
  toState: string;
  jobWork: boolean;
};

const CHALLAN_SUB: Record<string, { sub: SubSupplyType; desc?: string }> = {
  STOCK_TRANSFER: { sub: 5 },
  JOB_WORK: { sub: 4 },
  EXHIBITION: { sub: 12 },
  APPROVAL: { sub: 8, desc: "Goods on approval" },
  OTHER: { sub: 8 },
};

export async function loadShipmentForEway(tx: Tx, companyId: string, shipmentId: string): Promise<ShipmentForEway> {
  const s = await tx.shipment.findFirst({ where: { id: shipmentId, companyId }, include: shipmentForEway });
  if (!s) throw notFound("Shipment");
  if (s.status === "CANCELLED") throw new AppError("invalid_transition", `Shipment ${s.number} is cancelled`);
  return s;
}

/** The documents a shipment's goods travel on: its orders' issued tax invoices and its issued challans. */
export async function shipmentDocuments(tx: Tx, companyId: string, s: ShipmentForEway) {
  const orderIds = s.orders.map((o) => o.orderId);
  const [invoices, challans] = await Promise.all([
    orderIds.length ? tx.invoice.findMany({ where: { companyId, orderId: { in: orderIds }, type: "INVOICE", status: "ISSUED" }, select: { id: true, number: true } }) : [],
    tx.deliveryChallan.findMany({ where: { companyId, shipmentId: s.id, status: "ISSUED" }, select: { id: true, number: true } }),
  ]);
  return { invoices, challans };
}

export async function loadEwaySource(tx: Tx, actor: Actor, target: { invoiceId?: string; challanId?: string }, shipment: ShipmentForEway | null): Promise<EwaySource> {
  const companyId = (actor as { companyId: string }).companyId;
  const dispatchFrom: PartyAddress | null = shipment?.warehouse.addressLine1 && shipment.warehouse.city && shipment.warehouse.pincode ? { address1: shipment.warehouse.addressLine1, address2: shipment.warehouse.addressLine2, city: shipment.warehouse.city, stateCode: shipment.warehouse.stateCode, pincode: shipment.warehouse.pincode } : null;
  if (target.invoiceId) {
    const inv = await loadInvoiceDocument(tx, actor, target.invoiceId);
    if (inv.type !== "INVOICE") throw new AppError("validation", "An e-way bill goes with a tax invoice; credit and debit notes move no goods", { fieldErrors: { invoiceId: ["Not a tax invoice"] } });
    if (inv.status === "CANCELLED") throw new AppError("invalid_transition", `${inv.number} is cancelled; goods cannot move on it`);
    if (shipment && !shipment.orders.some((o) => o.orderId === inv.orderId)) throw new AppError("validation", `${inv.number} is not for an order on shipment ${shipment.number}`, { fieldErrors: { invoiceId: ["Not on this shipment"] } });
    const shipTo = shipment ? { name: shipment.shipToName, address1: shipment.shipToLine1, address2: shipment.shipToLine2, city: shipment.shipToCity, stateCode: shipment.shipToStateCode, pincode: shipment.shipToPincode } : undefined;
    const doc = ewayDocFromInvoice(inv, { ...(shipment ? { dispatchFrom, shipTo } : {}) });
    const fromAt = doc.dispatchFrom ?? doc.from.address;
    const toAt = doc.shipTo ?? doc.to.address;
    return { invoiceId: inv.id, challanId: null, docType: "INV", docNo: inv.number, docDate: inv.issueDate, doc, value: inv.grandTotal, fromState: fromAt.stateCode, toState: toAt.stateCode, jobWork: false };
  }
  const c = await tx.deliveryChallan.findFirst({ where: { id: target.challanId!, companyId }, include: { lines: { orderBy: { position: "asc" } } } });
  if (!c) throw notFound("Delivery challan");
  if (c.status === "CANCELLED") throw new AppError("invalid_transition", `${c.number} is cancelled; goods cannot move on it`);
  if (shipment && c.shipmentId !== shipment.id) throw new AppError("validation", `${c.number} is not for shipment ${shipment.number}`, { fieldErrors: { challanId: ["Not on this shipment"] } });
  const consignor = c.consignor as unknown as ChallanParty;
  const consignee = c.consignee as unknown as ChallanParty;
  const sub = CHALLAN_SUB[c.reason]!;
  const at = (p: ChallanParty): PartyAddress => ({ address1: p.address1, address2: p.address2, city: p.city, stateCode: p.stateCode, pincode: p.pincode });
  const doc: EwayDocInput = {
    subSupplyType: sub.sub,
    subSupplyDesc: sub.desc ?? c.reasonNote?.slice(0, 20) ?? "Others",
    docType: "CHL",
    docNo: c.number,
    docDate: c.challanDate,
    from: { gstin: consignor.gstin, name: consignor.name, stateCode: consignor.stateCode, address: at(consignor) },
    to: { gstin: consignee.gstin, name: consignee.name, stateCode: consignee.stateCode, address: at(consignee) },
    intra: c.taxType === "intra",
    lines: c.lines.map((l) => ({ name: l.description, desc: l.sku, hsnCode: l.hsnCode, quantity: l.quantity, unit: l.unit, taxableValue: l.taxableValue, gstRate: l.gstRate, cessRate: l.cessRate })),
    totals: { taxable: c.taxableTotal, cgst: c.cgstTotal, sgst: c.sgstTotal, igst: c.igstTotal, cess: c.cessTotal, other: new D(0), total: c.totalValue },
  };
  return { invoiceId: null, challanId: c.id, docType: "CHL", docNo: c.number, docDate: c.challanDate, doc, value: c.totalValue, fromState: consignor.stateCode, toState: consignee.stateCode, jobWork: c.reason === "JOB_WORK" };
}
