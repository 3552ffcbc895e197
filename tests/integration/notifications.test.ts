import { describe, expect, it } from "vitest";
import * as list from "@/app/api/v1/notifications/route";
import * as readOne from "@/app/api/v1/notifications/[id]/read/route";
import * as readAll from "@/app/api/v1/notifications/read-all/route";
import * as subscriptions from "@/app/api/v1/notification-subscriptions/route";
import * as vendorLogo from "@/app/api/v1/vendors/[code]/logo/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/boss";
import { countUnread } from "@/lib/notifications/count-unread";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listSubscriptions } from "@/lib/notifications/list-subscriptions";
import { markAllRead } from "@/lib/notifications/mark-all-read";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import { notifyOrderEvent } from "@/lib/notifications/notify-order-event";
import { setSubscription } from "@/lib/notifications/set-subscription";
import { formatINR } from "@/lib/format";
import { createRetailerUser, createStaff } from "../support/factories";
import { call } from "../support/http";
import { orderIn, orderShop, stockedProduct, type Shop } from "../support/order-factories";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

/** A shop with more people around it: a second retailer user, sales and a driver (both read orders), a deactivated manager. */
async function busyShop() {
  const shop = await orderShop();
  const sales = await createStaff(shop.co, "SALES", { name: "Sunita Sales" });
  const driver = await createStaff(shop.co, "DRIVER");
  const gone = await createStaff(shop.co, "MANAGER", { active: false });
  const second = await prisma.user.create({ data: { email: `second-${Math.random().toString(36).slice(2, 8)}@test.example`, name: "Second Buyer", kind: "RETAILER" } });
  await prisma.retailerMembership.create({ data: { retailerId: shop.retailer.id, userId: second.id } });
  return { shop, sales, driver, gone, second };
}

async function eventOf(orderId: string, kind: string) {
  return prisma.orderEvent.findFirstOrThrow({ where: { orderId, kind }, orderBy: { createdAt: "desc" } });
}

async function written(eventId: string) {
  const prefix = `order-event:${eventId}:`;
  const [notifications, emails, messages] = await Promise.all([
    prisma.notification.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: "asc" } }),
    prisma.emailMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: "asc" } }),
    prisma.messageLog.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: "asc" } }),
  ]);
  return { notifications, emails, messages };
}

async function placedOrder(shop: Shop) {
  const product = await stockedProduct(shop, 50);
  return orderIn(shop, "PLACED", product.id, 3);
}

describe("order notifications (the order-notify job)", () => {
  it("placed: in-app for retailer users and staff who handle orders (not the driver), mail to the retailer and subscribed staff, push to the retailer; once", async () => {
    const { shop, sales, driver, gone, second } = await busyShop();
    await setSubscription(sales.ctx, { event: "order.placed", email: true });
    const order = await placedOrder(shop);
    const ev = await eventOf(order.id, "placed");

    const first = await notifyOrderEvent(ev.id);
    const rows = await written(ev.id);
    // The owner placed it, so no in-app notice for them; the deactivated manager gets nothing.
    const inAppUsers = rows.notifications.map((n) => n.userId).sort();
    expect(inAppUsers).toEqual([shop.retailerActor.userId, second.id, sales.user.id].sort());
    expect(inAppUsers).not.toContain(driver.user.id);
    expect(inAppUsers).not.toContain(gone.user.id);
    const forRetailer = rows.notifications.find((n) => n.userId === shop.retailerActor.userId)!;
    expect(forRetailer).toMatchObject({ event: "order.placed", retailerId: shop.retailer.id, companyId: shop.co, link: `/portal/orders/${order.id}`, readAt: null });
    expect(forRetailer.title).toContain(order.number);
    const forSales = rows.notifications.find((n) => n.userId === sales.user.id)!;
    expect(forSales).toMatchObject({ retailerId: null, companyId: shop.co, link: `/orders/${order.id}` });
    expect(forSales.body).toContain("₹");

    // Mail: both retailer users, and sales (subscribed); not the owner nor the driver (not subscribed).
    expect(rows.emails.map((e) => e.to).sort()).toEqual([shop.retailerActor.email, second.email, sales.user.email].sort());
    const mail = rows.emails.find((e) => e.to === shop.retailerActor.email)!;
    expect(mail).toMatchObject({ status: "QUEUED", template: "order.placed", companyId: shop.co });
    expect(mail.subject).toContain(shop.company.legalName);
    expect(mail.text).toContain(order.number);
    expect(mail.text).toContain(formatINR(order.totals.grandTotal));
    expect(mail.text).toContain(`/portal/orders/${order.id}`);
    expect(rows.emails.find((e) => e.to === sales.user.email)!.text).toContain(`/orders/${order.id}`);
    // Each new mail has its delivery job, written with it.
    const boss = await getBoss();
    for (const e of rows.emails) expect(await boss.findJobs("email-deliver", { data: { emailId: e.id } })).toHaveLength(1);

    // Push to each retailer user (log-only driver); no SMS for a placed order.
    expect(rows.messages.map((m) => [m.channel, m.to, m.status])).toEqual(
      expect.arrayContaining([
        ["PUSH", shop.retailerActor.userId, "logged"],
        ["PUSH", second.id, "logged"],
      ]),
    );
    expect(rows.messages).toHaveLength(2);
    expect(first).toEqual({ notifications: 3, emails: 3, sms: 0, push: 2 });

    // The job again (a retry, a duplicate delivery): nothing new anywhere.
    expect(await notifyOrderEvent(ev.id)).toEqual({ notifications: 0, emails: 0, sms: 0, push: 0 });
    const again = await written(ev.id);
    expect(again.notifications.map((n) => n.id)).toEqual(rows.notifications.map((n) => n.id));
    expect(again.emails.map((e) => e.id)).toEqual(rows.emails.map((e) => e.id));
    expect(again.messages.map((m) => m.id)).toEqual(rows.messages.map((m) => m.id));
    for (const e of rows.emails) expect(await boss.findJobs("email-deliver", { data: { emailId: e.id } })).toHaveLength(1);
  });

  it("each event has its own words; SMS to the retailer's phone on dispatch and delivery only", async () => {
    const shop = await orderShop();
    await prisma.retailer.update({ where: { id: shop.retailer.id }, data: { phone: "+91 98220 12345" } });
    const product = await stockedProduct(shop, 50);
    const order = await orderIn(shop, "DELIVERED", product.id, 2);
    const titles: Record<string, string> = {};
    for (const kind of ["placed", "confirmed", "dispatched", "delivered"]) {
      const ev = await eventOf(order.id, kind);
      await notifyOrderEvent(ev.id);
      await notifyOrderEvent(ev.id);
      const rows = await written(ev.id);
      const n = rows.notifications.find((x) => x.userId === shop.retailerActor.userId)!;
      titles[kind] = n.title;
      expect(n.event).toBe(`order.${kind}`);
      const sms = rows.messages.filter((m) => m.channel === "SMS");
      if (kind === "dispatched" || kind === "delivered") {
        expect(sms).toHaveLength(1);
        expect(sms[0]).toMatchObject({ to: "+91 98220 12345", status: "logged", provider: "log", event: `order.${kind}` });
        expect(sms[0].body).toContain(order.number);
      } else {
        expect(sms).toHaveLength(0);
      }
    }
    expect(titles).toEqual({
      placed: `Order ${order.number} placed`,
      confirmed: `Order ${order.number} confirmed`,
      dispatched: `Order ${order.number} dispatched`,
      delivered: `Order ${order.number} delivered`,
    });
    const delivered = await written((await eventOf(order.id, "delivered")).id);
    expect(delivered.emails[0].text).toContain("received by Ramesh");
    // Events nobody is told about (packed) write nothing.
    const packed = await eventOf(order.id, "packed");
    expect(await notifyOrderEvent(packed.id)).toEqual({ notifications: 0, emails: 0, sms: 0, push: 0 });
    expect(await notifyOrderEvent("no-such-event")).toEqual({ notifications: 0, emails: 0, sms: 0, push: 0 });
  });

  it("a cancellation tells the reason; mail carries the vendor's logo from its public URL", async () => {
    const shop = await orderShop();
    const now = new Date("2026-11-20T10:00:00Z");
    await prisma.company.update({ where: { id: shop.co }, data: { tradeName: "Ganesh Foods", logo: new Uint8Array(PNG), logoMimeType: "image/png", logoUpdatedAt: now } });
    const product = await stockedProduct(shop, 50);
    const order = await orderIn(shop, "CANCELLED", product.id, 1);
    const ev = await eventOf(order.id, "cancelled");
    await notifyOrderEvent(ev.id);
    const rows = await written(ev.id);
    const n = rows.notifications.find((x) => x.userId === shop.retailerActor.userId)!;
    expect(n.body).toContain("Test cancel");
    const mail = rows.emails.find((e) => e.to === shop.retailerActor.email)!;
    expect(mail.subject).toBe(`Ganesh Foods: Order ${order.number} cancelled`);
    const logoUrl = `/api/v1/vendors/${shop.company.code}/logo?v=${now.getTime()}`;
    expect(mail.html).toContain(logoUrl);
    expect(mail.html).toContain("Ganesh Foods");

    const res = await vendorLogo.GET(new Request(`http://localhost${logoUrl}`), { params: Promise.resolve({ code: shop.company.code }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    const missing = await vendorLogo.GET(new Request("http://localhost/api/v1/vendors/NOPE/logo"), { params: Promise.resolve({ code: "NOPE-NONE" }) });
    expect(missing.status).toBe(404);
  });
});

describe("notification centre", () => {
  it("a user sees, counts and marks only their own; anyone else's is not found", async () => {
    const others = await busyShop();
    const { shop, sales } = others;
    const order = await placedOrder(shop);
    await notifyOrderEvent((await eventOf(order.id, "placed")).id);
    const stranger = await createRetailerUser();
    const otherShop = await orderShop();

    const mine = await listNotifications(shop.shopper, {});
    expect(mine.data).toHaveLength(1);
    expect(mine.unreadCount).toBe(1);
    expect(await countUnread(shop.shopper)).toBe(1);
    const id = mine.data[0].id;
    expect(mine.data[0]).toMatchObject({ read: false, event: "order.placed", link: `/portal/orders/${order.id}` });

    // Another retailer's user, the vendor's staff and another vendor's owner: not found, nothing changes.
    await expect(markNotificationRead(stranger.ctx, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(markNotificationRead(sales.ctx, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(markNotificationRead(otherShop.staff, id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listNotifications(stranger.ctx, {})).data).toHaveLength(0);
    expect(await countUnread(shop.shopper)).toBe(1);

    const read = await markNotificationRead(shop.shopper, id);
    expect(read).toMatchObject({ id, read: true });
    expect(await countUnread(shop.shopper)).toBe(0);
    expect((await markNotificationRead(shop.shopper, id)).readAt).toBe(read.readAt); // again: unchanged
    expect((await listNotifications(shop.shopper, { unreadOnly: true })).data).toHaveLength(0);

    // Sales' notice is untouched by the retailer marking theirs; mark-all marks only sales' own.
    expect(await countUnread(sales.ctx)).toBe(1);
    expect(await markAllRead(sales.ctx)).toEqual({ marked: 1 });
    expect(await countUnread(sales.ctx)).toBe(0);
    const { second } = others;
    expect(await prisma.notification.count({ where: { userId: second.id, readAt: null } })).toBe(1); // the second retailer user's is still unread
  });

  it("pages newest first with a cursor, and a staff member sees only the company they act for", async () => {
    const shop = await orderShop();
    const product = await stockedProduct(shop, 100);
    const sales = await createStaff(shop.co, "SALES");
    for (let i = 0; i < 3; i++) {
      const o = await orderIn(shop, "PLACED", product.id, 1);
      await notifyOrderEvent((await eventOf(o.id, "placed")).id);
    }
    const page1 = await listNotifications(sales.ctx, { limit: 2 });
    expect(page1.data).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await listNotifications(sales.ctx, { limit: 2, cursor: page1.nextCursor });
    expect(page2.data).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.data, ...page2.data];
    expect(new Set(all.map((n) => n.id)).size).toBe(3);
    expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((n) => n.id)).toEqual(all.map((n) => n.id));
    await expect(listNotifications(sales.ctx, { cursor: "garbage" })).rejects.toMatchObject({ code: "validation" });
    await expect(listNotifications(sales.ctx, { limit: 500 })).rejects.toMatchObject({ code: "validation", fieldErrors: { limit: expect.any(Array) } });

    // The same person working for a second vendor sees none of these there.
    const other = await orderShop();
    await prisma.membership.create({ data: { companyId: other.co, userId: sales.user.id, role: "SALES" } });
    const elsewhere = { ...sales.ctx, actor: { ...sales.actor, companyId: other.co } };
    expect((await listNotifications(elsewhere, {})).data).toHaveLength(0);
    expect(await countUnread(elsewhere)).toBe(0);
  });

  it("REST: list with unread count, mark one and all read; another user's id is 404", async () => {
    const { shop, sales } = await busyShop();
    const order = await placedOrder(shop);
    await notifyOrderEvent((await eventOf(order.id, "placed")).id);
    const retailerToken = (await issueTokenPair(prisma, shop.retailerActor)).accessToken;
    const salesToken = (await issueTokenPair(prisma, sales.actor)).accessToken;

    const got = await call(list.GET, { path: "/api/v1/notifications?unreadOnly=true", token: retailerToken });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ unreadCount: 1, nextCursor: null, data: [{ event: "order.placed", read: false }] });
    const id = got.json.data[0].id;
    const bad = await call(list.GET, { path: "/api/v1/notifications?limit=0", token: retailerToken });
    expect(bad.status).toBe(400);

    const foreign = await call(readOne.POST, { method: "POST", path: `/api/v1/notifications/${id}/read`, token: salesToken, params: { id } });
    expect(foreign.status).toBe(404);
    expect(foreign.json.code).toBe("not_found");
    const ok = await call(readOne.POST, { method: "POST", path: `/api/v1/notifications/${id}/read`, token: retailerToken, params: { id } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id, read: true });

    const all = await call(readAll.POST, { method: "POST", path: "/api/v1/notifications/read-all", token: salesToken });
    expect(all.status).toBe(200);
    expect(all.json).toEqual({ marked: 1 });
    const unauth = await call(list.GET, { path: "/api/v1/notifications" });
    expect(unauth.status).toBe(401);
  });
});

describe("email subscriptions (staff)", () => {
  it("are off until switched on, per event, for the acting staff member only; bad events and retailers are refused", async () => {
    const shop = await orderShop();
    const sales = await createStaff(shop.co, "SALES");
    const initial = await listSubscriptions(sales.ctx);
    expect(initial.map((s) => [s.event, s.email])).toEqual([
      ["order.placed", false],
      ["order.confirmed", false],
      ["order.dispatched", false],
      ["order.delivered", false],
      ["order.cancelled", false],
    ]);
    const after = await setSubscription(sales.ctx, { event: "order.dispatched", email: true });
    expect(after.find((s) => s.event === "order.dispatched")!.email).toBe(true);
    expect((await listSubscriptions(shop.staff)).every((s) => !s.email)).toBe(true); // the owner's are their own
    const off = await setSubscription(sales.ctx, { event: "order.dispatched", email: false });
    expect(off.every((s) => !s.email)).toBe(true);
    expect(await prisma.notificationSubscription.count({ where: { userId: sales.user.id } })).toBe(1);

    await expect(setSubscription(sales.ctx, { event: "order.packed", email: true })).rejects.toMatchObject({ code: "validation", fieldErrors: { event: expect.any(Array) } });
    await expect(setSubscription(sales.ctx, { event: "order.placed", email: true, sms: true })).rejects.toMatchObject({ code: "validation" });
    await expect(listSubscriptions(shop.shopper)).rejects.toMatchObject({ code: "forbidden" });

    // Over REST.
    const token = (await issueTokenPair(prisma, sales.actor)).accessToken;
    const put = await call(subscriptions.PUT, { method: "PUT", path: "/api/v1/notification-subscriptions", token, body: { event: "order.placed", email: true } });
    expect(put.status).toBe(200);
    expect(put.json.data.find((s: { event: string }) => s.event === "order.placed").email).toBe(true);
    const get = await call(subscriptions.GET, { path: "/api/v1/notification-subscriptions", token });
    expect(get.json.data).toHaveLength(5);
    const wrong = await call(subscriptions.PUT, { method: "PUT", path: "/api/v1/notification-subscriptions", token, body: { event: "nope", email: "yes" } });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.json.errors).sort()).toEqual(["email", "event"]);
  });
});

describe("OpenAPI", () => {
  it("documents the notification, subscription and failed-job routes", async () => {
    const res = await call(openapi.GET, { path: "/api/v1/openapi.json" });
    const paths = res.json.paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(["/api/v1/notifications", "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all", "/api/v1/notification-subscriptions", "/api/v1/jobs/failed", "/api/v1/jobs/failed/{id}/retry", "/api/v1/vendors/{code}/logo"]));
    expect(paths["/api/v1/notifications"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["unreadOnly", "cursor", "limit"]));
    expect(paths["/api/v1/notification-subscriptions"].put.requestBody.content["application/json"].schema.properties.event.enum).toContain("order.placed");
    expect(paths["/api/v1/vendors/{code}/logo"].get.security).toEqual([]);
  });
});
