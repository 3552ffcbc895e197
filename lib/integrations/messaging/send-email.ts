// Email goes through the EmailMessage table, the outbox: queueEmail writes the row and its
// "email-deliver" job in the caller's transaction, so a rolled-back change sends nothing and a
// committed one is delivered by a worker after commit, with retries. Without RESEND_API_KEY the
// table is the local outbox, readable at /dev/outbox.
import { Resend } from "resend";
import { fromPrisma, type Db } from "pg-boss";
import type { Tx } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import { pgTransaction, prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { getBoss } from "@/lib/jobs/boss";
import type { JobData } from "@/lib/jobs/queues";
import { env } from "@/lib/env";
import { within } from "@/lib/within";
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
  return queueEmailsOnceOn(prismaRunner(tx), fromPrisma(tx), emails);
}

/**
 * queueEmailsOnce on any transaction: the rows in one statement (`run`), their delivery jobs in one
 * pg-boss insert on the same transaction (`jobsDb`) — a caller on a pooled pg connection passes
 * pgRunner(client) and onConnection(client).
 */
export async function queueEmailsOnceOn(run: SqlRunner, jobsDb: Db, emails: (Email & { dedupeKey: string })[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = emails.map((e) => ({ id: rowId(), companyId: e.companyId ?? null, to: e.to, subject: e.subject, text: e.text, html: e.html ?? null, template: e.template, attachments: e.attachments?.length ? e.attachments : null, dedupeKey: e.dedupeKey }));
  const inserted = await run.query<{ id: string }>(
    `INSERT INTO "EmailMessage" (id, "companyId", "to", subject, "text", html, template, attachments, provider, "dedupeKey")
     SELECT x.id, x."companyId", x."to", x.subject, x."text", x.html, x.template, x.attachments, $2::text, x."dedupeKey"
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, "companyId" text, "to" text, subject text, "text" text, html text, template text, attachments jsonb, "dedupeKey" text)
     ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`,
    [JSON.stringify(rows), mailProvider()],
  );
  // The new ids in the order the mails were given.
  const isNew = new Set(inserted.map((r) => r.id));
  const ids = rows.filter((r) => isNew.has(r.id)).map((r) => r.id);
  if (ids.length) {
    const boss = await getBoss();
    await boss.insert("email-deliver", ids.map((emailId) => ({ data: { emailId } satisfies JobData["email-deliver"] })), { db: jobsDb });
  }
  return ids;
}

/**
 * Delivers one queued mail; run by the "email-deliver" job. The row is claimed with a row lock
 * (FOR UPDATE SKIP LOCKED) held until it is marked sent, so two runs never send it twice: the second
 * finds it locked or no longer QUEUED and does nothing. A provider failure is recorded on the row and
 * thrown, so the job retries; on the final attempt the row becomes FAILED (and the job goes to the
 * dead-letter list, from where a person can retry it).
 */
export async function deliverEmail(id: string, opts: { finalAttempt?: boolean } = {}): Promise<"sent" | "skipped"> {
  const outcome = await pgTransaction(async (run) => {
    const [msg] = await run.query<{ id: string; companyId: string | null; to: string; subject: string; text: string; html: string | null; provider: string; attachments: Prisma.JsonValue }>(
      `SELECT id, "companyId", "to", subject, "text", html, provider, attachments FROM "EmailMessage" WHERE id = $1 AND status = 'QUEUED' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    if (!msg) return { sent: false as const };
    try {
      const provider = providers[msg.provider];
      if (!provider) throw new Error(`No mail provider "${msg.provider}" is configured`);
      const attachments = await renderAttachments(msg);
      const { providerId } = await within(PROVIDER_TIMEOUT_SECONDS * 1000, provider.send({ id: msg.id, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html, attachments }), `The mail provider did not answer within ${PROVIDER_TIMEOUT_SECONDS} s`);
      await run.query(`UPDATE "EmailMessage" SET status = 'SENT', "sentAt" = now(), "providerId" = $2, error = NULL WHERE id = $1 RETURNING id`, [id, providerId]);
      return { sent: true as const };
    } catch (err) {
      const error = String((err as Error)?.message ?? err).slice(0, 1000);
      await run.query(`UPDATE "EmailMessage" SET error = $2, status = CASE WHEN $3::boolean THEN 'FAILED'::"EmailStatus" ELSE status END WHERE id = $1 RETURNING id`, [id, error, opts.finalAttempt === true]);
      return { sent: false as const, err };
    }
  });
  if ("err" in outcome) throw outcome.err;
  return outcome.sent ? "sent" : "skipped";
}

/** The provider is called inside the row's transaction: a hung one is given up (the attempt fails and is retried). */
const PROVIDER_TIMEOUT_SECONDS = 30;

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
