import "server-only";
// Issue a delivery challan (CGST Rule 55) for goods that move without a supply: a transfer between own
// warehouses in the same state (one registration), goods on approval, job work, an exhibition. Numbered
// DC/26-27/00001 in its own gapless series (the number is taken in this transaction; a failure gives it back).
// Parties and lines are frozen; tax rates are printed for information only (no tax is charged on a challan).
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { prismaRunner } from "@/lib/db/sql-runner";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeWarehouseOrThrow } from "@/lib/inventory/documents";
import { assignNumberLast, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";
import { getChallanOrThrow, type ChallanView } from "./challan-views";
import { createChallanInput } from "./challans.schemas";
import type { ChallanParty } from "./challan-types";

const D = Prisma.Decimal;
/** Shipment kinds a challan of each reason may ride on. */
const SHIPMENT_KINDS = { STOCK_TRANSFER: ["STOCK_TRANSFER"], APPROVAL: ["APPROVAL"], JOB_WORK: ["JOB_WORK"], EXHIBITION: ["APPROVAL", "JOB_WORK", "STOCK_TRANSFER"], OTHER: ["APPROVAL", "JOB_WORK", "STOCK_TRANSFER"] } as const;

export async function createChallan(ctx: Ctx, input: unknown): Promise<ChallanView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(createChallanInput, input);
  const companyId = ctx.actor.companyId;
  const day = data.challanDate ?? istDay(ctx.now());
  if (day > istDay(ctx.now())) throw new AppError("validation", "A challan cannot be dated in the future", { fieldErrors: { challanDate: ["Cannot be after today"] } });

  const id = await ctx.db.$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: companyId } });
    const transfer = data.stockTransferId ? await tx.stockTransfer.findFirst({ where: { id: data.stockTransferId, companyId }, include: { lines: true } }) : null;
    if (data.stockTransferId && !transfer) throw notFound("Stock transfer");
    if (transfer && data.reason !== "STOCK_TRANSFER") throw new AppError("validation", "A stock transfer goes on a stock-transfer challan", { fieldErrors: { reason: ["Choose stock transfer for a stock transfer"] } });
    const fromId = transfer?.fromWarehouseId ?? data.fromWarehouseId;
    if (transfer && data.fromWarehouseId !== transfer.fromWarehouseId) throw new AppError("validation", `Stock transfer ${transfer.number} leaves from another warehouse`, { fieldErrors: { fromWarehouseId: ["Not the transfer's warehouse"] } });
    const from = await activeWarehouseOrThrow(tx, companyId, fromId, "fromWarehouseId");
    const consignor: ChallanParty = { name: company.tradeName ?? company.legalName, gstin: company.gstin, address1: from.addressLine1 ?? company.addressLine1, address2: from.addressLine1 ? from.addressLine2 : company.addressLine2, city: from.city ?? company.city, stateCode: from.stateCode, pincode: from.pincode ?? company.pincode };

    let consignee: ChallanParty;
    let toWarehouseId: string | null = null;
    if (data.reason === "STOCK_TRANSFER") {
      const to = await activeWarehouseOrThrow(tx, companyId, transfer?.toWarehouseId ?? data.toWarehouseId!, "toWarehouseId");
      if (to.id === from.id) throw new AppError("validation", "The goods must go to another warehouse", { fieldErrors: { toWarehouseId: ["Same as the from warehouse"] } });
      // Schedule I: between registrations in different states a transfer is a supply and needs a tax invoice.
      if (to.stateCode !== from.stateCode) throw new AppError("validation", `${to.code} is in another state: a transfer to another registration is a supply and goes on a tax invoice, not a challan`, { fieldErrors: { toWarehouseId: ["In another state"] } });
      if (!to.addressLine1 || !to.city || !to.pincode) throw new AppError("validation", `Warehouse ${to.code} has no full address (line 1, city, PIN); add it first`, { fieldErrors: { toWarehouseId: ["Address incomplete"] } });
      toWarehouseId = to.id;
      consignee = { name: `${company.tradeName ?? company.legalName} — ${to.name}`, gstin: company.gstin, address1: to.addressLine1, address2: to.addressLine2, city: to.city, stateCode: to.stateCode, pincode: to.pincode };
    } else if (data.consignee) {
      consignee = { ...data.consignee, gstin: data.consignee.gstin ?? null, address2: data.consignee.address2 ?? null };
    } else {
      const conn = await tx.connection.findFirst({ where: { id: data.connectionId!, companyId }, include: { retailer: true } });
      if (!conn) throw notFound("Retailer");
      const r = conn.retailer;
      consignee = { name: r.tradeName ?? r.legalName, gstin: r.gstin, address1: r.addressLine1, address2: r.addressLine2, city: r.city, stateCode: r.stateCode, pincode: r.pincode };
    }

    if (data.shipmentId) await shipmentForChallan(tx, companyId, data.shipmentId, data.reason);

    const wanted = data.lines?.length ? data.lines : transfer!.lines.map((l) => ({ productId: l.productId, quantity: l.quantity.toString(), rate: undefined }));
    const products = await tx.product.findMany({ where: { companyId, id: { in: [...new Set(wanted.map((l) => l.productId))] } } });
    const byId = new Map(products.map((p) => [p.id, p]));
    const intra = consignee.stateCode === consignor.stateCode;
    const lines = wanted.map((l, i) => {
      const p = byId.get(l.productId);
      if (!p) throw new AppError("not_found", "Product not found", { fieldErrors: { [`lines.${i}.productId`]: ["Not a product of this company"] } });
      assertQuantitiesFitUnits([{ field: `lines.${i}.quantity`, quantity: l.quantity, unit: p.unit }]);
      const atCost = data.reason === "STOCK_TRANSFER" || data.reason === "JOB_WORK";
      const rate = new D(l.rate ?? (atCost ? (p.costPrice ?? p.basePrice) : p.basePrice)).toDecimalPlaces(2);
      const taxable = rate.times(l.quantity).toDecimalPlaces(2, D.ROUND_HALF_UP);
      const tax = taxable.times(p.gstRate).div(100);
      const half = tax.div(2).toDecimalPlaces(2, D.ROUND_HALF_UP);
      return {
        row: { companyId, position: i + 1, productId: p.id, description: p.name, sku: p.sku, hsnCode: p.hsnCode, quantity: new D(l.quantity), unit: p.unit, rate, taxableValue: taxable, gstRate: p.gstRate, cessRate: p.cessRate },
        cgst: intra ? half : new D(0),
        igst: intra ? new D(0) : tax.toDecimalPlaces(2, D.ROUND_HALF_UP),
        cess: taxable.times(p.cessRate).div(100).toDecimalPlaces(2, D.ROUND_HALF_UP),
      };
    });
    const sum = (f: (l: (typeof lines)[number]) => Prisma.Decimal) => lines.reduce((s, l) => s.plus(f(l)), new D(0));
    const taxable = sum((l) => l.row.taxableValue);
    const cgst = sum((l) => l.cgst);
    const igst = sum((l) => l.igst);
    const cess = sum((l) => l.cess);
    const date = dayToDbDate(day);
    // Written under a provisional number; the last statement takes the gapless DC number (assignNumberLast).
    const provisional = provisionalNumber();
    const challan = await tx.deliveryChallan.create({
      data: {
        companyId, number: provisional, financialYear: financialYearLabel(date), reason: data.reason, reasonNote: data.reasonNote ?? null, challanDate: date,
        fromWarehouseId: from.id, toWarehouseId, stockTransferId: transfer?.id ?? null, shipmentId: data.shipmentId ?? null, connectionId: data.connectionId ?? null,
        consignor, consignee, taxType: intra ? "intra" : "inter",
        taxableTotal: taxable, cgstTotal: cgst, sgstTotal: cgst, igstTotal: igst, cessTotal: cess, totalValue: taxable.plus(cgst).plus(cgst).plus(igst).plus(cess),
        notes: data.notes ?? null, createdById: ctx.actor.userId,
        lines: { create: lines.map((l) => l.row) },
      },
    });
    await recordAudit(ctx, tx, { action: "delivery_challan.issue", entityType: "DeliveryChallan", entityId: challan.id, after: { number: null, reason: data.reason, consignee: consignee.name, totalValue: challan.totalValue.toFixed(2), shipmentId: challan.shipmentId, stockTransferId: challan.stockTransferId } });
    await assignNumberLast(prismaRunner(tx), { table: "DeliveryChallan", id: challan.id, companyId, series: "DC", width: 5, date, auditAction: "delivery_challan.issue" });
    return challan.id;
  });
  return getChallanOrThrow(ctx, id);
}

/** The shipment must be the company's, of a kind that goes on a challan, not cancelled, and not on another live challan. */
async function shipmentForChallan(tx: Tx, companyId: string, shipmentId: string, reason: keyof typeof SHIPMENT_KINDS) {
  // Row lock: two challans for one shipment at once — the second sees the first.
  const [s] = await tx.$queryRaw<{ id: string; kind: string; status: string; number: string }[]>`SELECT id, kind::text, status::text, number FROM "Shipment" WHERE id = ${shipmentId} AND "companyId" = ${companyId} FOR UPDATE`;
  if (!s) throw notFound("Shipment");
  if (s.status === "CANCELLED") throw new AppError("invalid_transition", `Shipment ${s.number} is cancelled`, { fieldErrors: { shipmentId: ["Cancelled"] } });
  if (!(SHIPMENT_KINDS[reason] as readonly string[]).includes(s.kind)) throw new AppError("validation", `Shipment ${s.number} is a ${s.kind.toLowerCase().replace("_", " ")}; it goes on ${s.kind === "SUPPLY" ? "its tax invoice" : "a challan of that kind"}`, { fieldErrors: { shipmentId: ["Kind does not match the challan's reason"] } });
  const other = await tx.deliveryChallan.findFirst({ where: { companyId, shipmentId, status: "ISSUED" }, select: { number: true } });
  if (other) throw new AppError("conflict", `Shipment ${s.number} already goes on challan ${other.number}`, { fieldErrors: { shipmentId: [`Already on ${other.number}`] } });
}
