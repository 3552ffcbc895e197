// Demo billing, written through the same domain functions accountants use: GST settings, older
// invoices that make the ageing report real (some paid, some overdue in every bucket), a tax invoice
// for every order that left the godown (one only partly invoiced so far), a scheme-discount credit
// note, a rate-difference debit note, receipts by NEFT, RTGS, UPI, cheque and cash (one cheque
// bounced and voided), an advance on account and a refund. Shree Ganesh e-invoices through the local
// IRP sandbox, so its invoices carry an IRN and a signed QR. Each step runs on its own clock.
//
// The tax invoices of orders that left the godown are issued by seed-orders.ts before their dispatch
// (the GST order of documents); here they get their payments.
//
// Idempotent: a vendor that already has its advance on account is left alone.
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";
import { submitEInvoice } from "@/lib/billing/einvoice/submit-einvoice";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { voidPayment } from "@/lib/billing/void-payment";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { seededRandom } from "@/lib/demo/seeded-random";
import { istDay } from "@/lib/pricing/dates";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };
type Pay = { after: number; method: "BANK_TRANSFER" | "UPI" | "CHEQUE" | "CASH"; share?: number; bounce?: boolean };
type Opening = { retailer: string; daysAgo: number; lines: number; pay?: Pay[]; ref?: string };

export const accountants: Record<string, string> = { SGAF: "pooja.kale@shreeganesh.example", NVRT: "nirali.desai@navrangtextiles.example", KCDB: "suresh@kaveridistributors.example" };

const settings: Record<string, { signatoryName: string; invoiceTerms: string; eInvoice: boolean }> = {
  SGAF: {
    signatoryName: "Ganesh Kulkarni, Director",
    invoiceTerms: "1. Goods once sold will be taken back only if damaged in transit, reported within 48 hours.\n2. Interest at 18% p.a. on bills unpaid after the due date.\n3. Subject to Pune jurisdiction.",
    eInvoice: true,
  },
  NVRT: { signatoryName: "Hitesh Patel, Managing Partner", invoiceTerms: "Goods are dispatched at the buyer's risk. Subject to Surat jurisdiction. E. & O.E.", eInvoice: false },
  KCDB: { signatoryName: "Suresh Gowda, Director", invoiceTerms: "Payment by NEFT/RTGS to the account below. Cheques subject to realisation. Subject to Bengaluru jurisdiction.", eInvoice: false },
};

/** Invoices from before the three weeks of demo orders: paid, part paid and overdue in every ageing bucket. */
const openings: Record<string, Opening[]> = {
  SGAF: [
    { retailer: "freshmart", daysAgo: 128, lines: 6, ref: "FM/PO/2026/0812", pay: [{ after: 40, method: "BANK_TRANSFER", share: 0.5 }] },
    { retailer: "sharma", daysAgo: 92, lines: 4, pay: [{ after: 26, method: "BANK_TRANSFER" }] },
    { retailer: "freshmart", daysAgo: 84, lines: 5, ref: "FM/PO/2026/0907" },
    { retailer: "patil", daysAgo: 74, lines: 4, pay: [{ after: 20, method: "CHEQUE", bounce: true }] },
    { retailer: "sharma", daysAgo: 61, lines: 3, pay: [{ after: 24, method: "CHEQUE", bounce: true }, { after: 31, method: "UPI" }] },
    { retailer: "patil", daysAgo: 49, lines: 3 },
    { retailer: "sharma", daysAgo: 38, lines: 4, pay: [{ after: 12, method: "UPI", share: 0.4 }] },
    { retailer: "laxmi", daysAgo: 33, lines: 2, pay: [{ after: 0, method: "CASH" }] },
  ],
  NVRT: [
    { retailer: "balaji", daysAgo: 97, lines: 3, pay: [{ after: 30, method: "BANK_TRANSFER" }] },
    { retailer: "mehta", daysAgo: 66, lines: 2 },
    { retailer: "balaji", daysAgo: 45, lines: 2, pay: [{ after: 25, method: "BANK_TRANSFER", share: 0.6 }] },
    { retailer: "sharma", daysAgo: 36, lines: 2, pay: [{ after: 10, method: "UPI" }] },
  ],
  KCDB: [
    { retailer: "patil", daysAgo: 104, lines: 3 },
    { retailer: "patil", daysAgo: 76, lines: 2 },
    { retailer: "freshmart", daysAgo: 58, lines: 5, pay: [{ after: 28, method: "BANK_TRANSFER" }] },
    { retailer: "annapoorna", daysAgo: 41, lines: 4, pay: [{ after: 35, method: "BANK_TRANSFER", share: 0.5 }] },
  ],
};

const banks = ["HDFC Bank", "State Bank of India", "ICICI Bank", "Bank of Maharashtra", "Canara Bank", "Kotak Mahindra Bank"];

export async function seedBilling(db: PrismaClient, ids: Ids, now = new Date()) {
  for (const code of Object.keys(openings)) await seedVendorBilling(db, ids, code, now);
}

/** GST settings of a demo vendor (before any invoice is issued, so the demo's history is not mailed). */
export async function ensureDemoBillingSettings(db: PrismaClient, code: string, companyId: string) {
  const s = settings[code];
  await db.billingSettings.upsert({
    where: { companyId },
    create: { companyId, signatoryName: s.signatoryName, invoiceTerms: s.invoiceTerms, eInvoiceEnabled: s.eInvoice, irpMode: "SANDBOX", emailOnIssue: false },
    update: {},
  });
}

async function seedVendorBilling(db: PrismaClient, ids: Ids, code: string, now: Date) {
  const companyId = ids.companyIds.get(code)!;
  // The advance on account is the last thing written here (seed-history.ts writes direct invoices before).
  if ((await db.payment.count({ where: { companyId, notes: "Advance for the next order" } })) > 0) return;
  const actor = await loadActor(db, ids.userIds.get(accountants[code])!, companyId);
  if (!actor) throw new Error(`seed: ${accountants[code]} cannot act for ${code}`);
  const rand = seededRandom(code.charCodeAt(0) * 104_729 + code.charCodeAt(2));
  // 11:00–16:00 IST on the day `daysAgo` before now, never in the future.
  const at = (daysAgo: number, hour = 0) => {
    const day = new Date(now.getTime() - daysAgo * 86_400_000);
    const t = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 5, 30) + Math.floor(rand() * 5 * 60) * 60_000 + hour * 3_600_000;
    return new Date(Math.min(t, now.getTime() - 10 * 60_000));
  };
  const ctxAt = (when: Date, who: Actor = actor) => makeCtx(who, { db, now: () => when });
  // Mail only what is issued from now on: the demo's history is not mailed again on every start.
  await ensureDemoBillingSettings(db, code, companyId);

  const products = await db.product.findMany({ where: { companyId, active: true }, select: { id: true, minOrderQty: true, sellInPacks: true, packSize: true }, orderBy: { sku: "asc" } });
  const connectionOf = async (retailer: string) =>
    (await db.connection.findUniqueOrThrow({ where: { companyId_retailerId: { companyId, retailerId: ids.retailerIds.get(retailer)! } }, select: { id: true } })).id;

  const issued: { view: InvoiceView; at: Date }[] = [];
  const pay = async (connectionId: string, invoice: InvoiceView, p: Pay, issuedAt: Date) => {
    const when = at(Math.max(0, (now.getTime() - issuedAt.getTime()) / 86_400_000 - p.after));
    const amount = p.share ? (Math.round(Number(invoice.totals.grandTotal) * p.share / 100) * 100).toFixed(2) : invoice.totals.grandTotal;
    const reference = p.method === "CHEQUE" ? String(100000 + Math.floor(rand() * 899999)) : p.method === "UPI" ? `${4 + Math.floor(rand() * 5)}${String(Math.floor(rand() * 1e11)).padStart(11, "0")}` : p.method === "BANK_TRANSFER" ? `N${istDay(when).replaceAll("-", "").slice(2)}${String(Math.floor(rand() * 1e8)).padStart(8, "0")}` : undefined;
    const receipt = await recordPayment(ctxAt(when), {
      connectionId,
      amount,
      method: p.method,
      paidOn: istDay(when),
      reference,
      bankName: p.method === "CHEQUE" ? banks[Math.floor(rand() * banks.length)] : undefined,
      allocations: [{ invoiceId: invoice.id, amount }],
      notes: p.share ? "Part payment against the bill; balance promised next week" : undefined,
    });
    if (p.bounce) await voidPayment(ctxAt(new Date(when.getTime() + 3 * 86_400_000)), receipt.id, { reason: "Cheque returned unpaid — funds insufficient (bank memo received)" });
  };

  for (const o of openings[code]) {
    const connectionId = await connectionOf(o.retailer);
    const when = at(o.daysAgo);
    const view = await issueInvoice(ctxAt(when), { connectionId, lines: pickLines(products, o.lines, rand), buyerReference: o.ref });
    issued.push({ view, at: when });
    for (const p of o.pay ?? []) await pay(connectionId, view, p, when);
  }

  // Every order that left the godown was invoiced before its dispatch (seed-orders.ts); the latest
  // packed order is invoiced for its first lines only so far (the rest is still being packed).
  const orderInvoices = await db.invoice.findMany({
    where: { companyId, type: "INVOICE", orderId: { not: null }, status: "ISSUED" },
    select: { id: true, number: true, order: { select: { status: true, connectionId: true, dispatchedAt: true } } },
    orderBy: { number: "asc" },
  });
  for (const o of orderInvoices) {
    const view = await loadInvoiceView(db, actor, o.id, now);
    const at = new Date(o.order!.dispatchedAt!.getTime() - 30 * 60_000);
    issued.push({ view, at });
    // Retailers who pay on delivery: the first delivered bill of each is settled by UPI a few days later.
    if (o.order!.status === "DELIVERED" && rand() < 0.45) await pay(o.order!.connectionId, view, { after: 2 + Math.floor(rand() * 4), method: rand() < 0.5 ? "UPI" : "BANK_TRANSFER" }, at);
  }
  const partial = await db.order.findFirst({
    where: { companyId, status: "PACKED", lines: { some: {} } },
    select: { id: true, packedAt: true, lines: { select: { id: true, quantity: true }, orderBy: { position: "asc" } } },
    orderBy: { packedAt: "desc" },
  });
  if (partial && partial.lines.length > 2) {
    const when = new Date(Math.min(now.getTime() - 5 * 60_000, partial.packedAt!.getTime() + 30 * 60_000));
    const view = await invoiceOrder(ctxAt(when), partial.id, { lines: partial.lines.slice(0, 2).map((l) => ({ orderLineId: l.id, quantity: l.quantity.toFixed(3) })) });
    issued.push({ view, at: when });
  }

  const delivered = issued.filter((i) => i.view.order && i.view.lines.length >= 2);
  if (delivered[0]) {
    // A scheme discount agreed after the sale: a credit note on one line of the oldest order invoice.
    const inv = delivered[0];
    const line = inv.view.lines[0];
    const amount = (Math.max(50, Math.round(Number(line.taxableValue) * 0.05))).toFixed(2);
    const when = new Date(Math.min(now.getTime() - 5 * 60_000, inv.at.getTime() + 4 * 86_400_000));
    issued.push({ view: await issueCreditNote(ctxAt(when), inv.view.id, { reason: "DISCOUNT", lines: [{ originalLineId: line.id, amount }], notes: "Festive scheme: 5% on the first line, as agreed with the area manager" }), at: when });
  }
  if (code === "KCDB" && delivered[1]) {
    const inv = delivered[1];
    const when = new Date(Math.min(now.getTime() - 5 * 60_000, inv.at.getTime() + 2 * 86_400_000));
    issued.push({ view: await issueDebitNote(ctxAt(when), inv.view.id, { reason: "RATE_DIFFERENCE", lines: [{ originalLineId: inv.view.lines[0].id, amount: "400.00" }], notes: "Revised price list from 1 November was not applied on the bill" }), at: when });
  }

  // An advance on account, and (NVRT) part of one paid back.
  const advanceFrom = { SGAF: "laxmi", NVRT: "mehta", KCDB: "annapoorna" }[code]!;
  const advanceAt = at(3);
  await recordPayment(ctxAt(advanceAt), { connectionId: await connectionOf(advanceFrom), amount: code === "SGAF" ? "5000.00" : "15000.00", method: "UPI", paidOn: istDay(advanceAt), reference: `5${String(Math.floor(rand() * 1e11)).padStart(11, "0")}`, allocations: "none", notes: "Advance for the next order" });
  if (code === "NVRT") {
    const refundAt = at(1);
    await recordRefund(ctxAt(refundAt), { connectionId: await connectionOf(advanceFrom), amount: "5000.00", method: "BANK_TRANSFER", paidOn: istDay(refundAt), reference: `N${istDay(refundAt).replaceAll("-", "").slice(2)}00417736`, notes: "Advance returned in part: the saree order was reduced" });
  }

  // The local IRP sandbox answers at once; run the e-invoice jobs here, each on its own clock, so the
  // demo's acknowledgement dates follow the invoice dates.
  if (settings[code].eInvoice) {
    const issuedAt = new Map(issued.map((i) => [i.view.id, i.at]));
    const pending = await db.invoice.findMany({ where: { companyId, eInvoiceStatus: "PENDING" }, select: { id: true }, orderBy: { number: "asc" } });
    for (const p of pending) {
      const ackAt = new Date(Math.min(now.getTime() - 60_000, (issuedAt.get(p.id) ?? now).getTime() + 12 * 60_000));
      await submitEInvoice(p.id, { finalAttempt: false }, { db, now: () => ackAt });
    }
  }
  await db.billingSettings.update({ where: { companyId }, data: { emailOnIssue: true } });
}

/** Catalog lines a shop would buy: a few packs or a few times the minimum order quantity. */
function pickLines(products: { id: string; minOrderQty: { toString(): string }; sellInPacks: boolean; packSize: { toString(): string } | null }[], n: number, rand: () => number) {
  const picked = new Map<string, string>();
  for (let tries = 0; picked.size < n && tries < n * 20; tries++) {
    const p = products[Math.floor(rand() * products.length)];
    if (picked.has(p.id)) continue;
    const unit = p.sellInPacks && p.packSize ? Number(p.packSize.toString()) : Math.max(1, Number(p.minOrderQty.toString()));
    picked.set(p.id, String(unit * (1 + Math.floor(rand() * 3))));
  }
  return [...picked].map(([productId, quantity]) => ({ productId, quantity }));
}
