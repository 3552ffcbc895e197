import "server-only";
// What order functions return: plain JSON-safe objects (money "1250.50", quantities "12.000",
// ISO dates), the same through the dashboard, the portal and the REST API.
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderSource, OrderStatus } from "@/lib/generated/prisma/enums";
import { stateName } from "@/lib/integrations/gst/states";
import { availableActions, statusLabels, type OrderAction } from "@/lib/orders/state-machine";

type Decimal = Prisma.Decimal;

/** Everything an OrderView needs, in one query (the delivery photo stays in the database). */
export const orderViewArgs = {
  omit: { deliveryPhoto: true },
  include: {
    company: { select: { id: true, code: true, legalName: true, tradeName: true, stateCode: true, gstin: true } },
    retailer: { select: { id: true, legalName: true, tradeName: true, gstin: true, stateCode: true } },
    connection: { select: { customerCode: true } },
    warehouse: { select: { id: true, code: true, name: true } },
    lines: { orderBy: { position: "asc" } },
    events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  },
} as const satisfies Prisma.OrderDefaultArgs;

export type OrderRow = Prisma.OrderGetPayload<typeof orderViewArgs>;

export type OrderLineView = {
  id: string;
  productId: string;
  position: number;
  sku: string;
  name: string;
  hsnCode: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  priceSource: string;
  /** Given free under a scheme ("buy 10, get 1 free"): unit price 0, no taxable value. */
  freeGoods: boolean;
  taxInclusive: boolean;
  gstRate: string;
  cessRate: string;
  taxableValue: string;
  cgstAmount: string;
  sgstAmount: string;
  igstAmount: string;
  cessAmount: string;
  lineTotal: string;
  returnedQty: string;
  /** Quantity on issued invoices so far (lib/billing). */
  invoicedQty: string;
};

export type OrderTimelineEntry = { id: string; kind: string; fromStatus: OrderStatus | null; toStatus: OrderStatus | null; label: string; actorName: string | null; note: string | null; data: unknown; at: string };

export type OrderView = {
  id: string;
  number: string;
  status: OrderStatus;
  statusLabel: string;
  creditHold: boolean;
  holdReason: string | null;
  source: OrderSource;
  vendor: { id: string; code: string; name: string; stateCode: string; gstin: string | null };
  retailer: { id: string; name: string; gstin: string | null; stateCode: string; customerCode: string | null };
  connectionId: string;
  warehouse: { id: string; code: string; name: string };
  placeOfSupply: string;
  supplierStateCode: string;
  taxType: "intra" | "inter";
  shippingAddress: { name: string; line1: string; line2: string | null; city: string; stateCode: string; stateName: string; pincode: string };
  buyerReference: string | null;
  notes: string | null;
  lines: OrderLineView[];
  totals: { taxable: string; cgst: string; sgst: string; igst: string; cess: string; tax: string; grandTotal: string; returned: string };
  timeline: OrderTimelineEntry[];
  placedAt: string | null;
  confirmedAt: string | null;
  packedAt: string | null;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  returnedAt: string | null;
  delivery: { receivedBy: string | null; note: string | null; hasPhoto: boolean } | null;
  availableActions: OrderAction[];
  createdAt: string;
  updatedAt: string;
};

export type OrderListItem = {
  id: string;
  number: string;
  status: OrderStatus;
  statusLabel: string;
  creditHold: boolean;
  retailer: { id: string; name: string; customerCode: string | null };
  vendor: { code: string; name: string };
  lineCount: number;
  grandTotal: string;
  placedAt: string | null;
  createdAt: string;
};

export type PickListView = {
  order: { id: string; number: string; placedAt: string | null; retailerName: string; shippingAddress: OrderView["shippingAddress"]; notes: string | null };
  warehouse: { code: string; name: string };
  lines: { productId: string; sku: string; name: string; freeGoods: boolean; unit: string; quantity: string; barcode: string | null; packUnit: string | null; packSize: string | null; packs: string | null }[];
  totalQuantity: string;
  printedAt: string;
};

export type ReorderLineStatus = "ok" | "inactive" | "out_of_stock" | "insufficient_stock" | "price_changed";

export type ReorderPreview = {
  sourceOrder: { id: string; number: string };
  vendorCode: string;
  lines: {
    productId: string;
    sku: string;
    name: string;
    unit: string;
    previousQuantity: string;
    quantity: string;
    previousUnitPrice: string;
    unitPrice: string | null;
    lineTotal: string | null;
    status: ReorderLineStatus;
    message: string | null;
    available: string | null;
  }[];
  totals: { taxable: string; tax: string; grandTotal: string };
};

export const eventLabels: Record<string, string> = {
  draft_saved: "Draft saved",
  placed: "Order placed",
  edited: "Order edited",
  held: "Put on credit hold",
  released: "Credit hold released",
  confirmed: "Confirmed",
  packed: "Packed",
  dispatched: "Dispatched",
  delivered: "Delivered",
  cancelled: "Cancelled",
  returned: "Goods returned",
  invoiced: "Invoiced",
};

export function toOrderView(actor: Actor, o: OrderRow): OrderView {
  const taxable = o.taxableTotal;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    statusLabel: statusLabels[o.status],
    creditHold: o.creditHold,
    holdReason: o.holdReason,
    source: o.source,
    vendor: { id: o.company.id, code: o.company.code, name: o.company.tradeName ?? o.company.legalName, stateCode: o.company.stateCode, gstin: o.company.gstin },
    retailer: { id: o.retailer.id, name: o.retailer.tradeName ?? o.retailer.legalName, gstin: o.retailer.gstin, stateCode: o.retailer.stateCode, customerCode: o.connection.customerCode },
    connectionId: o.connectionId,
    warehouse: o.warehouse,
    placeOfSupply: o.placeOfSupply,
    supplierStateCode: o.supplierStateCode,
    taxType: o.supplierStateCode === o.placeOfSupply ? "intra" : "inter",
    shippingAddress: { name: o.shippingName, line1: o.shippingLine1, line2: o.shippingLine2, city: o.shippingCity, stateCode: o.shippingStateCode, stateName: stateName(o.shippingStateCode) ?? o.shippingStateCode, pincode: o.shippingPincode },
    buyerReference: o.buyerReference,
    notes: o.notes,
    lines: o.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      position: l.position,
      sku: l.sku,
      name: l.name,
      hsnCode: l.hsnCode,
      unit: l.unit,
      quantity: qty(l.quantity),
      unitPrice: money(l.unitPrice),
      priceSource: l.priceSource,
      freeGoods: l.freeGoods,
      taxInclusive: l.taxInclusive,
      gstRate: l.gstRate.toString(),
      cessRate: l.cessRate.toString(),
      taxableValue: money(l.taxableValue),
      cgstAmount: money(l.cgstAmount),
      sgstAmount: money(l.sgstAmount),
      igstAmount: money(l.igstAmount),
      cessAmount: money(l.cessAmount),
      lineTotal: money(l.lineTotal),
      returnedQty: qty(l.returnedQty),
      invoicedQty: qty(l.invoicedQty),
    })),
    totals: {
      taxable: money(taxable),
      cgst: money(o.cgstTotal),
      sgst: money(o.sgstTotal),
      igst: money(o.igstTotal),
      cess: money(o.cessTotal),
      tax: money(o.cgstTotal.plus(o.sgstTotal).plus(o.igstTotal).plus(o.cessTotal)),
      grandTotal: money(o.grandTotal),
      returned: money(o.returnedTotal),
    },
    timeline: o.events.map((e) => ({ id: e.id, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, label: eventLabels[e.kind] ?? e.kind, actorName: e.actorName, note: e.note, data: e.data ?? null, at: e.createdAt.toISOString() })),
    placedAt: iso(o.placedAt),
    confirmedAt: iso(o.confirmedAt),
    packedAt: iso(o.packedAt),
    dispatchedAt: iso(o.dispatchedAt),
    deliveredAt: iso(o.deliveredAt),
    cancelledAt: iso(o.cancelledAt),
    cancelReason: o.cancelReason,
    returnedAt: iso(o.returnedAt),
    delivery: o.deliveredAt ? { receivedBy: o.receivedBy, note: o.deliveryNote, hasPhoto: o.deliveryPhotoType !== null } : null,
    availableActions: availableActions(actor, o),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export const money = (d: Decimal) => d.toFixed(2);
export const qty = (d: Decimal) => d.toFixed(3);
const iso = (d: Date | null) => d?.toISOString() ?? null;
