// A year of trade before the demo's three weeks of orders, so the dashboard and the report charts
// have a shape: direct tax invoices from 13 months ago to three weeks ago, written through the same
// billing domain functions as every other demo document, day by day in date order (so each
// financial year's series runs in date order and the sales rollups, ledgers and GST figures follow
// the documents as they do in the app).
//
// How much is sold on a day: a base rate per vendor × the season (the festive peak around Navratri
// and Diwali in September–November, a dip in the monsoon, June–August; a year-end push in March) ×
// the weekday (Saturday busiest, Sunday near shut) × a growth trend (about a quarter more a day by
// the end than at the start). The larger retailers buy more often and more. Retailers pay their
// month's bills in one receipt a month or so later (by NEFT or UPI); a few bills stay unpaid past
// their due date (overdue); about one bill in thirty gets a credit note for a damaged carton.
// Shree Ganesh e-invoices: each of its bills gets its IRN from the local sandbox minutes after issue.
//
// Deterministic (seeded random, days counted back from today). Idempotent: skipped once the vendor
// has an invoice older than the demo's other documents (130 days).
import { loadActor } from "@/lib/auth/load-actor";
import { submitEInvoice } from "@/lib/billing/einvoice/submit-einvoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { recordPayment } from "@/lib/billing/record-payment";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { seededRandom } from "@/lib/demo/seeded-random";
import { Prisma } from "@/lib/generated/prisma/client";
import { istDay } from "@/lib/pricing/dates";
import { accountants, ensureDemoBillingSettings } from "./seed-billing";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };

const DAY = 86_400_000;
/** The history runs from this many days ago … */
export const HISTORY_FROM_DAYS = 400;
/** … to this many (the demo's orders cover the last three weeks). */
export const HISTORY_TO_DAYS = 22;

/** Bills a day on an ordinary weekday at the start of the history, per vendor; and its retailers' weights (larger buyers buy more often). */
const vendors: Record<string, { perDay: number; eInvoice: boolean; weights: Record<string, number>; overdue: string[] }> = {
  SGAF: { perDay: 0.26, eInvoice: true, weights: { freshmart: 4, sharma: 2, patil: 1.5, laxmi: 1 }, overdue: ["freshmart"] },
  NVRT: { perDay: 0.09, eInvoice: false, weights: { balaji: 3, mehta: 1.5, sharma: 1 }, overdue: ["balaji"] },
  KCDB: { perDay: 0.13, eInvoice: false, weights: { freshmart: 4, annapoorna: 2.5 }, overdue: ["annapoorna"] },
};

/** Month of the year (1–12) → how busy: festive Sep–Nov, monsoon dip Jun–Aug, year-end March. */
export const SEASON = [0, 0.95, 0.9, 1.1, 0.9, 0.85, 0.7, 0.62, 0.78, 1.15, 1.55, 1.4, 1.0];
/** Day of the week (0 Sunday) → how busy. */
export const WEEKDAY = [0.12, 1.1, 1.0, 1.0, 1.0, 1.05, 1.25];

export async function seedHistory(db: PrismaClient, ids: Ids, now = new Date()) {
  for (const code of Object.keys(vendors)) await seedVendorHistory(db, ids, code, now);
}

async function seedVendorHistory(db: PrismaClient, ids: Ids, code: string, now: Date) {
  const companyId = ids.companyIds.get(code);
  if (!companyId) return;
  const v = vendors[code]!;
  const cutoff = new Date(`${istDay(new Date(now.getTime() - 130 * DAY))}T00:00:00Z`);
  if ((await db.invoice.count({ where: { companyId, issueDate: { lt: cutoff } } })) > 0) return;
  const actor = await loadActor(db, ids.userIds.get(accountants[code])!, companyId);
  if (!actor) throw new Error(`seed: ${accountants[code]} cannot act for ${code}`);
  await ensureDemoBillingSettings(db, code, companyId);
  const rand = seededRandom(code.charCodeAt(1) * 7_919 + code.charCodeAt(3) * 31);

  const connections = await db.connection.findMany({
    where: { companyId, status: "ACTIVE", retailerId: { in: Object.keys(v.weights).map((k) => ids.retailerIds.get(k)!).filter(Boolean) } },
    select: { id: true, retailerId: true, paymentTermsDays: true, creditLimit: true },
  });
  const buyers = connections.map((c) => {
    const key = [...ids.retailerIds.entries()].find(([, id]) => id === c.retailerId)![0];
    return { ...c, key, weight: v.weights[key] ?? 1 };
  });
  const totalWeight = buyers.reduce((n, b) => n + b.weight, 0);
  const products = await db.product.findMany({ where: { companyId, active: true }, select: { id: true, minOrderQty: true, sellInPacks: true, packSize: true }, orderBy: { sku: "asc" } });
  if (!buyers.length || !products.length) return;

  // Each bill: who, when, and whether it is paid with its month (in a receipt the month after) or left overdue.
  type Bill = { id: string; connectionId: string; key: string; due: number; open: Prisma.Decimal; firstLineId: string; firstQty: Prisma.Decimal; overdue: boolean };
  const bills: Bill[] = [];
  const notes: { at: Date; bill: Bill }[] = [];
  const receipts = new Map<string, { at: Date; connectionId: string; bills: Bill[] }>();
  const ctxAt = (when: Date) => makeCtx(actor, { db, now: () => when });
  const atHour = (day: Date, from: number, span: number) => new Date(day.getTime() + (from + rand() * span) * 3_600_000);

  const settle = async (upTo: Date) => {
    // Credit notes and receipts falling due up to this moment, in date order.
    const due = [
      ...notes.filter((n) => n.at <= upTo).map((n) => ({ at: n.at, run: () => creditNote(n.bill, n.at) })),
      ...[...receipts.entries()].filter(([, r]) => r.at <= upTo).map(([k, r]) => ({ at: r.at, run: () => receipt(k, r) })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const d of due) await d.run();
    for (let i = notes.length - 1; i >= 0; i--) if (notes[i]!.at <= upTo) notes.splice(i, 1);
  };
  const creditNote = async (bill: Bill, at: Date) => {
    const note = await issueCreditNote(ctxAt(at), bill.id, { reason: "RETURN", issueDate: istDay(at), lines: [{ originalLineId: bill.firstLineId, quantity: bill.firstQty.toFixed(3) }], notes: "Carton damaged in transit; returned with the next delivery" });
    bill.open = bill.open.minus(note.totals.grandTotal);
  };
  const receipt = async (key: string, r: { at: Date; connectionId: string; bills: Bill[] }) => {
    receipts.delete(key);
    const paid = r.bills.filter((b) => !b.overdue && b.open.gt(0));
    if (!paid.length) return;
    const amount = paid.reduce((s, b) => s.plus(b.open), new Prisma.Decimal(0));
    const upi = amount.lt(20_000) && rand() < 0.6;
    await recordPayment(ctxAt(r.at), {
      connectionId: r.connectionId,
      amount: amount.toFixed(2),
      method: upi ? "UPI" : "BANK_TRANSFER",
      paidOn: istDay(r.at),
      reference: upi ? `4${String(Math.floor(rand() * 1e11)).padStart(11, "0")}` : `N${istDay(r.at).replaceAll("-", "").slice(2)}${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`,
      allocations: paid.map((b) => ({ invoiceId: b.id, amount: b.open.toFixed(2) })),
      notes: `Bills of ${key.slice(-7)}`,
    });
    for (const b of paid) b.open = new Prisma.Decimal(0);
  };

  let lateBills = 0;
  // What each buyer leaves unpaid stays well inside its credit limit (a vendor would stop supplying past it),
  // whatever day the demo is seeded on: the window of late bills moves with the date.
  const leftUnpaid = new Map<string, Prisma.Decimal>();
  const start = new Date(`${istDay(new Date(now.getTime() - HISTORY_FROM_DAYS * DAY))}T00:00:00+05:30`);
  for (let d = 0; d <= HISTORY_FROM_DAYS - HISTORY_TO_DAYS; d++) {
    const day = new Date(start.getTime() + d * DAY);
    const ist = istDay(new Date(day.getTime() + 6 * 3_600_000));
    const month = Number(ist.slice(5, 7));
    const weekday = new Date(`${ist}T00:00:00Z`).getUTCDay();
    const growth = 1 + 0.3 * (d / (HISTORY_FROM_DAYS - HISTORY_TO_DAYS));
    const expected = v.perDay * SEASON[month]! * WEEKDAY[weekday]! * growth;
    const count = Math.floor(expected + rand());
    await settle(day);
    for (let k = 0; k < count; k++) {
      let pick = rand() * totalWeight;
      const buyer = buyers.find((b) => (pick -= b.weight) < 0) ?? buyers[0]!;
      const at = atHour(day, 10.5 - 5.5, 7);
      const big = buyer.weight >= 3;
      // Shops stock up for Navratri and Diwali: October's and November's bills carry twice the quantities.
      const stockUp = SEASON[month]! >= 1.3 ? 2 : 1;
      const view = await issueInvoice(ctxAt(at), { connectionId: buyer.id, issueDate: ist, lines: pickLines(products, 4 + Math.floor(rand() * (big ? 7 : 4)), (big ? 3 : 1) * stockUp, rand) });
      if (v.eInvoice) await submitEInvoice(view.id, { finalAttempt: false }, { db, now: () => new Date(at.getTime() + 12 * 60_000) });
      // A few of a larger buyer's bills in the last five months stay unpaid: overdue now.
      const late = v.overdue.includes(buyer.key) && d > HISTORY_FROM_DAYS - 170;
      if (late) lateBills++;
      const unpaidSoFar = leftUnpaid.get(buyer.id) ?? new Prisma.Decimal(0);
      const roomUnder = buyer.creditLimit.gt(0) ? unpaidSoFar.plus(view.totals.grandTotal).lte(buyer.creditLimit.times(0.4)) : true;
      const overdue = late && lateBills % 5 === 0 && roomUnder;
      if (overdue) leftUnpaid.set(buyer.id, unpaidSoFar.plus(view.totals.grandTotal));
      const bill: Bill = { id: view.id, connectionId: buyer.id, key: buyer.key, due: buyer.paymentTermsDays, open: new Prisma.Decimal(view.totals.grandTotal), firstLineId: view.lines[0]!.id, firstQty: new Prisma.Decimal(view.lines[0]!.quantity), overdue };
      bills.push(bill);
      if (rand() < 1 / 30) notes.push({ at: new Date(at.getTime() + (2 + Math.floor(rand() * 5)) * DAY), bill });
      // The month's bills are paid together, a few days after the last one falls due.
      const key = `${buyer.id}|${ist.slice(0, 7)}`;
      const payAt = new Date(`${ist.slice(0, 7)}-01T11:00:00+05:30`);
      payAt.setUTCMonth(payAt.getUTCMonth() + 1);
      // Never later than yesterday: the last bills are paid as they fall due, not left open into the demo's orders.
      const r = receipts.get(key) ?? { at: new Date(Math.min(now.getTime() - DAY, payAt.getTime() + (Math.max(buyer.paymentTermsDays, 7) - 10 + rand() * 12) * DAY)), connectionId: buyer.id, bills: [] };
      r.bills.push(bill);
      receipts.set(key, r);
    }
  }
  // Receipts due before today are recorded (the last months' bills are paid as they fall due).
  await settle(new Date(now.getTime() - 60 * 60_000));
}

/** Catalog lines a shop would buy: a few packs or a few times the minimum order quantity (more for a large buyer). */
function pickLines(products: { id: string; minOrderQty: { toString(): string }; sellInPacks: boolean; packSize: { toString(): string } | null }[], n: number, scale: number, rand: () => number) {
  const picked = new Map<string, string>();
  for (let tries = 0; picked.size < n && tries < n * 20; tries++) {
    const p = products[Math.floor(rand() * products.length)]!;
    if (picked.has(p.id)) continue;
    const unit = p.sellInPacks && p.packSize ? Number(p.packSize.toString()) : Math.max(1, Number(p.minOrderQty.toString()));
    picked.set(p.id, String(unit * scale * (1 + Math.floor(rand() * 3))));
  }
  return [...picked].map(([productId, quantity]) => ({ productId, quantity }));
}
