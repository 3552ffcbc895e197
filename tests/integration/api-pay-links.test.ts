// /api/v1 pay links over the route handlers with bearer tokens: staff make and cancel links, the
// retailer's Pay now makes or reuses one, bad input names the field and writes nothing, and another
// company or retailer gets 404 on every route.
import { describe, expect, it } from "vitest";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as invoicePayLinks from "@/app/api/v1/invoices/[id]/pay-links/route";
import * as payLink from "@/app/api/v1/pay-links/[id]/route";
import * as cancel from "@/app/api/v1/pay-links/[id]/cancel/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { createRetailerUser, createStaff } from "../support/factories";
import { gatewayShop, invoiceFor } from "../support/gateway-helpers";
import { call } from "../support/http";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;

describe("/api/v1 pay links", () => {
  it("staff make a link (idempotently), read it, cancel it; the retailer's Pay now makes one and reuses it", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const t = await token(shop.owner);
    const path = `/api/v1/invoices/${inv.id}/pay-links`;
    const made = await call(invoicePayLinks.POST, { method: "POST", path, token: t, params: { id: inv.id }, body: { amount: "500", acceptPartial: true }, headers: { "idempotency-key": "plink-1" } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ amount: "500.00", amountPaise: 50000, acceptPartial: true, status: "CREATED", sandbox: true, invoice: { id: inv.id, number: inv.number } });
    const again = await call(invoicePayLinks.POST, { method: "POST", path, token: t, params: { id: inv.id }, body: { amount: "500", acceptPartial: true }, headers: { "idempotency-key": "plink-1" } });
    expect(again.json.id).toBe(made.json.id);
    expect(await prisma.payLink.count({ where: { companyId: shop.co } })).toBe(1);

    const one = await call(payLink.GET, { path: `/api/v1/pay-links/${made.json.id}`, token: t, params: { id: made.json.id } });
    expect(one.status).toBe(200);
    expect(one.json.payments).toEqual([]);
    const list = await call(invoicePayLinks.GET, { path, token: t, params: { id: inv.id } });
    expect(list.json.data.map((l: { id: string }) => l.id)).toEqual([made.json.id]);

    const rt = await token(shop.retailerActor);
    const payNow = await call(invoicePayLinks.POST, { method: "POST", path, token: rt, params: { id: inv.id }, body: {} });
    expect(payNow.status).toBe(201);
    expect(payNow.json).toMatchObject({ amount: "1180.00", acceptPartial: false });
    const payNowAgain = await call(invoicePayLinks.POST, { method: "POST", path, token: rt, params: { id: inv.id }, body: {} });
    expect(payNowAgain.json.id).toBe(payNow.json.id);
    const retailerRead = await call(payLink.GET, { path: `/api/v1/pay-links/${payNow.json.id}`, token: rt, params: { id: payNow.json.id } });
    expect(retailerRead.status).toBe(200);

    const cancelled = await call(cancel.POST, { method: "POST", path: `/api/v1/pay-links/${made.json.id}/cancel`, token: t, params: { id: made.json.id }, body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe("CANCELLED");
    const sandboxLink = await prisma.gatewaySandboxLink.findFirstOrThrow({ where: { referenceId: made.json.reference } });
    expect(sandboxLink.status).toBe("cancelled");
    // The retailer cannot cancel.
    expect((await call(cancel.POST, { method: "POST", path: `/api/v1/pay-links/${payNow.json.id}/cancel`, token: rt, params: { id: payNow.json.id }, body: {} })).status).toBe(403);
  });

  it("bad input is a 400 naming the field, and writes nothing", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const t = await token(shop.owner);
    const path = `/api/v1/invoices/${inv.id}/pay-links`;
    const bad = async (token: string, body: unknown, field: string) => {
      const res = await call(invoicePayLinks.POST, { method: "POST", path, token, params: { id: inv.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(res.json.errors ?? {}).join(",") + res.json.detail, JSON.stringify(body)).toContain(field);
    };
    await bad(t, { amount: "12.345" }, "amount");
    await bad(t, { amount: "-5" }, "amount");
    await bad(t, { amount: "1180.01" }, "amount");
    await bad(t, { expiresInDays: 0 }, "expiresInDays");
    await bad(t, { expiresInDays: 400 }, "expiresInDays");
    await bad(t, { acceptPartial: "yes" }, "acceptPartial");
    await bad(t, { accountId: "nope" }, "accountId");
    await bad(t, { colour: "red" }, "colour");
    await bad(await token(shop.retailerActor), { amount: "10" }, "amount");
    const malformed = await call(invoicePayLinks.POST, { method: "POST", path, token: t, params: { id: inv.id }, rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expect(await prisma.payLink.count({ where: { companyId: shop.co } })).toBe(0);
    // Sales staff may not take money.
    const sales = await createStaff(shop.co, "SALES");
    expect((await call(invoicePayLinks.POST, { method: "POST", path, token: await token(sales.actor), params: { id: inv.id }, body: {} })).status).toBe(403);
  });

  it("another company's staff and another retailer get 404 on every pay-link route", async () => {
    const shop = await gatewayShop();
    const inv = await invoiceFor(shop, "1180.00");
    const t = await token(shop.owner);
    const made = await call(invoicePayLinks.POST, { method: "POST", path: `/api/v1/invoices/${inv.id}/pay-links`, token: t, params: { id: inv.id }, body: {} });
    expect(made.status).toBe(201);
    const other = await gatewayShop();
    const stranger = await createRetailerUser();
    for (const actor of [other.owner, stranger.actor]) {
      const ot = await token(actor);
      expect((await call(invoicePayLinks.POST, { method: "POST", token: ot, params: { id: inv.id }, body: {} })).status).toBe(404);
      expect((await call(invoicePayLinks.GET, { token: ot, params: { id: inv.id } })).status).toBe(404);
      expect((await call(payLink.GET, { token: ot, params: { id: made.json.id } })).status).toBe(404);
    }
    expect((await call(cancel.POST, { method: "POST", token: await token(other.owner), params: { id: made.json.id }, body: {} })).status).toBe(404);
    expect((await prisma.payLink.findUniqueOrThrow({ where: { id: made.json.id } })).status).toBe("CREATED");
    expect(await prisma.payLink.count({ where: { companyId: other.co } })).toBe(0);
  });

  it("the OpenAPI document lists the pay-link routes and both webhooks", async () => {
    const doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).json;
    expect(doc.paths["/api/v1/invoices/{id}/pay-links"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/pay-links/{id}"].get).toBeDefined();
    expect(doc.paths["/api/v1/pay-links/{id}/cancel"].post).toBeDefined();
    expect(doc.paths["/api/webhooks/razorpay/{accountId}"].post.security).toEqual([]);
    expect(doc.paths["/api/webhooks/stripe/{accountId}"].post.responses["401"]).toBeDefined();
  });
});
