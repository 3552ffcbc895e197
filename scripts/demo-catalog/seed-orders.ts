// Demo orders, placed and moved along through the same domain functions people use: retailers order
// from the portal, sales staff take phone orders, the godown packs, drivers deliver. Three weeks of
// trade per vendor: most orders delivered, some on the way, a few just placed, one cancelled by the
// retailer, one partly returned (a damaged carton), one held over the credit limit for a manager,
// and a draft a salesman has not finished. Each step runs on its own clock (ctx.now), so timelines
// read like real days.
//
// Idempotent: a vendor that already has orders is left alone.
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { makeCtx } from "@/lib/ctx";
import { seededRandom } from "@/lib/demo/seeded-random";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { returnOrder } from "@/lib/orders/return-order";
import type { OrderView } from "@/lib/orders/views";
import { accountants, ensureDemoBillingSettings } from "./seed-billing";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };
/** How far an order gets: the last step taken. */
type Stage = "draft" | "placed" | "confirmed" | "packed" | "dispatched" | "delivered" | "cancelled" | "returned";
type PlannedOrder = { retailer: string; by: "retailer" | "sales"; daysAgo: number; stage: Stage; lines: number; big?: boolean; note?: string };

const people: Record<string, { sales: string; manager: string; godown: string; driver: string; receiver: Record<string, string> }> = {
  SGAF: {
    sales: "sales@shreeganesh.example",
    manager: "priya.joshi@shreeganesh.example",
    godown: "sunil.pawar@shreeganesh.example",
    driver: "rahul.jadhav@shreeganesh.example",
    receiver: { sharma: "Sunita Sharma", patil: "Santosh Patil", laxmi: "Dnyaneshwar Sasane", freshmart: "Store receiving desk (Ramesh)" },
  },
  NVRT: { sales: "jignesh.shah@navrangtextiles.example", manager: "hitesh@navrangtextiles.example", godown: "mahesh.rathod@navrangtextiles.example", driver: "hitesh@navrangtextiles.example", receiver: { balaji: "Kiran Agarwal", mehta: "Bhavesh Mehta", sharma: "Ravi Sharma" } },
  KCDB: { sales: "divya.rao@kaveridistributors.example", manager: "lakshmi.narayan@kaveridistributors.example", godown: "lakshmi.narayan@kaveridistributors.example", driver: "manjunath.h@kaveridistributors.example", receiver: { freshmart: "Arjun Reddy", annapoorna: "Karthik Subramanian" } },
};

const retailerUsers: Record<string, string> = {
  sharma: "ravi@sharmakirana.example",
  patil: "santosh@patilprovision.example",
  laxmi: "dnyaneshwar@laxmikirana.example",
  freshmart: "arjun@freshmart.example",
  balaji: "kiran@balajistores.example",
  mehta: "bhavesh@mehtastore.example",
  annapoorna: "karthik@annapoorna.example",
};

const plans: Record<string, PlannedOrder[]> = {
  SGAF: [
    { retailer: "sharma", by: "retailer", daysAgo: 20, stage: "delivered", lines: 5 },
    { retailer: "patil", by: "sales", daysAgo: 18, stage: "delivered", lines: 4, note: "Phone order — deliver with the Kolhapur route" },
    { retailer: "freshmart", by: "retailer", daysAgo: 16, stage: "returned", lines: 4, big: true },
    { retailer: "laxmi", by: "retailer", daysAgo: 14, stage: "delivered", lines: 3 },
    { retailer: "sharma", by: "retailer", daysAgo: 13, stage: "delivered", lines: 4 },
    { retailer: "patil", by: "retailer", daysAgo: 11, stage: "cancelled", lines: 2 },
    { retailer: "freshmart", by: "sales", daysAgo: 9, stage: "delivered", lines: 6, big: true },
    { retailer: "sharma", by: "retailer", daysAgo: 6, stage: "delivered", lines: 5 },
    { retailer: "patil", by: "sales", daysAgo: 4, stage: "dispatched", lines: 4 },
    { retailer: "freshmart", by: "retailer", daysAgo: 3, stage: "packed", lines: 5, big: true },
    { retailer: "sharma", by: "retailer", daysAgo: 2, stage: "confirmed", lines: 4 },
    { retailer: "laxmi", by: "retailer", daysAgo: 1, stage: "placed", lines: 6, big: true, note: "Diwali stock — please send before Friday" },
    { retailer: "patil", by: "retailer", daysAgo: 0, stage: "placed", lines: 3 },
    { retailer: "sharma", by: "sales", daysAgo: 0, stage: "draft", lines: 2, note: "Ravi bhai to confirm quantities on call" },
  ],
  NVRT: [
    { retailer: "balaji", by: "retailer", daysAgo: 19, stage: "delivered", lines: 3 },
    { retailer: "mehta", by: "sales", daysAgo: 15, stage: "delivered", lines: 4 },
    { retailer: "sharma", by: "retailer", daysAgo: 12, stage: "delivered", lines: 2 },
    { retailer: "balaji", by: "retailer", daysAgo: 8, stage: "dispatched", lines: 3 },
    { retailer: "mehta", by: "retailer", daysAgo: 5, stage: "confirmed", lines: 3 },
    { retailer: "balaji", by: "sales", daysAgo: 1, stage: "placed", lines: 2 },
    // Last in the list so the orders above keep their baskets: the portal home's "on the way" for Sharma Kirana.
    { retailer: "sharma", by: "retailer", daysAgo: 2, stage: "dispatched", lines: 3 },
  ],
  KCDB: [
    { retailer: "freshmart", by: "retailer", daysAgo: 17, stage: "delivered", lines: 5 },
    { retailer: "annapoorna", by: "sales", daysAgo: 12, stage: "delivered", lines: 4 },
    { retailer: "freshmart", by: "retailer", daysAgo: 7, stage: "cancelled", lines: 3 },
    { retailer: "annapoorna", by: "retailer", daysAgo: 4, stage: "packed", lines: 4 },
    { retailer: "freshmart", by: "sales", daysAgo: 2, stage: "confirmed", lines: 5 },
    { retailer: "annapoorna", by: "retailer", daysAgo: 0, stage: "placed", lines: 3 },
  ],
};

const order: Stage[] = ["placed", "confirmed", "packed", "dispatched", "delivered", "returned"];
const reached = (stage: Stage, step: Stage) => stage !== "draft" && stage !== "cancelled" && order.indexOf(stage) >= order.indexOf(step);

export async function seedOrders(db: PrismaClient, ids: Ids, now = new Date()) {
  // Shree Ganesh sends an order over the credit limit to a manager instead of refusing it.
  await db.company.update({ where: { id: ids.companyIds.get("SGAF")! }, data: { creditPolicy: "HOLD" } });
  for (const code of Object.keys(plans)) await seedVendorOrders(db, ids, code, now);
}

async function seedVendorOrders(db: PrismaClient, ids: Ids, code: string, now: Date) {
  const companyId = ids.companyIds.get(code)!;
  if ((await db.order.count({ where: { companyId } })) > 0) return;
  const staff = async (email: string) => actorOrThrow(await loadActor(db, ids.userIds.get(email)!, companyId), email);
  const p = people[code];
  await ensureDemoBillingSettings(db, code, companyId);
  const accountant = await staff(accountants[code]);
  const [sales, manager, godown, driver] = [await staff(p.sales), await staff(p.manager), await staff(p.godown), await staff(p.driver)];
  const products = await db.product.findMany({
    where: { companyId, active: true, stockOnHand: { gt: 0 } },
    select: { id: true, minOrderQty: true, sellInPacks: true, packSize: true, stockOnHand: true, stockReserved: true },
    orderBy: { sku: "asc" },
  });
  const rand = seededRandom(code.charCodeAt(0) * 7919 + code.charCodeAt(1));

  for (const plan of plans[code]) {
    const connection = await db.connection.findUnique({ where: { companyId_retailerId: { companyId, retailerId: ids.retailerIds.get(plan.retailer)! } }, select: { id: true } });
    if (!connection) throw new Error(`seed: ${code} has no connection with ${plan.retailer}`);
    // Business hours in India: 10:00–17:00 IST on the day.
    const day = new Date(now.getTime() - plan.daysAgo * 86_400_000);
    const placedAt = new Date(Math.min(now.getTime() - 60 * 60_000, Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 4, 30) + Math.floor(rand() * 7 * 60) * 60_000));
    const at = (hours: number) => () => new Date(Math.min(now.getTime() - 5 * 60_000, placedAt.getTime() + hours * 3_600_000));
    const ctxOf = (actor: Actor, hours: number) => makeCtx(actor, { db, now: at(hours) });
    const lines = pickLines(products, plan.lines, plan.big === true, rand);
    const placer = plan.by === "retailer" ? actorOrThrow(await loadActor(db, ids.userIds.get(retailerUsers[plan.retailer])!), retailerUsers[plan.retailer]) : sales;

    let view: OrderView;
    try {
      view = await placeOrder(ctxOf(placer, 0), {
        ...(placer.kind === "retailer" ? { vendorCode: code } : { connectionId: connection.id }),
        lines,
        notes: plan.note,
        ...(plan.stage === "draft" ? { draft: true } : {}),
      }, { source: placer.kind === "retailer" ? "PORTAL" : "STAFF" });
    } catch (err) {
      // Demo stock ran short for this basket: leave the order out rather than fail the seed.
      if (err instanceof AppError && err.code === "insufficient_stock") continue;
      throw err;
    }
    if (plan.stage === "draft" || plan.stage === "placed") continue;
    if (plan.stage === "cancelled") {
      const who = plan.by === "retailer" ? placer : sales;
      await cancelOrder(ctxOf(who, 3), view.id, { reason: plan.by === "retailer" ? "Ordered twice by mistake — please ignore this one" : "Retailer asked to hold until next month" });
      continue;
    }
    if (view.creditHold) await (await import("@/lib/orders/release-credit-hold")).releaseCreditHold(ctxOf(manager, 1), view.id, { note: "Payment of last bill promised this week" });
    await confirmOrder(ctxOf(sales, 2), view.id, {});
    if (reached(plan.stage, "packed")) await packOrder(ctxOf(godown, 20), view.id, { note: `${lines.length + 1} cartons` });
    // The tax invoice before the goods leave (CGST Act s. 31), half an hour before the truck.
    if (reached(plan.stage, "dispatched")) await invoiceOrder(ctxOf(accountant, 25.5), view.id, {});
    if (reached(plan.stage, "dispatched")) await dispatchOrder(ctxOf(godown, 26), view.id, { note: "Loaded on the morning route" });
    if (reached(plan.stage, "delivered")) await deliverOrder(ctxOf(driver, 30), view.id, { receivedBy: p.receiver[plan.retailer] ?? "Shop owner", note: "Counted and received in good condition" });
    if (plan.stage === "returned") {
      const first = view.lines[0];
      const back = first.quantity.includes(".") ? "1" : String(Math.max(1, Math.floor(Number(first.quantity) / 4)));
      await returnOrder(ctxOf(sales, 50), view.id, { reason: "One carton damaged in transit (photo on WhatsApp)", lines: [{ productId: first.productId, quantity: back }] });
    }
  }
}

/** Distinct in-stock products with a quantity a shop would order: a few packs, or a few times the MOQ. */
function pickLines(products: { id: string; minOrderQty: { toString(): string }; sellInPacks: boolean; packSize: { toString(): string } | null; stockOnHand: { toString(): string }; stockReserved: { toString(): string } }[], n: number, big: boolean, rand: () => number) {
  const picked = new Map<string, string>();
  for (let tries = 0; picked.size < n && tries < n * 20; tries++) {
    const p = products[Math.floor(rand() * products.length)];
    if (picked.has(p.id)) continue;
    const unit = p.sellInPacks && p.packSize ? Number(p.packSize.toString()) : Math.max(1, Number(p.minOrderQty.toString()));
    const times = 1 + Math.floor(rand() * (big ? 6 : 3));
    const qty = unit * times;
    const available = Number(p.stockOnHand.toString()) - Number(p.stockReserved.toString());
    if (qty > available / 4) continue;
    picked.set(p.id, String(qty));
  }
  return [...picked].map(([productId, quantity]) => ({ productId, quantity }));
}

function actorOrThrow(actor: Actor | null, who: string): Actor {
  if (!actor) throw new Error(`seed: ${who} cannot act`);
  return actor;
}
