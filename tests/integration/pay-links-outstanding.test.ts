// A pay link for a retailer's whole outstanding (no one document): staff make it over
// /api/v1/retailers/{id}/pay-links, the retailer's statement Pay now makes or reuses one; paid
// through the sandbox it is one receipt allocated oldest-due-first. Bad input names the field and
// writes nothing; another company or retailer gets 404.
import { describe, expect, it } from "vitest";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as retailerPayLinks from "@/app/api/v1/retailers/[id]/pay-links/route";
import { applyStoredEvents, deliverSandboxJobs, gatewayShop, invoiceState } from "../support/gateway-helpers";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser, createStaff } from "../support/factories";
import { call } from "../support/http";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { paySandboxLink } from "@/lib/billing/gateway/sandbox-checkout";
import { prisma } from "@/lib/db/client";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

async function shopWithDebts() {
  const shop = await gatewayShop();
  // Due dates out of issue order on purpose: allocation follows the due date.
  const later = await insertInvoiceRow(shop, { grandTotal: "590.00", issueDate: "2026-11-01", dueDate: "2026-12-20" });
  const older = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-05", dueDate: "2026-11-20" });
  return { shop, older, later };
}

describe("pay links for a retailer's whole outstanding", () => {
  it("staff make one for the outstanding; paid through the sandbox it is one receipt allocated oldest due first", async () => {
    const { shop, older, later } = await shopWithDebts();
    const t = await token(shop.owner);
    const path = `/api/v1/retailers/${shop.connection.id}/pay-links`;
    const made = await call(retailerPayLinks.POST, { method: "POST", path, token: t, params: { id: shop.connection.id }, body: {} });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ amount: "1770.00", amountPaise: 177000, invoice: null, connectionId: shop.connection.id, status: "CREATED", sandbox: true });
    expect(made.json.reference).toBe("OUT-1");
    const audit = await prisma.auditLog.findFirst({ where: { entityId: made.json.id, action: "pay_link.create" } });
    expect(audit).not.toBeNull();

    const row = await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } });
    const paid = await paySandboxLink(row.gatewayLinkId!, { method: "upi", outcome: "succeed" });
    expect(paid.status).toBe("captured");
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    const receipts = await prisma.payment.findMany({ where: { companyId: shop.co, kind: "RECEIPT" }, include: { allocationsOut: { orderBy: { createdAt: "asc" } } } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ method: "GATEWAY", gatewayPaymentId: paid.paymentId });
    expect(receipts[0].amount.toFixed(2)).toBe("1770.00");
    expect(receipts[0].allocatedAmount.toFixed(2)).toBe("1770.00");
    expect(await invoiceState(older.id)).toEqual({ settled: "1180.00", open: "0.00" });
    expect(await invoiceState(later.id)).toEqual({ settled: "590.00", open: "0.00" });
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } })).toMatchObject({ status: "PAID", amountPaidPaise: 177000n });
    const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { gatewayPaymentId: paid.paymentId } });
    expect(attempt.needsReview).toBe(false);

    const list = await call(retailerPayLinks.GET, { path, token: t, params: { id: shop.connection.id } });
    expect(list.status).toBe(200);
    expect(list.json.data.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([[made.json.id, "PAID"]]);
    // Nothing left to pay: no new link.
    const none = await call(retailerPayLinks.POST, { method: "POST", path, token: t, params: { id: shop.connection.id }, body: {} });
    expect(none.status).toBe(409);
  });

  it("a part payment settles the oldest due first and leaves the rest open", async () => {
    const { shop, older, later } = await shopWithDebts();
    const t = await token(shop.owner);
    const made = await call(retailerPayLinks.POST, { method: "POST", token: t, params: { id: shop.connection.id }, body: { acceptPartial: true } });
    expect(made.status).toBe(201);
    const row = await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } });
    await paySandboxLink(row.gatewayLinkId!, { method: "upi", outcome: "pay_part", amount: "1500" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    expect(await invoiceState(older.id)).toEqual({ settled: "1180.00", open: "0.00" });
    expect(await invoiceState(later.id)).toEqual({ settled: "320.00", open: "270.00" });
    expect(await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } })).toMatchObject({ status: "PARTLY_PAID", amountPaidPaise: 150000n });
  });

  it("money above the outstanding by the time it arrives (a cheque recorded meanwhile) is kept as an advance and flagged", async () => {
    const { shop, older } = await shopWithDebts();
    const made = await call(retailerPayLinks.POST, { method: "POST", token: await token(shop.owner), params: { id: shop.connection.id }, body: {} });
    const row = await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } });
    const { recordPayment } = await import("@/lib/billing/record-payment");
    await recordPayment(shop.staff, { connectionId: shop.connection.id, amount: "1000", method: "CHEQUE", paidOn: "2026-12-01", reference: "CHQ-1", allocations: "auto" });
    await paySandboxLink(row.gatewayLinkId!, { method: "upi", outcome: "succeed" });
    await deliverSandboxJobs(shop.account.id);
    await applyStoredEvents(shop.account.id);
    const gatewayReceipt = await prisma.payment.findFirstOrThrow({ where: { companyId: shop.co, method: "GATEWAY" } });
    expect(gatewayReceipt.amount.toFixed(2)).toBe("1770.00");
    expect(gatewayReceipt.allocatedAmount.toFixed(2)).toBe("0.00");
    const attempt = await prisma.paymentAttempt.findFirstOrThrow({ where: { paymentId: gatewayReceipt.id } });
    expect(attempt.needsReview).toBe(true);
    expect(attempt.reviewReason).toContain("outstanding");
    expect(await invoiceState(older.id)).toEqual({ settled: "1000.00", open: "180.00" });
  });

  it("the retailer's Pay now makes one for all it owes and reuses it while the outstanding is unchanged", async () => {
    const { shop } = await shopWithDebts();
    const rt = await token(shop.retailerActor);
    const first = await call(retailerPayLinks.POST, { method: "POST", token: rt, params: { id: shop.connection.id }, body: {} });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ amount: "1770.00", acceptPartial: false, invoice: null });
    const again = await call(retailerPayLinks.POST, { method: "POST", token: rt, params: { id: shop.connection.id }, body: {} });
    expect(again.json.id).toBe(first.json.id);
    // A new invoice changes the outstanding: a new link for the new amount.
    await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-10", dueDate: "2026-12-10" });
    const third = await call(retailerPayLinks.POST, { method: "POST", token: rt, params: { id: shop.connection.id }, body: {} });
    expect(third.json).toMatchObject({ amount: "1888.00", reference: "OUT-2" });
    const list = await call(retailerPayLinks.GET, { token: rt, params: { id: shop.connection.id } });
    expect(list.json.data).toHaveLength(2);
    // The retailer chooses nothing but "pay".
    const bad = await call(retailerPayLinks.POST, { method: "POST", token: rt, params: { id: shop.connection.id }, body: { amount: "10" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors ?? {}).join(",") + bad.json.detail).toContain("amount");
  });

  it("bad input is a 400 naming the field, and writes nothing; sales staff are 403", async () => {
    const { shop } = await shopWithDebts();
    const t = await token(shop.owner);
    const bad = async (body: unknown, field: string) => {
      const res = await call(retailerPayLinks.POST, { method: "POST", token: t, params: { id: shop.connection.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(res.json.errors ?? {}).join(",") + res.json.detail, JSON.stringify(body)).toContain(field);
    };
    await bad({ amount: "12.345" }, "amount");
    await bad({ amount: "0" }, "amount");
    await bad({ amount: "1770.01" }, "amount");
    await bad({ expiresInDays: 0 }, "expiresInDays");
    await bad({ acceptPartial: "yes" }, "acceptPartial");
    await bad({ accountId: "nope" }, "accountId");
    await bad({ invoiceId: "x" }, "invoiceId");
    const malformed = await call(retailerPayLinks.POST, { method: "POST", token: t, params: { id: shop.connection.id }, rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    const sales = await createStaff(shop.co, "SALES");
    expect((await call(retailerPayLinks.POST, { method: "POST", token: await token(sales.actor), params: { id: shop.connection.id }, body: {} })).status).toBe(403);
    expect(await prisma.payLink.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { companyId: shop.co, action: "pay_link.create" } })).toBe(0);
  });

  it("another company's staff and another retailer get 404, and nothing is written", async () => {
    const { shop } = await shopWithDebts();
    const other = await gatewayShop();
    const stranger = await createRetailerUser();
    for (const actor of [other.owner, stranger.actor]) {
      const ot = await token(actor);
      expect((await call(retailerPayLinks.POST, { method: "POST", token: ot, params: { id: shop.connection.id }, body: {} })).status).toBe(404);
      expect((await call(retailerPayLinks.GET, { token: ot, params: { id: shop.connection.id } })).status).toBe(404);
    }
    expect(await prisma.payLink.count({ where: { companyId: { in: [shop.co, other.co] } } })).toBe(0);
  });

  it("a payment whose connection_id note names another retailer of the vendor is not applied: flagged for review, no receipt, nothing allocated", async () => {
    const { shop, older, later } = await shopWithDebts();
    const neighbour = await createRetailerUser();
    const otherConn = await prisma.connection.create({ data: { companyId: shop.co, retailerId: neighbour.retailer.id, status: "ACTIVE", customerCode: `C-N-${Date.now()}`, creditLimit: "0", placeOfSupply: "27", activatedAt: new Date() } });
    const made = await call(retailerPayLinks.POST, { method: "POST", token: await token(shop.owner), params: { id: shop.connection.id }, body: {} });
    const row = await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } });
    // The gateway's copy of the link names the neighbour's connection (a mis-set or forged note).
    const sl = await prisma.gatewaySandboxLink.findUniqueOrThrow({ where: { id: row.gatewayLinkId! } });
    await prisma.gatewaySandboxLink.update({ where: { id: sl.id }, data: { notes: { ...(sl.notes as Record<string, string>), connection_id: otherConn.id } } });

    const paid = await paySandboxLink(row.gatewayLinkId!, { method: "upi", outcome: "succeed" });
    await deliverSandboxJobs(shop.account.id);
    const results = await applyStoredEvents(shop.account.id);
    expect(results.every((r) => r === "flagged")).toBe(true);
    const events = await prisma.webhookEvent.findMany({ where: { accountId: shop.account.id } });
    expect(events.every((e) => e.status === "FAILED" && /connection_id .* is not the retailer of pay link OUT-1/.test(e.reason ?? ""))).toBe(true);
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await prisma.paymentAttempt.count({ where: { gatewayPaymentId: paid.paymentId } })).toBe(0);
    expect(await invoiceState(older.id)).toEqual({ settled: "0.00", open: "1180.00" });
    expect(await invoiceState(later.id)).toEqual({ settled: "0.00", open: "590.00" });
    // In the review queue: the owner is told.
    expect(await prisma.notification.count({ where: { dedupeKey: { startsWith: "gateway-event-flag:" }, userId: shop.owner.userId } })).toBeGreaterThanOrEqual(1);

    // The same note naming the link's own connection is applied as usual (the check is what stopped it).
    await prisma.gatewaySandboxLink.update({ where: { id: sl.id }, data: { notes: sl.notes as Record<string, string> } });
    await prisma.webhookEvent.updateMany({ where: { accountId: shop.account.id }, data: { status: "VERIFIED" } });
    await applyStoredEvents(shop.account.id);
    expect(await prisma.payment.count({ where: { companyId: shop.co, gatewayPaymentId: paid.paymentId } })).toBe(1);
  });

  it("the OpenAPI document lists the route", async () => {
    const doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).json;
    expect(doc.paths["/api/v1/retailers/{id}/pay-links"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/retailers/{id}/pay-links"].get).toBeDefined();
  });
});
