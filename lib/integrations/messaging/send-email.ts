// Email goes through the EmailMessage table: written in the caller's transaction (so a rolled-back
// change sends nothing), then delivered after commit. Without RESEND_API_KEY the table is the
// local outbox, readable at /dev/outbox.
import { Resend } from "resend";
import { prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";

export type Email = { to: string; subject: string; text: string; html?: string; template: string; companyId?: string | null };

export function mailProvider() {
  return env().RESEND_API_KEY ? "resend" : "outbox";
}

/** Queues the mail inside `tx`; call `deliverEmail(id)` after the transaction commits. */
export async function queueEmail(tx: Tx, email: Email) {
  const row = await tx.emailMessage.create({
    data: { ...email, html: email.html ?? null, companyId: email.companyId ?? null, provider: mailProvider() },
    select: { id: true },
  });
  return row.id;
}

export async function deliverEmail(id: string) {
  const msg = await prisma.emailMessage.findUnique({ where: { id } });
  if (!msg || msg.status !== "QUEUED") return;
  if (msg.provider === "outbox") {
    await prisma.emailMessage.update({ where: { id }, data: { status: "SENT", sentAt: new Date() } });
    return;
  }
  try {
    const resend = new Resend(env().RESEND_API_KEY);
    const { data, error } = await resend.emails.send({ from: env().EMAIL_FROM, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html ?? undefined }, { idempotencyKey: `email/${msg.id}` });
    if (error) throw new Error(error.message);
    await prisma.emailMessage.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), providerId: data?.id ?? null } });
  } catch (err) {
    await prisma.emailMessage.update({ where: { id }, data: { status: "FAILED", error: String((err as Error).message ?? err) } });
  }
}

export async function sendEmail(email: Email) {
  const id = await queueEmail(prisma, email);
  await deliverEmail(id);
  return id;
}
