// Bulk actions on orders and invoices, through POST /api/v1/orders/bulk and /invoices/bulk and the
// domain functions behind them: a result per row (done / skipped with the reason / not found /
// failed), each row in its own transaction, repeats that change nothing, bad input refused whole
// naming the field, another company's ids not found, and roles refused as the single-row routes do.
import { describe, expect, it } from "vitest";
import * as ordersBulk from "@/app/api/v1/orders/bulk/route";
import * as invoicesBulk from "@/app/api/v1/invoices/bulk/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { bulkInvoices } from "@/lib/billing/bulk-invoices";
import { BULK_MAX } from "@/lib/bulk/bulk-result";
import { runBulk } from "@/lib/bulk/run-bulk";
import { prisma } from "@/lib/db/client";
import { getPickLists } from "@/lib/orders/get-pick-lists";
import { insertInvoiceRow } from "../support/billing-factories";
import { createStaff } from "../support/factories";
import { call } from "../support/http";
import { orderIn, orderShop, stockedProduct, type Shop } from "../support/order-factories";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const ORDERS = "/api/v1/orders/bulk";
const INVOICES = "/api/v1/invoices/bulk";

/** What a bulk request could have changed: order states, timelines, invoices, audit rows, mails, jobs. */
async function footprint(co: string) {
  const [orders, events, invoices, audits, mails, jobs] = await Promise.all([
    prisma.order.findMany({ where: { companyId: co }, select: { id: true, status: true, creditHold: true, invoicedTotal: true }, orderBy: { id: "asc" } }),
    prisma.orderEvent.count({ where: { companyId: co } }),
    prisma.invoice.findMany({ where: { companyId: co }, select: { id: true, status: true, eInvoiceStatus: true }, orderBy: { id: "asc" } }),
    prisma.auditLog.count({ where: { companyId: co } }),
    prisma.emailMessage.count({ where: { companyId: co } }),
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'invoiceId' IN (SELECT id FROM "Invoice" WHERE "companyId" = ${co})`.then((r) => r[0]!.n),
  ]);
  return { orders, events, invoices, audits, mails, jobs };
}

async function heldOrder(shop: Shop, productId: string) {
  const o = await orderIn(shop, "PLACED", productId);
  await prisma.order.update({ where: { id: o.id }, data: { creditHold: true, holdReason: "Over the credit limit" } });
  return o;
}

describe("POST /api/v1/orders/bulk", () => {
  it("confirms the placed orders and says per row why the others were skipped; a repeat changes nothing", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const placed = [await orderIn(shop, "PLACED", p.id), await orderIn(shop, "PLACED", p.id), await orderIn(shop, "PLACED", p.id)];
    const held = await heldOrder(shop, p.id);
    const confirmed = await orderIn(shop, "CONFIRMED", p.id);
    const cancelled = await orderIn(shop, "CANCELLED", p.id);
    const draft = await orderIn(shop, "DRAFT", p.id);
    const t = await token(shop.owner);
    const ids = [...placed.map((o) => o.id), held.id, confirmed.id, cancelled.id, draft.id, placed[0]!.id];

    const res = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "confirm", ids } });
    expect(res.status).toBe(200);
    expect(res.json.action).toBe("confirm");
    // One result per distinct id, in the order asked.
    expect(res.json.results.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 7));
    expect(res.json.results.map((r: { number: string; outcome: string; message: string; code: string | null }) => [r.number, r.outcome, r.message, r.code])).toEqual([
      [placed[0]!.number, "done", "Confirmed", null],
      [placed[1]!.number, "done", "Confirmed", null],
      [placed[2]!.number, "done", "Confirmed", null],
      [held.number, "skipped", "On credit hold", "invalid_transition"],
      [confirmed.number, "skipped", "Already confirmed", "already_done"],
      [cancelled.number, "skipped", "Cancelled", "invalid_transition"],
      [draft.number, "skipped", "A draft: place it first", "invalid_transition"],
    ]);
    expect(res.json.summary).toEqual({ done: 3, skipped: 4, not_found: 0, failed: 0 });
    const rows = await prisma.order.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(placed.map((o) => status.get(o.id))).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    expect([status.get(held.id), status.get(cancelled.id), status.get(draft.id)]).toEqual(["PLACED", "CANCELLED", "DRAFT"]);
    // Each confirmed order has its own timeline entry and audit row, as the single button writes.
    expect(await prisma.orderEvent.count({ where: { orderId: { in: placed.map((o) => o.id) }, kind: "confirmed" } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { entityId: { in: placed.map((o) => o.id) }, action: "order.confirm" } })).toBe(3);

    const before = await footprint(shop.co);
    const again = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "confirm", ids } });
    expect(again.status).toBe(200);
    expect(again.json.summary).toEqual({ done: 0, skipped: 7, not_found: 0, failed: 0 });
    expect(again.json.results.slice(0, 3).map((r: { message: string }) => r.message)).toEqual(["Already confirmed", "Already confirmed", "Already confirmed"]);
    expect(await footprint(shop.co)).toEqual(before);
  });

  it("packs confirmed orders, then invoices the packed ones with a link to each invoice; repeats skip", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100, { hsnCode: "84713010" });
    const a = await orderIn(shop, "CONFIRMED", p.id, 2);
    const b = await orderIn(shop, "CONFIRMED", p.id, 3);
    const placed = await orderIn(shop, "PLACED", p.id);
    const t = await token(shop.owner);

    const pack = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "pack", ids: [a.id, b.id, placed.id] } });
    expect(pack.json.results.map((r: { outcome: string; message: string }) => `${r.outcome}: ${r.message}`)).toEqual(["done: Packed", "done: Packed", "skipped: Not confirmed yet"]);

    const invoice = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "invoice", ids: [a.id, b.id, placed.id] } });
    expect(invoice.status).toBe(200);
    const [ra, rb, rp] = invoice.json.results;
    const invoices = await prisma.invoice.findMany({ where: { companyId: shop.co }, select: { id: true, number: true, orderId: true, grandTotal: true } });
    expect(invoices).toHaveLength(2);
    const of = (orderId: string) => invoices.find((i) => i.orderId === orderId)!;
    expect(ra).toMatchObject({ outcome: "done", message: `Invoiced: ${of(a.id).number}`, document: { id: of(a.id).id, number: of(a.id).number } });
    expect(rb).toMatchObject({ outcome: "done", document: { id: of(b.id).id } });
    expect(of(a.id).grandTotal.toFixed(2)).toBe("236.00");
    expect(of(b.id).grandTotal.toFixed(2)).toBe("354.00");
    expect(rp).toMatchObject({ outcome: "skipped", message: "Not confirmed or packed yet", document: null });

    const before = await footprint(shop.co);
    const again = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "invoice", ids: [a.id, b.id] } });
    expect(again.json.results.map((r: { outcome: string; message: string; code: string }) => [r.outcome, r.message, r.code])).toEqual([
      ["skipped", "Already invoiced", "already_done"],
      ["skipped", "Already invoiced", "already_done"],
    ]);
    expect((await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "pack", ids: [a.id] } })).json.results[0]).toMatchObject({ outcome: "skipped", message: "Already packed" });
    expect(await footprint(shop.co)).toEqual(before);
  });

  it("refuses bad input whole, naming the field, and writes nothing", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const o = await orderIn(shop, "PLACED", p.id);
    const t = await token(shop.owner);
    const before = await footprint(shop.co);
    const bad = async (body: unknown) => {
      const res = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.code).toBe("validation");
      return Object.keys(res.json.errors);
    };
    expect(await bad({ action: "ship", ids: [o.id] })).toEqual(["action"]);
    expect(await bad({ ids: [o.id] })).toEqual(["action"]);
    expect(await bad({ action: "confirm", ids: [] })).toEqual(["ids"]);
    expect(await bad({ action: "confirm" })).toEqual(["ids"]);
    expect(await bad({ action: "confirm", ids: o.id })).toEqual(["ids"]);
    expect(await bad({ action: "confirm", ids: Array.from({ length: BULK_MAX + 1 }, (_, i) => `${o.id.slice(0, 20)}${i}`) })).toEqual(["ids"]);
    expect(await bad({ action: "confirm", ids: [o.id, "../etc/passwd"] })).toEqual(["ids.1"]);
    expect(await bad({ action: "confirm", ids: [o.id, 42] })).toEqual(["ids.1"]);
    expect(await bad({ action: "confirm", ids: [o.id, ""] })).toEqual(["ids.1"]);
    expect(await bad({ action: "confirm", ids: [o.id], note: "all of them" })).toEqual(["note"]);
    const malformed = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, rawBody: '{"action": "confirm", "ids": [' });
    expect([malformed.status, malformed.json.code]).toEqual([400, "malformed_json"]);
    expect(await footprint(shop.co)).toEqual(before);
    // The bad answers name the problem in words too.
    const many = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "confirm", ids: Array.from({ length: BULK_MAX + 1 }, (_, i) => `x${i}`) } });
    expect(many.json.errors.ids).toEqual([`At most ${BULK_MAX} orders at a time`]);
  });

  it("another company's ids are not found, row by row, and nothing of theirs changes", async () => {
    const a = await orderShop();
    const b = await orderShop();
    const p = await stockedProduct(a, 100);
    const theirs = [await orderIn(a, "PLACED", p.id), await orderIn(a, "CONFIRMED", p.id)];
    const mine = await orderIn(b, "PLACED", (await stockedProduct(b, 10)).id);
    const before = await footprint(a.co);
    const tb = await token(b.owner);
    for (const action of ["confirm", "pack", "invoice"]) {
      const res = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: tb, body: { action, ids: [theirs[0]!.id, theirs[1]!.id, "no-such-order"] } });
      expect(res.status).toBe(200);
      expect(res.json.results).toEqual([theirs[0]!.id, theirs[1]!.id, "no-such-order"].map((id) => ({ id, number: null, outcome: "not_found", message: "Order not found", code: "not_found", document: null })));
    }
    expect(await footprint(a.co)).toEqual(before);
    // Mixed with one of the caller's own: that one is done, the others still not found.
    const mixed = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: tb, body: { action: "confirm", ids: [theirs[0]!.id, mine.id] } });
    expect(mixed.json.results.map((r: { outcome: string }) => r.outcome)).toEqual(["not_found", "done"]);
    expect(await footprint(a.co)).toEqual(before);
  });

  it("a role that may not take the action is refused whole (403), as on the single order's route; a retailer too", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const placed = await orderIn(shop, "PLACED", p.id);
    const confirmed = await orderIn(shop, "CONFIRMED", p.id);
    const packed = await orderIn(shop, "PACKED", p.id);
    const before = await footprint(shop.co);
    const as = async (role: "SALES" | "WAREHOUSE" | "ACCOUNTANT" | "DRIVER") => token((await createStaff(shop.co, role)).actor);
    const cases: [Promise<string>, string, string[]][] = [
      [as("WAREHOUSE"), "confirm", [placed.id]],
      [as("SALES"), "pack", [confirmed.id]],
      [as("SALES"), "invoice", [packed.id]],
      [as("DRIVER"), "confirm", [placed.id]],
      [token(shop.retailerActor), "confirm", [placed.id]],
    ];
    for (const [t, action, ids] of cases) {
      const res = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: await t, body: { action, ids } });
      expect([res.status, res.json.code], action).toEqual([403, "forbidden"]);
    }
    expect(await footprint(shop.co)).toEqual(before);
    // The roles that may: warehouse packs, the accountant invoices.
    expect((await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: await as("WAREHOUSE"), body: { action: "pack", ids: [confirmed.id] } })).json.summary.done).toBe(1);
    expect((await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: await as("ACCOUNTANT"), body: { action: "invoice", ids: [packed.id] } })).json.summary.done).toBe(1);
  });

  it("the same Idempotency-Key twice answers the first result again", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const o = await orderIn(shop, "PLACED", p.id);
    const t = await token(shop.owner);
    const headers = { "idempotency-key": `bulk-${o.id}` };
    const first = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "confirm", ids: [o.id] }, headers });
    const replay = await call(ordersBulk.POST, { method: "POST", path: ORDERS, token: t, body: { action: "confirm", ids: [o.id] }, headers });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);
    expect(first.json.results[0].outcome).toBe("done");
  });
});

describe("each row on its own", () => {
  it("a row that breaks is failed with a generic message; the rows before and after it stay done", async () => {
    const shop = await orderShop();
    const p = await stockedProduct(shop, 100);
    const orders = [await orderIn(shop, "PLACED", p.id), await orderIn(shop, "PLACED", p.id), await orderIn(shop, "PLACED", p.id)];
    const rows = new Map(orders.map((o) => [o.id, { id: o.id, number: o.number }]));
    // The middle row writes, then breaks: its own transaction rolls back; the others commit.
    const result = await runBulk(shop.staff, "confirm", orders.map((o) => o.id), rows, "Order", (o) => ({
      run: () =>
        prisma.$transaction(async (tx) => {
          await tx.order.update({ where: { id: o.id }, data: { notes: "touched" } });
          if (o.id === orders[1]!.id) throw new Error("disk on fire");
          return { message: "Noted" };
        }),
    }));
    expect(result.results.map((r) => [r.outcome, r.code])).toEqual([["done", null], ["failed", "internal"], ["done", null]]);
    expect(result.results[1]!.message).toBe(`Something went wrong on our side (request ${shop.staff.requestId})`);
    const notes = await prisma.order.findMany({ where: { id: { in: orders.map((o) => o.id) } }, select: { id: true, notes: true } });
    expect(orders.map((o) => notes.find((n) => n.id === o.id)!.notes)).toEqual(["touched", null, "touched"]);
  });

  it("a refusal from the domain function under the lock is a skip with its message, not a failure", async () => {
    const shop = await orderShop();
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { email: null } });
    const doc = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const res = await bulkInvoices(shop.staff, { action: "email", ids: [doc.id] });
    expect(res.results[0]).toMatchObject({ outcome: "skipped", code: "conflict", message: expect.stringMatching(/no e-mail address/) });
  });
});

describe("POST /api/v1/invoices/bulk", () => {
  it("requests IRNs for the documents that have none; those with one or waiting, and cancelled ones, are skipped; a repeat changes nothing", async () => {
    const shop = await orderShop();
    const fresh = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const failed = await insertInvoiceRow(shop, { grandTotal: "590.00", issueDate: "2026-11-20" });
    await prisma.invoice.update({ where: { id: failed.id }, data: { eInvoiceStatus: "FAILED", eInvoiceError: "IRP down" } });
    const withIrn = await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-20" });
    await prisma.invoice.update({ where: { id: withIrn.id }, data: { eInvoiceStatus: "GENERATED", irn: "a".repeat(64) } });
    const cancelled = await insertInvoiceRow(shop, { grandTotal: "236.00", issueDate: "2026-11-20" });
    await prisma.invoice.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "Duplicate" } });
    // A supply to an unregistered buyer (B2C) gets no IRN: the IRP would refuse it.
    const gstin = (await prisma.retailer.findUniqueOrThrow({ where: { id: shop.retailer.id } })).gstin;
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { gstin: null } });
    const b2c = await insertInvoiceRow(shop, { grandTotal: "472.00", issueDate: "2026-11-20" });
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { gstin } });
    expect(b2c.buyerGstin).toBeNull();
    const t = await token(shop.owner);
    const ids = [fresh.id, failed.id, withIrn.id, cancelled.id, b2c.id];

    const res = await call(invoicesBulk.POST, { method: "POST", path: INVOICES, token: t, body: { action: "request_irn", ids } });
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: { number: string; outcome: string; message: string }) => `${r.number}: ${r.outcome} ${r.message}`)).toEqual([
      `${fresh.number}: done Queued for the IRP`,
      `${failed.number}: done Queued for the IRP`,
      `${withIrn.number}: skipped Already has an IRN`,
      `${cancelled.number}: skipped Cancelled: not reported to the IRP`,
      `${b2c.number}: skipped Unregistered buyer (no GSTIN): no e-invoice`,
    ]);
    const jobs = await prisma.$queryRaw<{ id: string }[]>`SELECT data->>'invoiceId' AS id FROM pgboss.job WHERE name = 'einvoice-generate' AND data->>'invoiceId' = ANY(${ids})`;
    expect(jobs.map((j) => j.id).sort()).toEqual([fresh.id, failed.id].sort());

    const before = await footprint(shop.co);
    const again = await call(invoicesBulk.POST, { method: "POST", path: INVOICES, token: t, body: { action: "request_irn", ids } });
    expect(again.json.results.map((r: { message: string }) => r.message)).toEqual(["Already waiting for the IRP", "Already waiting for the IRP", "Already has an IRN", "Cancelled: not reported to the IRP", "Unregistered buyer (no GSTIN): no e-invoice"]);
    expect(again.json.summary).toEqual({ done: 0, skipped: 5, not_found: 0, failed: 0 });
    expect(await footprint(shop.co)).toEqual(before);
  });

  it("e-mails each issued document to its retailer; a cancelled one is skipped", async () => {
    const shop = await orderShop();
    const to = `accounts-${shop.retailer.id}@kirana.example`;
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { email: to } });
    const a = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    const b = await insertInvoiceRow(shop, { grandTotal: "590.00", issueDate: "2026-11-20" });
    const cancelled = await insertInvoiceRow(shop, { grandTotal: "236.00", issueDate: "2026-11-20" });
    await prisma.invoice.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "Duplicate" } });
    const res = await call(invoicesBulk.POST, { method: "POST", path: INVOICES, token: await token(shop.owner), body: { action: "email", ids: [a.id, b.id, cancelled.id] } });
    expect(res.json.results.map((r: { outcome: string; message: string }) => `${r.outcome} ${r.message}`)).toEqual([`done E-mailed to ${to}`, `done E-mailed to ${to}`, "skipped Cancelled: not mailed"]);
    const mails = await prisma.emailMessage.findMany({ where: { to }, select: { subject: true } });
    expect(mails.map((m) => m.subject).sort()).toEqual([expect.stringContaining(a.number), expect.stringContaining(b.number)].sort());
    expect(mails).toHaveLength(2);
    expect(await prisma.auditLog.count({ where: { entityId: { in: [a.id, b.id] }, action: "invoice.emailed" } })).toBe(2);
  });

  it("refuses bad input naming the field; another company's ids are not found; a role without billing.write is 403", async () => {
    const a = await orderShop();
    const b = await orderShop();
    const doc = await insertInvoiceRow(a, { grandTotal: "1180.00", issueDate: "2026-11-20" });
    await prisma.retailer.update({ where: { id: a.retailer.id }, data: { email: `a-${a.retailer.id}@kirana.example` } });
    const before = await footprint(a.co);
    const ta = await token(a.owner);
    for (const [body, field] of [
      [{ action: "cancel", ids: [doc.id] }, "action"],
      [{ action: "email", ids: [] }, "ids"],
      [{ action: "email", ids: Array.from({ length: BULK_MAX + 1 }, (_, i) => `i${i}`) }, "ids"],
      [{ action: "email", ids: ["inv 1"] }, "ids.0"],
      [{ action: "email", ids: [doc.id], to: "someone@else.example" }, "to"],
    ] as const) {
      const res = await call(invoicesBulk.POST, { method: "POST", path: INVOICES, token: ta, body });
      expect([res.status, Object.keys(res.json.errors ?? {})]).toEqual([400, [field]]);
    }
    for (const action of ["email", "request_irn"]) {
      const res = await call(invoicesBulk.POST, { method: "POST", path: INVOICES, token: await token(b.owner), body: { action, ids: [doc.id] } });
      expect(res.json.results).toEqual([{ id: doc.id, number: null, outcome: "not_found", message: "Invoice not found", code: "not_found", document: null }]);
    }
    for (const role of ["SALES", "WAREHOUSE"] as const) {
      const res = await call(invoicesBulk.POST, { method: "POST", path: INVOICES, token: await token((await createStaff(a.co, role)).actor), body: { action: "request_irn", ids: [doc.id] } });
      expect([res.status, res.json.code]).toEqual([403, "forbidden"]);
    }
    expect(await footprint(a.co)).toEqual(before);
  });
});

describe("pick lists of several orders", () => {
  it("gives each order's sheet in the order chosen and names the ones without a pick list", async () => {
    const a = await orderShop();
    const b = await orderShop();
    const p = await stockedProduct(a, 100);
    const one = await orderIn(a, "CONFIRMED", p.id, 4);
    const two = await orderIn(a, "PLACED", p.id, 1);
    const draft = await orderIn(a, "DRAFT", p.id);
    const theirs = await orderIn(b, "PLACED", (await stockedProduct(b, 10)).id);
    const res = await getPickLists(a.staff, { ids: [two.id, one.id, draft.id, theirs.id] });
    expect(res.sheets.map((s) => [s.order.number, s.totalQuantity])).toEqual([
      [two.number, "1.000"],
      [one.number, "4.000"],
    ]);
    expect(res.left).toEqual([
      { id: draft.id, number: draft.number, reason: "A draft order has no pick list" },
      { id: theirs.id, number: null, reason: "Order not found" },
    ]);
    await expect(getPickLists(a.staff, { ids: [] })).rejects.toMatchObject({ code: "validation", fieldErrors: { ids: ["Choose at least one order"] } });
  });
});
