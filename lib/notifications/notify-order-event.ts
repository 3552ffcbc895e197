import "server-only";
// The "order-notify" job: tells everyone concerned about one order event.
//   retailer's active users      in-app + email + push; SMS to the retailer's phone on dispatch and delivery
//   vendor staff who handle orders (orders.write) in-app; the warehouse (inventory.write) too once
//   an order is confirmed, since packing is next
//   staff subscribed to the event email (Settings → Notifications)
// Every message has a dedupe key `order-event:<eventId>:<recipient>:<channel>` and is written with
// skip-on-conflict, so a retried or repeated job adds nothing: in-app rows and mails (with their
// delivery jobs) in one transaction, then SMS and push, each claimed in MessageLog before sending.
import { rolePermissions, type Permission } from "@/lib/auth/permissions";
import { publicLogoUrl } from "@/lib/company/get-public-logo";
import { prisma } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import { pgTransaction, runnerFor } from "@/lib/db/sql-runner";
import type { Role } from "@/lib/generated/prisma/enums";
import { orderMessage, type OrderMessage } from "@/lib/integrations/messaging/order-templates";
import { sendPush } from "@/lib/integrations/messaging/push";
import { queueEmailsOnceOn } from "@/lib/integrations/messaging/send-email";
import { onConnection } from "@/lib/jobs/enqueue";
import { sendSms } from "@/lib/integrations/messaging/sms";
import { log } from "@/lib/log";
import { eventNameOf, type NotifiableKind } from "@/lib/notifications/order-events";

export type NotifyResult = { notifications: number; emails: number; sms: number; push: number };

const SMS_KINDS: readonly string[] = ["dispatched", "delivered"];
/** The staff roles told in-app of a confirmation (packing is next), and of every other event. */
const STAFF_ROLES = { confirmed: staffRolesFor("confirmed"), other: staffRolesFor("placed") };

/** The event, its order with the vendor and the retailer, and who hears of it: one statement. */
const notifyInputsSql = `
WITH ev AS MATERIALIZED (
  SELECT e.id, e.kind, e.note, e.data, e."createdAt", e."actorUserId", e."actorName", e."companyId", e."orderId"
  FROM "OrderEvent" e WHERE e.id = $1::text
),
o AS MATERIALIZED (
  SELECT o.id, o.number, o."retailerId", o."grandTotal"::text AS "grandTotal", o."creditHold", o."holdReason", o."cancelReason", o."receivedBy",
         json_build_object('code', co.code, 'legalName', co."legalName", 'tradeName', co."tradeName", 'logoUpdatedAt', co."logoUpdatedAt") AS company,
         json_build_object('legalName', r."legalName", 'tradeName', r."tradeName", 'phone', r.phone) AS retailer
  FROM ev JOIN "Order" o ON o.id = ev."orderId" AND o."companyId" = ev."companyId"
  JOIN "Company" co ON co.id = o."companyId" JOIN "Retailer" r ON r.id = o."retailerId"
)
SELECT
  (SELECT row_to_json(ev) FROM ev) AS event,
  (SELECT row_to_json(o) FROM o) AS "order",
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email) ORDER BY m."createdAt", m.id), '[]')
     FROM "RetailerMembership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."retailerId" = (SELECT "retailerId" FROM o) AND m.active AND u."isActive") AS "retailerUsers",
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email) ORDER BY m."createdAt", m.id), '[]')
     FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."companyId" = (SELECT "companyId" FROM ev) AND m.active AND u."isActive"
       AND m.role::text = ANY(CASE WHEN (SELECT kind FROM ev) = 'confirmed' THEN $3::text[] ELSE $2::text[] END)) AS staff,
  (SELECT coalesce(json_agg(json_build_object('userId', s."userId", 'event', s.event)), '[]')
     FROM "NotificationSubscription" s WHERE s."companyId" = (SELECT "companyId" FROM ev) AND s.email) AS subscriptions`;

type User = { id: string; email: string };
type NotifyInputs = {
  event: { id: string; kind: string; note: string | null; data: unknown; createdAt: string; actorUserId: string | null; actorName: string | null; companyId: string } | null;
  order: {
    id: string;
    number: string;
    retailerId: string;
    grandTotal: string;
    creditHold: boolean;
    holdReason: string | null;
    cancelReason: string | null;
    receivedBy: string | null;
    company: { code: string; legalName: string; tradeName: string | null; logoUpdatedAt: string | null };
    retailer: { legalName: string; tradeName: string | null; phone: string | null };
  } | null;
  retailerUsers: User[];
  staff: User[];
  subscriptions: { userId: string; event: string }[];
};

export async function notifyOrderEvent(eventId: string): Promise<NotifyResult> {
  const none = { notifications: 0, emails: 0, sms: 0, push: 0 };
  const [row] = await runnerFor(prisma).query<NotifyInputs>(notifyInputsSql, [eventId, STAFF_ROLES.other, STAFF_ROLES.confirmed]);
  const ev = row.event;
  const order = row.order;
  if (!ev || !order) {
    log("warn", "order-notify: event not found (order deleted?)", { eventId });
    return none;
  }
  const event = eventNameOf(ev.kind);
  if (!event) return none;
  const companyId = ev.companyId;
  const createdAt = new Date(ev.createdAt);
  const base = {
    kind: ev.kind as NotifiableKind,
    vendor: { name: order.company.tradeName ?? order.company.legalName, logoUrl: publicLogoUrl({ code: order.company.code, logoUpdatedAt: order.company.logoUpdatedAt ? new Date(order.company.logoUpdatedAt) : null }) },
    retailerName: order.retailer.tradeName ?? order.retailer.legalName,
    order,
    actorName: ev.actorName,
    note: ev.note,
    trip: tripOf(ev.data),
  };
  const toRetailer = orderMessage({ ...base, audience: "retailer" });
  const toStaff = orderMessage({ ...base, audience: "staff" });

  const { retailerUsers, staff } = row;
  const subscribedIds = new Set(row.subscriptions.filter((s) => s.event === event).map((s) => s.userId));
  const key = (recipient: string, channel: string) => `order-event:${ev.id}:${recipient}:${channel}`;
  // The person who made the change needs no in-app notice or push about it (a retailer still gets the mail).
  const inApp = (users: User[], m: OrderMessage, retailerId: string | null) =>
    users
      .filter((u) => u.id !== ev.actorUserId)
      // Dated when it happened, not when the job ran (a job can run late, after a restart).
      .map((u) => ({ id: rowId(), userId: u.id, companyId, retailerId, event, title: m.title, body: m.body, link: m.link, dedupeKey: key(u.id, "in_app"), createdAt }));
  const mail = (to: string, m: OrderMessage) => ({ to, subject: m.subject, text: m.text, html: m.html, template: event, companyId, dedupeKey: key(to, "email") });

  const notifications = [...inApp(retailerUsers, toRetailer, order.retailerId), ...inApp(staff, toStaff, null)];
  const emails = [...retailerUsers.map((u) => mail(u.email, toRetailer)), ...staff.filter((u) => subscribedIds.has(u.id)).map((u) => mail(u.email, toStaff))];

  // In-app notices, mails and their delivery jobs in one transaction on a pooled connection; each key once.
  const written = await pgTransaction(async (run, client) => {
    const n = notifications.length
      ? await run.query(
          `INSERT INTO "Notification" (id, "userId", "companyId", "retailerId", event, title, body, link, "dedupeKey", "createdAt")
           SELECT x.id, x."userId", x."companyId", x."retailerId", x.event, x.title, x.body, x.link, x."dedupeKey", x."createdAt"
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, "userId" text, "companyId" text, "retailerId" text, event text, title text, body text, link text, "dedupeKey" text, "createdAt" timestamptz)
           ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`,
          [JSON.stringify(notifications)],
        )
      : [];
    const mailIds = await queueEmailsOnceOn(run, onConnection(client), uniqueBy(emails, (e) => e.dedupeKey));
    return { notifications: n.length, emails: mailIds.length };
  });

  let sms = 0;
  let push = 0;
  const phone = order.retailer.phone?.trim();
  if (phone && SMS_KINDS.includes(ev.kind)) {
    if ((await sendSms({ dedupeKey: key(phone, "sms"), to: phone, body: toRetailer.sms, event, companyId })) === "sent") sms++;
  }
  for (const user of retailerUsers.filter((u) => u.id !== ev.actorUserId)) {
    if ((await sendPush({ dedupeKey: key(user.id, "push"), userId: user.id, to: user.id, title: toRetailer.title, body: toRetailer.body, link: toRetailer.link, event, companyId })) === "sent") push++;
  }
  return { ...written, sms, push };
}

/** Who at the vendor hears of an event in-app: people who handle orders, and the warehouse when there is packing to do. */
function staffRolesFor(kind: string): Role[] {
  const wanted: Permission[] = kind === "confirmed" ? ["orders.write", "inventory.write"] : ["orders.write"];
  return (Object.entries(rolePermissions) as [Role, readonly Permission[]][]).filter(([, p]) => wanted.some((w) => p.includes(w))).map(([r]) => r);
}

// Two staff accounts never share an email, but a mailbox listed twice must still get one mail.
function uniqueBy<T>(items: T[], keyOf: (t: T) => string) {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(keyOf(t)) ? false : (seen.add(keyOf(t)), true)));
}

/** A dispatch on a delivery trip names its vehicle and trip: the message says "out for delivery". */
function tripOf(data: unknown): { tripNumber: string; vehicleNumber: string | null } | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  return typeof d.tripNumber === "string" ? { tripNumber: d.tripNumber, vehicleNumber: typeof d.vehicleNumber === "string" ? d.vehicleNumber : null } : null;
}
