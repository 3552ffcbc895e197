// SMS and push go out through a provider and leave one MessageLog row each, keyed by a dedupe key:
// the row is claimed before the provider is called, so a job that runs again finds it and does not
// send a second time. A provider failure marks the row failed and throws (the job retries and
// claims it again); a worker that dies mid-send leaves the row "sending", which is never re-sent.
import { prisma } from "@/lib/db/client";

export type OutgoingMessage = {
  dedupeKey: string;
  to: string;
  title?: string | null;
  body: string;
  event: string;
  companyId?: string | null;
  userId?: string | null;
};

/** What a provider reports: "sent" for a real service, "logged" for the log-only driver. */
export type ProviderResult = { status: "sent" | "logged"; providerId?: string | null };

export async function sendLoggedMessage(channel: "SMS" | "PUSH", providerName: string, msg: OutgoingMessage, send: () => Promise<ProviderResult>): Promise<"sent" | "skipped"> {
  if (!(await claim(channel, providerName, msg))) return "skipped";
  let result: ProviderResult;
  try {
    result = await send();
  } catch (err) {
    await prisma.messageLog.update({ where: { dedupeKey: msg.dedupeKey }, data: { status: "failed", error: String((err as Error)?.message ?? err).slice(0, 1000) } });
    throw err;
  }
  await prisma.messageLog.update({ where: { dedupeKey: msg.dedupeKey }, data: { status: result.status, providerId: result.providerId ?? null, error: null } });
  return "sent";
}

/** Inserts the row as "sending", or takes back a row whose last attempt failed. False: already handled. */
async function claim(channel: "SMS" | "PUSH", provider: string, msg: OutgoingMessage) {
  const inserted = await prisma.messageLog.createMany({
    data: [{ channel, provider, status: "sending", dedupeKey: msg.dedupeKey, to: msg.to, title: msg.title ?? null, body: msg.body, event: msg.event, companyId: msg.companyId ?? null, userId: msg.userId ?? null }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return true;
  const retaken = await prisma.messageLog.updateMany({ where: { dedupeKey: msg.dedupeKey, status: "failed" }, data: { status: "sending", provider } });
  return retaken.count === 1;
}
