// /api/v1 payments and receivables over the route handlers with bearer tokens: idempotent receipts,
// problem+json field errors, tenancy on every route, the CSV statement and the portal's outstanding.
import { describe, expect, it } from "vitest";
import * as applyNote from "@/app/api/v1/credit-notes/[id]/apply/route";
import * as myOutstanding from "@/app/api/v1/me/outstanding/route";
import * as myLedger from "@/app/api/v1/me/vendors/[code]/ledger/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as payments from "@/app/api/v1/payments/route";
import * as payment from "@/app/api/v1/payments/[id]/route";
import * as allocate from "@/app/api/v1/payments/[id]/allocate/route";
import * as voidRoute from "@/app/api/v1/payments/[id]/void/route";
import * as ageing from "@/app/api/v1/receivables/ageing/route";
import * as refunds from "@/app/api/v1/refunds/route";
import * as ledger from "@/app/api/v1/retailers/[id]/ledger/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { insertInvoiceRow } from "../support/billing-factories";
import { call } from "../support/http";
import { orderShop } from "../support/order-factories";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const today = () => new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);

describe("/api/v1 payments and receivables", () => {
  it("records a receipt once per Idempotency-Key, names bad fields, and serves ageing, ledger JSON and CSV", async () => {
    const shop = await orderShop();
    const inv = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-04-10" });
    const t = await token(shop.owner);
    const body = { connectionId: shop.connection.id, amount: "500.00", method: "UPI", reference: "UPI-77", paidOn: today() };
    const first = await call(payments.POST, { method: "POST", path: "/api/v1/payments", token: t, body, headers: { "idempotency-key": "rcpt-1" } });
    expect(first.status).toBe(201);
    expect(first.json.allocations).toEqual([expect.objectContaining({ documentId: inv.id, amount: "500.00" })]);
    const again = await call(payments.POST, { method: "POST", path: "/api/v1/payments", token: t, body, headers: { "idempotency-key": "rcpt-1" } });
    expect(again.json.id).toBe(first.json.id);
    expect(await prisma.payment.count({ where: { companyId: shop.co } })).toBe(1);

    const bad = await call(payments.POST, { method: "POST", path: "/api/v1/payments", token: t, body: { ...body, method: "CHEQUE", reference: undefined, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.json.errors).toMatchObject({ extra: ["Unknown field"] });

    const list = await call(payments.GET, { path: "/api/v1/payments?kind=RECEIPT&q=UPI-77", token: t });
    expect(list.json.data.map((p: { id: string }) => p.id)).toEqual([first.json.id]);
    const report = await call(ageing.GET, { path: "/api/v1/receivables/ageing", token: t });
    expect(report.json.totals.total).toBe("680.00");

    const json = await call(ledger.GET, { path: `/api/v1/retailers/${shop.connection.id}/ledger?from=2026-04-01`, token: t, params: { id: shop.connection.id } });
    expect(json.json.closingBalance).toBe("680.00");
    const res = await ledger.GET(new Request(`http://localhost/api/v1/retailers/${shop.connection.id}/ledger?from=2026-04-01&format=csv`, { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({ id: shop.connection.id }) });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="statement-C-[A-Z0-9]+-2026-04-01-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await res.text()).toContain("Opening balance,0.00");

    const rt = await token(shop.retailerActor);
    const cards = await call(myOutstanding.GET, { path: "/api/v1/me/outstanding", token: rt });
    expect(cards.json.data[0]).toMatchObject({ outstanding: "680.00", vendor: { code: shop.company.code } });
    const mine = await call(myLedger.GET, { path: `/api/v1/me/vendors/${shop.company.code}/ledger`, token: rt, params: { code: shop.company.code } });
    expect(mine.json.closingBalance).toBe("680.00");
    expect((await call(ageing.GET, { path: "/api/v1/receivables/ageing", token: rt })).status).toBe(403);

    const voided = await call(voidRoute.POST, { method: "POST", path: `/api/v1/payments/${first.json.id}/void`, token: t, body: { reason: "Bounced" }, params: { id: first.json.id } });
    expect(voided.json.status).toBe("VOIDED");
    const refund = await call(refunds.POST, { method: "POST", path: "/api/v1/refunds", token: t, body: { connectionId: shop.connection.id, amount: "1", method: "CASH", paidOn: today() } });
    expect(refund.status).toBe(409);
    expect(refund.json.code).toBe("conflict");
  });

  it("answers 404 for another company's payment, connection and credit note on every route", async () => {
    const a = await orderShop();
    const b = await orderShop();
    const inv = await insertInvoiceRow(a, { grandTotal: "100.00", issueDate: "2026-04-10" });
    const cn = await insertInvoiceRow(a, { grandTotal: "50.00", issueDate: "2026-04-11", type: "CREDIT_NOTE", originalInvoiceId: inv.id });
    const p = await call(payments.POST, { method: "POST", path: "/api/v1/payments", token: await token(a.owner), body: { connectionId: a.connection.id, amount: "10", method: "CASH", paidOn: today() } });
    const tb = await token(b.owner);
    const id = p.json.id;
    const answers = [
      await call(payment.GET, { token: tb, params: { id } }),
      await call(allocate.POST, { method: "POST", token: tb, params: { id }, body: { allocations: "auto" } }),
      await call(voidRoute.POST, { method: "POST", token: tb, params: { id }, body: { reason: "x" } }),
      await call(applyNote.POST, { method: "POST", token: tb, params: { id: cn.id }, body: {} }),
      await call(ledger.GET, { token: tb, params: { id: a.connection.id } }),
      await call(myLedger.GET, { token: await token(b.retailerActor), params: { code: a.company.code } }),
      await call(payment.GET, { token: await token(b.retailerActor), params: { id } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
  });

  it("lists every payments and receivables route in the OpenAPI document", async () => {
    const doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).json;
    for (const [path, method] of [["/payments", "get"], ["/payments", "post"], ["/payments/{id}", "get"], ["/payments/{id}/allocate", "post"], ["/payments/{id}/void", "post"], ["/refunds", "post"], ["/credit-notes/{id}/apply", "post"], ["/receivables/ageing", "get"], ["/retailers/{id}/ledger", "get"], ["/me/outstanding", "get"], ["/me/vendors/{code}/ledger", "get"]]) {
      expect(doc.paths[`/api/v1${path}`]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
