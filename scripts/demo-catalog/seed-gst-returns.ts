// Demo documents that give Shree Ganesh's GSTR-1 for last month every section: counter sales to
// unregistered buyers (B2C small, intra- and inter-state), a large inter-state sale to an
// unregistered hotel (B2CL) with a credit note (CDNUR B2CL), an export under LUT (EXP WOPAY) and one
// with IGST paid with a credit note (CDNUR EXPWP), a supply to an SEZ unit (B2B SEWP), and
// nil-rated lines (Table 8). Issued through the billing domain functions, dated inside last month.
//
// Idempotent: skipped once the counter-sale buyer has a document.
import { loadActor } from "@/lib/auth/load-actor";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { istDay } from "@/lib/pricing/dates";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };

const buyers = [
  { key: "counter", legalName: "Counter sale (unregistered buyers)", stateCode: "27", city: "Pune", pincode: "411001", addressLine1: "Factory outlet, Bhosari MIDC" },
  { key: "goa", legalName: "Sea Breeze Beach Shacks", stateCode: "30", city: "Calangute", pincode: "403516", addressLine1: "Beach Road" },
  { key: "hotel", legalName: "Hotel Kanha Residency", stateCode: "23", city: "Jabalpur", pincode: "482001", addressLine1: "Napier Town" },
  { key: "abroad", legalName: "Al Noor Foodstuff Trading LLC", stateCode: "27", city: "Mumbai (consignee abroad)", pincode: "400001", addressLine1: "c/o Nhava Sheva port agent" },
  { key: "sez", legalName: "Pune IT Park SEZ Cafeteria Services", stateCode: "27", city: "Pune", pincode: "411057", addressLine1: "Hinjewadi Phase 2 SEZ", pan: "AAKCP4821Q" },
] as const;

const line = (description: string, hsnCode: string, quantity: string, unitPrice: string, gstRate: string, unit = "PCS") => ({ description, hsnCode, unit, quantity, unitPrice, gstRate });

export async function seedGstReturns(db: PrismaClient, ids: Ids, now = new Date()) {
  const companyId = ids.companyIds.get("SGAF");
  if (!companyId) return;
  const actor = await loadActor(db, ids.userIds.get("pooja.kale@shreeganesh.example")!, companyId);
  if (!actor) throw new Error("seed: the SGAF accountant cannot act");

  const connections = new Map<string, string>();
  for (const b of buyers) {
    const gstin = "pan" in b ? makeGstin(b.stateCode, b.pan) : null;
    const existing = await db.retailer.findFirst({ where: gstin ? { gstin } : { gstin: null, legalName: b.legalName, pincode: b.pincode }, select: { id: true } });
    const retailerId = existing?.id ?? (await db.retailer.create({ data: { legalName: b.legalName, gstin, pan: "pan" in b ? b.pan : null, stateCode: b.stateCode, addressLine1: b.addressLine1, city: b.city, pincode: b.pincode }, select: { id: true } })).id;
    const c = await db.connection.upsert({
      where: { companyId_retailerId: { companyId, retailerId } },
      create: { companyId, retailerId, status: "ACTIVE", placeOfSupply: b.stateCode, paymentTermsDays: b.key === "counter" ? 0 : 30, creditLimit: "500000", activatedAt: now },
      update: {},
      select: { id: true },
    });
    connections.set(b.key, c.id);
  }
  if ((await db.invoice.count({ where: { companyId, connectionId: connections.get("counter")! } })) > 0) return;

  // Days of last month (IST), at noon.
  const today = istDay(now);
  const firstOfThis = new Date(`${today.slice(0, 8)}01T06:30:00Z`);
  const lastMonth = (d: number) => new Date(Date.UTC(firstOfThis.getUTCFullYear(), firstOfThis.getUTCMonth() - 1, d, 6, 30));
  const issue = (d: number, input: Record<string, unknown>) => {
    const when = lastMonth(d);
    return issueInvoice(makeCtx(actor, { db, now: () => when }), { ...input, issueDate: istDay(when) });
  };
  const credit = (d: number, invoiceId: string, input: Record<string, unknown>) => {
    const when = lastMonth(d);
    return issueCreditNote(makeCtx(actor, { db, now: () => when }), invoiceId, { ...input, issueDate: istDay(when) });
  };

  // B2C small, intra-state: factory-outlet sales, with nil-rated loose grain (Table 8).
  await issue(4, { connectionId: connections.get("counter")!, notes: "Factory outlet sales, week 1", lines: [line("Glucose biscuits 200 g", "19053100", "120", "20.00", "5"), line("Jowar flour, loose", "11022000", "40", "48.00", "0", "KGS")] });
  await issue(11, { connectionId: connections.get("counter")!, notes: "Factory outlet sales, week 2", lines: [line("Aerated lemon drink 300 ml", "22021010", "96", "25.00", "40"), line("Rice, loose", "10063010", "50", "52.00", "0", "KGS")] });
  // B2C small, inter-state (Goa).
  await issue(8, { connectionId: connections.get("goa")!, lines: [line("Namkeen mix 400 g", "21069099", "200", "60.00", "5")] });
  // B2CL: inter-state to an unregistered hotel above ₹1,00,000, then a discount credit note (CDNUR B2CL).
  const big = await issue(12, { connectionId: connections.get("hotel")!, lines: [line("Assorted cookies tin 1 kg (bulk)", "19053100", "400", "310.00", "5"), line("Rusk 300 g", "19054000", "300", "45.00", "5")] });
  await credit(19, big.id, { reason: "DISCOUNT", lines: [{ originalLineId: big.lines[0]!.id, amount: "4000.00" }] });
  // Exports: under LUT (WOPAY) and with IGST paid (WPAY), the latter partly returned (CDNUR EXPWP).
  await issue(14, { connectionId: connections.get("abroad")!, placeOfSupply: "96", supplyType: "export_without_payment", buyerReference: "PO AN-7781", lines: [line("Glucose biscuits 200 g, export cartons", "19053100", "2400", "18.50", "5")] });
  const exp = await issue(16, { connectionId: connections.get("abroad")!, placeOfSupply: "96", supplyType: "export_with_payment", buyerReference: "PO AN-7794", lines: [line("Khakhra assorted 200 g", "19059090", "1500", "40.00", "5")] });
  await credit(24, exp.id, { reason: "RETURN", lines: [{ originalLineId: exp.lines[0]!.id, quantity: "100" }] });
  // Supply to an SEZ unit with IGST paid (B2B SEWP).
  await issue(18, { connectionId: connections.get("sez")!, supplyType: "sez_with_payment", lines: [line("Tea-time biscuits 75 g", "19053100", "1000", "9.00", "5")] });
}
