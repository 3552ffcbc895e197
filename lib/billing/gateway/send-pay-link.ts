import "server-only";
// Staff send a pay link to the retailer ("Send to retailer" on the link, POST /api/v1/pay-links/{id}/send):
// an e-mail to each active user of the retailer (else the retailer's own address) with the link, the
// amount, the document number and its due date, and a short SMS with the URL to the retailer's phone.
// Both are queued in the same transaction as the audit row (the mail rows with their delivery jobs, the
// SMS as a pg-boss job), so they go out exactly when the send is committed.
//
// Idempotent per (link, IST day): the first send of the day queues the messages; pressing again the
// same day queues nothing and answers with the first send's time (alreadySent: true). The next day
// sends again (a reminder). Every message also carries a dedupe key with the link, day and recipient,
// so a retried job never delivers twice.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { sendPayLinkInput } from "@/lib/billing/gateway/gateway.schemas";
import { fromPaise } from "@/lib/billing/paise";
import type { Ctx } from "@/lib/ctx";
import { conflict, notFound } from "@/lib/errors";
import { formatDate, formatINR } from "@/lib/format";
import type { Email } from "@/lib/integrations/messaging/send-email";
import { queueEmailsOnce } from "@/lib/integrations/messaging/send-email";
import { html } from "@/lib/integrations/messaging/templates";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export type SendPayLinkResult = {
  payLinkId: string;
  /** When the link was sent today (this send, or the earlier one of the same day). */
  sentAt: string;
  /** True when it had already been sent today: nothing new was queued. */
  alreadySent: boolean;
  emailedTo: string[];
  smsTo: string | null;
};

type SentAudit = { day: string; emailedTo: string[]; smsTo: string | null };

export async function sendPayLink(ctx: Ctx, payLinkId: string, input: unknown): Promise<SendPayLinkResult> {
  assertCan(ctx.actor, "payments.write");
  const actor = ctx.actor as Extract<Ctx["actor"], { kind: "staff" }>;
  const data = parseInput(sendPayLinkInput, input ?? {});
  const companyId = actor.companyId;
  const link = await ctx.db.payLink.findFirst({
    where: { id: String(payLinkId), companyId },
    include: {
      invoice: { select: { number: true, type: true, dueDate: true } },
      company: { select: { legalName: true, tradeName: true } },
      connection: { select: { retailer: { select: { legalName: true, tradeName: true, email: true, phone: true, members: { where: { active: true }, select: { user: { select: { email: true, name: true } } } } } } } },
    },
  });
  if (!link) throw notFound("Pay link");
  const now = ctx.now();
  if (!link.shortUrl || !(link.status === "CREATED" || link.status === "PARTLY_PAID") || (link.expiresAt && link.expiresAt <= now)) {
    throw conflict(`This pay link is ${link.status === "PAID" ? "paid" : link.status === "CANCELLED" ? "cancelled" : link.status === "EXPIRED" || (link.expiresAt && link.expiresAt <= now) ? "expired" : "not ready"}; there is nothing to send`);
  }
  const retailer = link.connection.retailer;
  const emails = [...new Set(retailer.members.map((m) => m.user.email.toLowerCase()))];
  if (!emails.length && retailer.email) emails.push(retailer.email.toLowerCase());
  const wantEmail = data.channels.includes("email");
  const wantSms = data.channels.includes("sms");
  const emailTo = wantEmail ? emails : [];
  const smsTo = wantSms ? retailer.phone : null;
  if (!emailTo.length && !smsTo) {
    throw conflict(wantEmail && wantSms ? "The retailer has no e-mail address or phone number to send to" : wantEmail ? "The retailer has no e-mail address to send to" : "The retailer has no phone number to send to");
  }

  const vendor = link.company.tradeName ?? link.company.legalName;
  const left = fromPaise(link.amountPaise - link.amountPaidPaise);
  const doc = link.invoice ? `${link.invoice.type === "DEBIT_NOTE" ? "Debit note" : "Invoice"} ${link.invoice.number}` : null;
  const due = link.invoice ? formatDate(link.invoice.dueDate) : null;
  const day = istDay(now);
  const url = link.shortUrl;

  return ctx.db.$transaction(async (tx) => {
    // One send per link per day, decided under a lock so two presses at once queue one set.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pay-link-send:${link.id}`}))`;
    const earlier = await tx.auditLog.findFirst({
      where: { companyId, entityType: "PayLink", entityId: link.id, action: "pay_link.sent", after: { path: ["day"], equals: day } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, after: true },
    });
    if (earlier) {
      const a = earlier.after as SentAudit & { sentAt?: string };
      return { payLinkId: link.id, sentAt: a.sentAt ?? earlier.createdAt.toISOString(), alreadySent: true, emailedTo: a.emailedTo ?? [], smsTo: a.smsTo ?? null };
    }
    const subject = `Pay ${formatINR(left)} to ${vendor}${doc ? ` for ${doc}` : ""}`;
    const lines = [
      `${vendor} has sent you a link to pay ${formatINR(left)} online${doc ? ` for ${doc}` : " towards your outstanding"}.`,
      ...(doc ? [`${doc} is due on ${due}.`] : ["The payment is applied to your oldest dues first."]),
      `Pay here: ${url}`,
      ...(link.expiresAt ? [`The link works until ${formatDate(link.expiresAt)}.`] : []),
    ];
    const mails: (Email & { dedupeKey: string })[] = emailTo.map((to) => ({
      to,
      subject,
      text: lines.join("\n\n"),
      html: html(subject, lines.filter((l) => !l.startsWith("Pay here: ")), { href: url, label: `Pay ${formatINR(left)}` }),
      template: "pay-link",
      companyId,
      dedupeKey: `pay-link-send:${link.id}:${day}:email:${to}`,
    }));
    await queueEmailsOnce(tx, mails);
    if (smsTo) {
      const body = `${vendor.slice(0, 40)}: pay ${formatINR(left)}${link.invoice ? ` for ${link.invoice.number}` : ""} at ${url}`;
      await enqueueJob(tx, "pay-link-sms", { dedupeKey: `pay-link-send:${link.id}:${day}:sms:${smsTo}`, to: smsTo, body, companyId });
    }
    const after: SentAudit & { sentAt: string } = { day, sentAt: now.toISOString(), emailedTo: emailTo, smsTo };
    await recordAudit(ctx, tx, { action: "pay_link.sent", entityType: "PayLink", entityId: link.id, companyId, retailerId: link.retailerId, after });
    return { payLinkId: link.id, sentAt: now.toISOString(), alreadySent: false, emailedTo: emailTo, smsTo };
  });
}

/** When each of these links was last sent (for the panels' "sent at"). */
export async function lastSentAt(ctx: Ctx, payLinkIds: string[]): Promise<Map<string, string>> {
  if (ctx.actor.kind !== "staff" || !payLinkIds.length) return new Map();
  const rows = await ctx.db.auditLog.findMany({
    where: { companyId: ctx.actor.companyId, entityType: "PayLink", entityId: { in: payLinkIds }, action: "pay_link.sent" },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, createdAt: true, after: true },
  });
  return new Map(rows.map((r) => [r.entityId, (r.after as { sentAt?: string } | null)?.sentAt ?? r.createdAt.toISOString()]));
}
