// Email goes through the EmailMessage table, the outbox: queueEmail writes the row and its
// "email-deliver" job in the caller's transaction, so a rolled-back change sends nothing and a
// committed one is delivered by a worker after commit, with retries. Without RESEND_API_KEY the
// table is the local outbox, readable at /dev/outbox.
import { Resend } from "resend";
import { prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

/**
 * A file to attach, stored on the row as a reference (EmailMessage.attachments) and rendered at
 * delivery time by the renderer registered for its kind, e.g. { kind: "invoice-pdf", invoiceId, filename }.
 */
export type EmailAttachmentRef = { kind: string; filename: string } & Record<string, string>;
export type RenderedAttachment = { filename: string; content: Buffer; contentType: string };
export type AttachmentRenderer = (ref: EmailAttachmentRef, msg: { id: string; companyId: string | null }) => Promise<RenderedAttachment>;

export type Email = { to: string; subject: string; text: string; html?: string; template: string; companyId?: string | null; attachments?: EmailAttachmentRef[] };

/** A mail service. `send` throws on failure; the job retries it. */
export interface EmailProvider {
  send(msg: { id: string; to: string; subject: string; text: string; html: string | null; attachments: RenderedAttachment[] }): Promise<{ providerId: string | null }>;
}

const providers: Record<string, EmailProvider> = {
  // The local outbox: the row is the mail; "sending" only marks it sent.
  outbox: { send: async () => ({ providerId: null }) },
  resend: {
    async send(msg) {
      const resend = new Resend(env().RESEND_API_KEY);
      // The idempotency key makes Resend drop a second send of the same row (a worker that died
      // after Resend accepted the mail but before the row was marked sent).
      const attachments = msg.attachments.length ? msg.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) : undefined;
      const { data, error } = await resend.emails.send({ from: env().EMAIL_FROM, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html ?? undefined, attachments }, { idempotencyKey: `email/${msg.id}` });
      if (error) throw new Error(`Resend: ${error.message}`);
      return { providerId: data?.id ?? null };
    },
  },
};

/** Adds a mail provider under a name that EmailMessage.provider can carry (other services, tests). */
export function registerEmailProvider(name: string, provider: EmailProvider) {
  providers[name] = provider;
}

const attachmentRenderers: Record<string, AttachmentRenderer> = {};

/** Adds the renderer of one attachment kind (lib/billing/pdf/attachments.ts registers "invoice-pdf"). */
export function registerAttachmentRenderer(kind: string, render: AttachmentRenderer) {
  attachmentRenderers[kind] = render;
}

export function mailProvider() {
  return env().RESEND_API_KEY ? "resend" : "outbox";
}

/** Queues the mail inside `tx`, with the job that delivers it after commit. Returns the EmailMessage id. */
export async function queueEmail(tx: Tx, email: Email): Promise<string> {
  const row = await tx.emailMessage.create({
    data: { ...email, html: email.html ?? null, companyId: email.companyId ?? null, attachments: attachmentsJson(email.attachments), provider: mailProvider() },
    select: { id: true },
  });
  await enqueueJob(tx, "email-deliver", { emailId: row.id });
  return row.id;
}

/**
 * Queues mails keyed by dedupe keys: a key that already has a row is skipped, and only new rows get
 * a delivery job, so a job that runs twice writes (and sends) each mail once. Returns the new ids.
 */
export async function queueEmailsOnce(tx: Tx, emails: (Email & { dedupeKey: string })[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const provider = mailProvider();
  const rows = await tx.emailMessage.createManyAndReturn({
    data: emails.map((e) => ({ ...e, html: e.html ?? null, companyId: e.companyId ?? null, attachments: attachmentsJson(e.attachments), provider })),
    skipDuplicates: true,
    select: { id: true },
  });
  for (const row of rows) await enqueueJob(tx, "email-deliver", { emailId: row.id });
  return rows.map((r) => r.id);
}

/**
 * Delivers one queued mail; run by the "email-deliver" job. The row is claimed with a row lock
 * (FOR UPDATE SKIP LOCKED) held until it is marked sent, so two runs never send it twice: the second
 * finds it locked or no longer QUEUED and does nothing. A provider failure is recorded on the row and
 * thrown, so the job retries; on the final attempt the row becomes FAILED (and the job goes to the
 * dead-letter list, from where a person can retry it).
 */
export async function deliverEmail(id: string, opts: { finalAttempt?: boolean } = {}): Promise<"sent" | "skipped"> {
  const outcome = await prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "EmailMessage" WHERE id = ${id} AND status = 'QUEUED' FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return { sent: false as const };
      const msg = await tx.emailMessage.findUniqueOrThrow({ where: { id }, select: { id: true, companyId: true, to: true, subject: true, text: true, html: true, provider: true, attachments: true } });
      try {
        const provider = providers[msg.provider];
        if (!provider) throw new Error(`No mail provider "${msg.provider}" is configured`);
        const attachments = await renderAttachments(msg);
        const { providerId } = await provider.send({ id: msg.id, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html, attachments });
        await tx.emailMessage.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), providerId, error: null } });
        return { sent: true as const };
      } catch (err) {
        const error = String((err as Error)?.message ?? err).slice(0, 1000);
        await tx.emailMessage.update({ where: { id }, data: opts.finalAttempt ? { status: "FAILED", error } : { error } });
        return { sent: false as const, err };
      }
    },
    // The provider call happens inside the transaction; give it room, and give up on a hung one.
    { timeout: 30_000, maxWait: 10_000 },
  );
  if ("err" in outcome) throw outcome.err;
  return outcome.sent ? "sent" : "skipped";
}

/** Puts a FAILED mail back to QUEUED (a person retries its dead-lettered job). */
export async function requeueFailedEmail(tx: Tx, id: string) {
  await tx.emailMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED" } });
}

function attachmentsJson(refs: EmailAttachmentRef[] | undefined): Prisma.InputJsonValue | undefined {
  return refs?.length ? (refs as unknown as Prisma.InputJsonValue) : undefined;
}

/** Renders the row's attachments; a kind without a renderer fails the attempt (and is retried). */
async function renderAttachments(msg: { id: string; companyId: string | null; attachments: Prisma.JsonValue }): Promise<RenderedAttachment[]> {
  const refs = Array.isArray(msg.attachments) ? (msg.attachments as unknown as EmailAttachmentRef[]) : [];
  const out: RenderedAttachment[] = [];
  for (const ref of refs) {
    const render = attachmentRenderers[ref?.kind];
    if (!render) throw new Error(`No renderer for the "${String(ref?.kind)}" attachment`);
    out.push(await render(ref, { id: msg.id, companyId: msg.companyId }));
  }
  return out;
}
