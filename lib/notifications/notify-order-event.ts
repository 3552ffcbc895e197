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
import type { Role } from "@/lib/generated/prisma/enums";
import { orderMessage, type OrderMessage } from "@/lib/integrations/messaging/order-templates";
import { sendPush } from "@/lib/integrations/messaging/push";
import { queueEmailsOnce } from "@/lib/integrations/messaging/send-email";
import { sendSms } from "@/lib/integrations/messaging/sms";
import { log } from "@/lib/log";
import { eventNameOf, type NotifiableKind } from "@/lib/notifications/order-events";

export type NotifyResult = { notifications: number; emails: number; sms: number; push: number };

const SMS_KINDS: readonly string[] = ["dispatched", "delivered"];

export async function notifyOrderEvent(eventId: string): Promise<NotifyResult> {
  const none = { notifications: 0, emails: 0, sms: 0, push: 0 };
  const ev = await prisma.orderEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      kind: true,
      note: true,
      data: true,
      createdAt: true,
      actorUserId: true,
      actorName: true,
      companyId: true,
      order: {
        select: {
          id: true,
          number: true,
          retailerId: true,
          grandTotal: true,
          creditHold: true,
          holdReason: true,
          cancelReason: true,
          receivedBy: true,
          company: { select: { code: true, legalName: true, tradeName: true, logoUpdatedAt: true } },
          retailer: { select: { legalName: true, tradeName: true, phone: true } },
        },
      },
    },
  });
  if (!ev) {
    log("warn", "order-notify: event not found (order deleted?)", { eventId });
    return none;
  }
  const event = eventNameOf(ev.kind);
  if (!event) return none;
  const { order } = ev;
  const companyId = ev.companyId;
  const base = {
    kind: ev.kind as NotifiableKind,
    vendor: { name: order.company.tradeName ?? order.company.legalName, logoUrl: publicLogoUrl(order.company) },
    retailerName: order.retailer.tradeName ?? order.retailer.legalName,
    order,
    actorName: ev.actorName,
    note: ev.note,
    trip: tripOf(ev.data),
  };
  const toRetailer = orderMessage({ ...base, audience: "retailer" });
  const toStaff = orderMessage({ ...base, audience: "staff" });

  const [retailerUsers, staff, subscribed] = await Promise.all([
    prisma.retailerMembership.findMany({ where: { retailerId: order.retailerId, active: true, user: { isActive: true } }, select: { user: { select: { id: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    prisma.membership.findMany({ where: { companyId, active: true, role: { in: staffRolesFor(ev.kind) }, user: { isActive: true } }, select: { user: { select: { id: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    prisma.notificationSubscription.findMany({ where: { companyId, event, email: true }, select: { userId: true } }),
  ]);
  const subscribedIds = new Set(subscribed.map((s) => s.userId));
  const key = (recipient: string, channel: string) => `order-event:${ev.id}:${recipient}:${channel}`;
  // The person who made the change needs no in-app notice or push about it (a retailer still gets the mail).
  const inApp = (users: { id: string }[], m: OrderMessage, retailerId: string | null) =>
    users
      .filter((u) => u.id !== ev.actorUserId)
      // Dated when it happened, not when the job ran (a job can run late, after a restart).
      .map((u) => ({ userId: u.id, companyId, retailerId, event, title: m.title, body: m.body, link: m.link, dedupeKey: key(u.id, "in_app"), createdAt: ev.createdAt }));
  const mail = (to: string, m: OrderMessage) => ({ to, subject: m.subject, text: m.text, html: m.html, template: event, companyId, dedupeKey: key(to, "email") });

  const notifications = [...inApp(retailerUsers.map((r) => r.user), toRetailer, order.retailerId), ...inApp(staff.map((s) => s.user), toStaff, null)];
  const emails = [...retailerUsers.map((r) => mail(r.user.email, toRetailer)), ...staff.filter((s) => subscribedIds.has(s.user.id)).map((s) => mail(s.user.email, toStaff))];

  const written = await prisma.$transaction(async (tx) => {
    const n = notifications.length ? await tx.notification.createMany({ data: notifications, skipDuplicates: true }) : { count: 0 };
    const mailIds = await queueEmailsOnce(tx, uniqueBy(emails, (e) => e.dedupeKey));
    return { notifications: n.count, emails: mailIds.length };
  });

  let sms = 0;
  let push = 0;
  const phone = order.retailer.phone?.trim();
  if (phone && SMS_KINDS.includes(ev.kind)) {
    if ((await sendSms({ dedupeKey: key(phone, "sms"), to: phone, body: toRetailer.sms, event, companyId })) === "sent") sms++;
  }
  for (const { user } of retailerUsers.filter((r) => r.user.id !== ev.actorUserId)) {
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
