// SMS and push go out through a provider and leave one MessageLog row each, keyed by a dedupe key:
// the row is claimed before the provider is called, so a job that runs again finds it and does not
// send a second time. A provider failure marks the row failed and throws (the job retries and
// claims it again); a worker that dies mid-send leaves the row "sending", which is never re-sent.
import { prisma } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import { runnerFor, type SqlRunner } from "@/lib/db/sql-runner";

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
  const run = runnerFor(prisma);
  if (!(await claim(run, channel, providerName, msg))) return "skipped";
  let result: ProviderResult;
  try {
    result = await send();
  } catch (err) {
    await run.query(`UPDATE "MessageLog" SET status = 'failed', error = $2 WHERE "dedupeKey" = $1 RETURNING id`, [msg.dedupeKey, String((err as Error)?.message ?? err).slice(0, 1000)]);
    throw err;
  }
  await run.query(`UPDATE "MessageLog" SET status = $2, "providerId" = $3, error = NULL WHERE "dedupeKey" = $1 RETURNING id`, [msg.dedupeKey, result.status, result.providerId ?? null]);
  return "sent";
}

/**
 * Inserts the row as "sending", or takes back a row whose last attempt failed, in one statement. False:
 * already handled (sent, logged, or being sent by another run).
 */
async function claim(run: SqlRunner, channel: "SMS" | "PUSH", provider: string, msg: OutgoingMessage) {
  const rows = await run.query(
    `INSERT INTO "MessageLog" (id, channel, provider, status, "dedupeKey", "to", title, body, event, "companyId", "userId")
     VALUES ($1, $2::"MessageChannel", $3, 'sending', $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT ("dedupeKey") DO UPDATE SET status = 'sending', provider = EXCLUDED.provider WHERE "MessageLog".status = 'failed'
     RETURNING id`,
    [rowId(), channel, provider, msg.dedupeKey, msg.to, msg.title ?? null, msg.body, msg.event, msg.companyId ?? null, msg.userId ?? null],
  );
  return rows.length === 1;
}
