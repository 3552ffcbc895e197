// Sending a pay link to the retailer (POST /api/v1/pay-links/{id}/send): an e-mail to each of the
// retailer's users and a short SMS, queued with the audit row; once per link per day; bad input names
// the field and writes nothing; another company gets 404.
import { describe, expect, it } from "vitest";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as send from "@/app/api/v1/pay-links/[id]/send/route";
import * as retailerPayLinks from "@/app/api/v1/retailers/[id]/pay-links/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { cancelPayLink } from "@/lib/billing/gateway/cancel-pay-link";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import { lastSentAt, sendPayLink } from "@/lib/billing/gateway/send-pay-link";
import { prisma } from "@/lib/db/client";
import { handlers } from "@/lib/jobs/handlers";
import type { JobData } from "@/lib/jobs/queues";
import { createStaff, ctxFor } from "../support/factories";
import { gatewayShop, invoiceFor } from "../support/gateway-helpers";
import { call } from "../support/http";

const other = (shop: { ctxOf: (a: Actor) => ReturnType<typeof ctxFor> }) => shop.ctxOf({ kind: "retailer", userId: "x", email: "x@test.example", name: "x", retailerId: "x" });
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const smsJobs = (payLinkId: string) =>
  prisma.$queryRaw<{ id: string; data: JobData["pay-link-sms"] }[]>`SELECT id, data FROM pgboss.job WHERE name = 'pay-link-sms' AND data->>'dedupeKey' LIKE ${`pay-link-send:${payLinkId}:%`} ORDER BY created_on`;
const mailsOf = (payLinkId: string) => prisma.emailMessage.findMany({ where: { dedupeKey: { startsWith: `pay-link-send:${payLinkId}:` } }, orderBy: { createdAt: "asc" } });
const sentAudits = (payLinkId: string) => prisma.auditLog.count({ where: { entityType: "PayLink", entityId: payLinkId, action: "pay_link.sent" } });

async function shopWithLink() {
  const shop = await gatewayShop();
  await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { phone: "9876543210" } });
  const inv = await invoiceFor(shop, "1180.00");
  const link = await createPayLink(shop.staff, inv.id, {});
  return { shop, inv, link };
}

describe("sending a pay link to the retailer", () => {
  it("e-mails the retailer's users (link, amount, number, due date) and queues a short SMS with the audit row; once a day", async () => {
    const { shop, inv, link } = await shopWithLink();
    const t = await token(shop.owner);
    const res = await call(send.POST, { method: "POST", path: `/api/v1/pay-links/${link.id}/send`, token: t, params: { id: link.id }, body: {} });
    expect(res.status).toBe(200);
    const user = await prisma.user.findFirstOrThrow({ where: { retailerMemberships: { some: { retailerId: shop.retailer.id } } } });
    expect(res.json).toMatchObject({ payLinkId: link.id, alreadySent: false, emailedTo: [user.email], smsTo: "9876543210" });

    const mails = await mailsOf(link.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: user.email, template: "pay-link", companyId: shop.co, status: "QUEUED" });
    for (const part of [link.shortUrl!, "1,180.00", inv.number, "20 Dec 2026"]) expect(mails[0].text).toContain(part);
    expect(mails[0].html).toContain(link.shortUrl!);
    const deliverJobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email-deliver' AND data->>'emailId' = ${mails[0].id}`;
    expect(deliverJobs[0].n).toBe(1);
    const jobs = await smsJobs(link.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data.to).toBe("9876543210");
    expect(jobs[0].data.body).toContain(link.shortUrl!);
    expect(jobs[0].data.body.length).toBeLessThanOrEqual(160);
    expect(await sentAudits(link.id)).toBe(1);
    expect((await lastSentAt(shop.staff, [link.id])).get(link.id)).toBe(res.json.sentAt);
    expect((await lastSentAt(other(shop), [link.id])).size).toBe(0);

    // The SMS job sends through the provider once, however often it runs.
    const job = { id: jobs[0].id, retryCount: 0, retryLimit: 5, finalAttempt: false };
    await handlers["pay-link-sms"](jobs[0].data, job);
    await handlers["pay-link-sms"](jobs[0].data, job);
    const logs = await prisma.messageLog.findMany({ where: { dedupeKey: jobs[0].data.dedupeKey } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ channel: "SMS", status: "logged", to: "9876543210", event: "pay_link.sent" });

    // Pressed again the same day: nothing new, the first send's time.
    const again = await call(send.POST, { method: "POST", token: t, params: { id: link.id }, body: {} });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadySent: true, sentAt: res.json.sentAt, emailedTo: [user.email] });
    expect(await mailsOf(link.id)).toHaveLength(1);
    expect(await smsJobs(link.id)).toHaveLength(1);
    expect(await sentAudits(link.id)).toBe(1);

    // Two presses at once still send one set.
    const { link: link2 } = await (async () => ({ link: await createPayLink(shop.staff, inv.id, { amount: "100" }) }))();
    const both = await Promise.all([sendPayLink(shop.staff, link2.id, {}), sendPayLink(shop.staff, link2.id, {})]);
    expect(both.map((b) => b.alreadySent).sort()).toEqual([false, true]);
    expect(await mailsOf(link2.id)).toHaveLength(1);
    expect(await smsJobs(link2.id)).toHaveLength(1);

    // The next day it goes again, as a reminder.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const next = await sendPayLink(ctxFor(shop.owner, tomorrow), link.id, { channels: ["email"] });
    expect(next.alreadySent).toBe(false);
    expect(next.smsTo).toBeNull();
    expect(await mailsOf(link.id)).toHaveLength(2);
    expect(await smsJobs(link.id)).toHaveLength(1);
  });

  it("a whole-outstanding link's mail says it pays the oldest dues first", async () => {
    const { shop } = await shopWithLink();
    const made = await call(retailerPayLinks.POST, { method: "POST", token: await token(shop.owner), params: { id: shop.connection.id }, body: {} });
    const res = await sendPayLink(shop.staff, made.json.id, { channels: ["email"] });
    expect(res.alreadySent).toBe(false);
    const [mail] = await mailsOf(made.json.id);
    expect(mail.text).toContain("oldest dues first");
    expect(mail.text).toContain(made.json.shortUrl);
  });

  it("bad input is a 400 naming the field, a link that cannot be paid or a retailer without an address is 409; nothing is written", async () => {
    const { shop, link } = await shopWithLink();
    const t = await token(shop.owner);
    const bad = async (body: unknown, field: string) => {
      const res = await call(send.POST, { method: "POST", token: t, params: { id: link.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(res.json.errors ?? {}).join(",") + res.json.detail, JSON.stringify(body)).toContain(field);
    };
    await bad({ channels: "email" }, "channels");
    await bad({ channels: ["fax"] }, "channels");
    await bad({ channels: [] }, "channels");
    await bad({ colour: "red" }, "colour");
    const malformed = await call(send.POST, { method: "POST", token: t, params: { id: link.id }, rawBody: "{not json" });
    expect(malformed.status).toBe(400);

    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { phone: null } });
    const noPhone = await call(send.POST, { method: "POST", token: t, params: { id: link.id }, body: { channels: ["sms"] } });
    expect(noPhone.status).toBe(409);
    expect(noPhone.json.detail).toContain("phone");

    const sales = await createStaff(shop.co, "SALES");
    expect((await call(send.POST, { method: "POST", token: await token(sales.actor), params: { id: link.id }, body: {} })).status).toBe(403);
    expect((await call(send.POST, { method: "POST", token: await token(shop.retailerActor), params: { id: link.id }, body: {} })).status).toBe(403);

    await cancelPayLink(shop.staff, link.id, {});
    const cancelled = await call(send.POST, { method: "POST", token: t, params: { id: link.id }, body: {} });
    expect(cancelled.status).toBe(409);
    expect(cancelled.json.detail).toContain("cancelled");

    expect(await mailsOf(link.id)).toHaveLength(0);
    expect(await smsJobs(link.id)).toHaveLength(0);
    expect(await sentAudits(link.id)).toBe(0);
  });

  it("another company's staff get 404 and nothing is sent", async () => {
    const { link } = await shopWithLink();
    const other = await gatewayShop();
    const res = await call(send.POST, { method: "POST", token: await token(other.owner), params: { id: link.id }, body: {} });
    expect(res.status).toBe(404);
    expect((await call(send.POST, { method: "POST", token: await token(other.owner), params: { id: "nope" }, body: {} })).status).toBe(404);
    expect(await mailsOf(link.id)).toHaveLength(0);
    expect(await smsJobs(link.id)).toHaveLength(0);
  });

  it("the OpenAPI document lists the route", async () => {
    const doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).json;
    expect(doc.paths["/api/v1/pay-links/{id}/send"].post.requestBody).toBeDefined();
  });
});
