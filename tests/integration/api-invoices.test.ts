// /api/v1 invoices, notes, order invoicing, billing settings and tax rates over the route handlers
// with bearer tokens: idempotent issuing, problem+json naming the bad field, tenancy on every
// route, retailer scoping, and the operations in the OpenAPI document.
import { describe, expect, it } from "vitest";
import * as invoices from "@/app/api/v1/invoices/route";
import * as invoice from "@/app/api/v1/invoices/[id]/route";
import * as creditNotes from "@/app/api/v1/invoices/[id]/credit-notes/route";
import * as debitNotes from "@/app/api/v1/invoices/[id]/debit-notes/route";
import * as cancel from "@/app/api/v1/invoices/[id]/cancel/route";
import * as eInvoice from "@/app/api/v1/invoices/[id]/e-invoice/route";
import * as eInvoiceJson from "@/app/api/v1/invoices/[id]/e-invoice/json/route";
import * as ewayBill from "@/app/api/v1/invoices/[id]/e-way-bill/route";
import * as pdf from "@/app/api/v1/invoices/[id]/pdf/route";
import * as orderInvoice from "@/app/api/v1/orders/[id]/invoice/route";
import * as settings from "@/app/api/v1/billing-settings/route";
import * as taxRates from "@/app/api/v1/tax-rates/route";
import * as taxRate from "@/app/api/v1/tax-rates/[id]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { createRetailerUser } from "../support/factories";
import { call } from "../support/http";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const key = () => `test-${Math.random().toString(36).slice(2)}`;
const hsn = { hsnCode: "84713010" };

describe("/api/v1/invoices", () => {
  it("issues a direct invoice once per Idempotency-Key; bad input is problem+json naming the field", async () => {
    const shop = await orderShop();
    const t = await token(shop.owner);
    const p = await stockedProduct(shop, 0, hsn);
    const body = { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2" }] };
    const k = key();
    const first = await call(invoices.POST, { method: "POST", path: "/api/v1/invoices", token: t, body, headers: { "idempotency-key": k } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ type: "INVOICE", totals: { grandTotal: "236.00" } });
    const replay = await call(invoices.POST, { method: "POST", path: "/api/v1/invoices", token: t, body, headers: { "idempotency-key": k } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(first.json.id);
    expect(await prisma.invoice.count({ where: { companyId: shop.co } })).toBe(1);

    const bad = await call(invoices.POST, { method: "POST", path: "/api/v1/invoices", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "-1" }] } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys(bad.json.errors)).toContain("lines.0.quantity");
    const unknown = await call(invoices.POST, { method: "POST", path: "/api/v1/invoices", token: t, body: { ...body, total: "1" } });
    expect(unknown.json).toMatchObject({ code: "validation", errors: { total: ["Unknown field"] } });
    const future = await call(invoices.POST, { method: "POST", path: "/api/v1/invoices", token: t, body: { ...body, issueDate: "2099-01-01" } });
    expect(future.json.errors.issueDate).toEqual(["Cannot be in the future"]);

    const list = await call(invoices.GET, { path: "/api/v1/invoices?type=invoice&limit=10", token: t });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ total: 1, counts: { all: 1, invoice: 1 } });
    const badFilter = await call(invoices.GET, { path: "/api/v1/invoices?payment=someday", token: t });
    expect(Object.keys(badFilter.json.errors)).toEqual(["payment"]);
    const one = await call(invoice.GET, { path: `/api/v1/invoices/${first.json.id}`, token: t, params: { id: first.json.id } });
    expect(one.json.availableActions).toEqual(expect.arrayContaining(["credit_note", "debit_note"]));
  });

  it("invoices an order, then credit and debit notes against it", async () => {
    const shop = await orderShop();
    const t = await token(shop.owner);
    const p = await stockedProduct(shop, 10, hsn);
    const order = await orderIn(shop, "PACKED", p.id, 4);
    const partial = await call(orderInvoice.POST, { method: "POST", token: t, params: { id: order.id }, body: { lines: [{ orderLineId: order.lines[0]!.id, quantity: "9" }] } });
    expect(partial.status).toBe(400);
    expect(Object.keys(partial.json.errors)).toEqual(["lines.0.quantity"]);
    const inv = await call(orderInvoice.POST, { method: "POST", token: t, params: { id: order.id }, body: {} });
    expect(inv.status).toBe(201);
    const again = await call(orderInvoice.POST, { method: "POST", token: t, params: { id: order.id }, body: {} });
    expect(again.status).toBe(409);
    const lineId = inv.json.lines[0].id;
    const cn = await call(creditNotes.POST, { method: "POST", token: t, params: { id: inv.json.id }, body: { reason: "RETURN", lines: [{ originalLineId: lineId, quantity: "1" }] } });
    expect(cn.status).toBe(201);
    expect(cn.json).toMatchObject({ type: "CREDIT_NOTE", original: { id: inv.json.id } });
    const badReason = await call(creditNotes.POST, { method: "POST", token: t, params: { id: inv.json.id }, body: { reason: "MISTAKE", lines: "full" } });
    expect(Object.keys(badReason.json.errors)).toEqual(["reason"]);
    const dn = await call(debitNotes.POST, { method: "POST", token: t, params: { id: inv.json.id }, body: { reason: "RATE_DIFFERENCE", lines: [{ originalLineId: lineId, amount: "10" }] } });
    expect(dn.status).toBe(201);
    expect(dn.json.type).toBe("DEBIT_NOTE");
  });

  it("another company gets 404 on every route; a retailer sees only its own and cannot issue", async () => {
    const shop = await orderShop();
    const other = await orderShop();
    const p = await stockedProduct(shop, 10, hsn);
    const order = await orderIn(shop, "PACKED", p.id, 1);
    const t = await token(shop.owner);
    const inv = (await call(invoices.POST, { method: "POST", token: t, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] } })).json;
    const rate = (await call(taxRates.POST, { method: "POST", token: t, body: { hsnPrefix: "8471", gstRate: "12", effectiveFrom: "2026-01-01" } })).json;

    const ot = await token(other.owner);
    const routes = [
      call(invoice.GET, { token: ot, params: { id: inv.id } }),
      call(creditNotes.POST, { method: "POST", token: ot, params: { id: inv.id }, body: { reason: "OTHER", lines: "full" } }),
      call(debitNotes.POST, { method: "POST", token: ot, params: { id: inv.id }, body: { reason: "OTHER", lines: [{ originalLineId: inv.lines[0].id, amount: "1" }] } }),
      call(pdf.GET, { token: ot, params: { id: inv.id } }),
      call(cancel.POST, { method: "POST", token: ot, params: { id: inv.id }, body: { reasonCode: 2, remark: "Wrong buyer" } }),
      call(eInvoice.POST, { method: "POST", token: ot, params: { id: inv.id } }),
      call(eInvoiceJson.GET, { token: ot, params: { id: inv.id } }),
      call(ewayBill.GET, { token: ot, params: { id: inv.id }, path: `/api/v1/invoices/${inv.id}/e-way-bill?distanceKm=120` }),
      call(orderInvoice.POST, { method: "POST", token: ot, params: { id: order.id }, body: {} }),
      call(invoices.POST, { method: "POST", token: ot, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] } }),
      call(taxRate.DELETE, { method: "DELETE", token: ot, params: { id: rate.id } }),
    ];
    for (const res of await Promise.all(routes)) {
      expect(res.status).toBe(404);
      expect(res.json.code).toBe("not_found");
    }
    expect((await call(invoices.GET, { token: ot })).json.total).toBe(0);

    const rt = await token(shop.retailerActor);
    expect((await call(invoice.GET, { token: rt, params: { id: inv.id } })).status).toBe(200);
    expect((await call(invoices.GET, { token: rt, path: `/api/v1/invoices?vendorCode=${shop.company.code}` })).json.total).toBe(1);
    expect((await call(invoices.POST, { method: "POST", token: rt, body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "1" }] } })).status).toBe(403);
    const stranger = await createRetailerUser();
    expect((await call(invoice.GET, { token: await token(stranger.actor), params: { id: inv.id } })).status).toBe(404);
  });
});

describe("/api/v1/billing-settings and /api/v1/tax-rates", () => {
  it("reads defaults, patches series (field errors named), adds and deletes a company rate", async () => {
    const shop = await orderShop();
    const t = await token(shop.owner);
    expect((await call(settings.GET, { token: t })).json).toMatchObject({ invoiceSeries: "INV", creditNoteSeries: "CN", ewayBillThreshold: "50000.00", updatedAt: null });
    const bad = await call(settings.PATCH, { method: "PATCH", token: t, body: { invoiceSeries: "0AB", irpPasswordEnc: "x" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["invoiceSeries", "irpPasswordEnc"]);
    const ok = await call(settings.PATCH, { method: "PATCH", token: t, body: { invoiceSeries: "sgf", signatoryName: "A. Kulkarni", emailOnIssue: false } });
    expect(ok.json).toMatchObject({ invoiceSeries: "SGF", signatoryName: "A. Kulkarni", emailOnIssue: false });
    const sales = await token((await shop.staffAs("SALES")).actor);
    expect((await call(settings.PATCH, { method: "PATCH", token: sales, body: { emailOnIssue: true } })).status).toBe(403);

    const added = await call(taxRates.POST, { method: "POST", token: t, body: { hsnPrefix: "8471", gstRate: "41", effectiveFrom: "2026-01-01" } });
    expect(Object.keys(added.json.errors)).toEqual(["gstRate"]);
    const rate = await call(taxRates.POST, { method: "POST", token: t, body: { hsnPrefix: "8471", gstRate: "12", effectiveFrom: "2026-01-01" } });
    expect(rate.status).toBe(201);
    const list = await call(taxRates.GET, { token: t, path: "/api/v1/tax-rates?scope=company" });
    expect(list.json.data.map((r: { id: string }) => r.id)).toEqual([rate.json.id]);
    expect((await call(taxRate.DELETE, { method: "DELETE", token: t, params: { id: rate.json.id } })).status).toBe(204);
  });

  it("the OpenAPI document lists every route", async () => {
    const doc = (await call(openapi.GET, {})).json;
    for (const path of ["/invoices", "/invoices/{id}", "/orders/{id}/invoice", "/invoices/{id}/credit-notes", "/invoices/{id}/debit-notes", "/billing-settings", "/tax-rates", "/tax-rates/{id}"]) {
      expect(doc.paths[`/api/v1${path}`], path).toBeDefined();
    }
    expect(doc.paths["/api/v1/invoices"].post.requestBody).toBeDefined();
  });
});
