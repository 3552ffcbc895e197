import "server-only";
// The webhook door's work, in the fixed order: the account from the URL, the signature over the raw
// body with the provider's scheme, the event stored once by (provider, event id), 2xx, and a pg-boss
// job (enqueued in the same transaction, on the same connection) applies it. Nothing is read from the body before the
// signature holds; a rejected delivery stores nothing and leaves one counted log line.
import { randomUUID } from "node:crypto";
import { webhookVerifierFor } from "@/lib/billing/gateway/gateway-for";
import { fromPrisma, type Db as IDatabase } from "pg-boss";
import { pool, type PrismaClient } from "@/lib/db/client";
import { pgTransaction } from "@/lib/db/sql-runner";
import { AppError } from "@/lib/errors";
import type { GatewayProvider } from "@/lib/generated/prisma/client";
import { problemBody, problemResponse } from "@/lib/http/problem";
import { WebhookSignatureError } from "@/lib/integrations/payments/gateway";
import { getBoss } from "@/lib/jobs/boss";
import { onConnection } from "@/lib/jobs/enqueue";
import type { JobData } from "@/lib/jobs/queues";
import { log } from "@/lib/log";

export const MAX_WEBHOOK_BYTES = 512 * 1024;

/** Rejected deliveries since this process started, per reason (also in every rejection's log line). */
export const rejectedWebhooks = { unknown_account: 0, invalid_signature: 0, payload_too_large: 0 };

export type WebhookDoor = "razorpay" | "stripe";

export async function receiveWebhook(args: { door: WebhookDoor; publicId: string; rawBody: string; headers: Headers; db?: PrismaClient; now?: () => Date }): Promise<Response> {
  const now = args.now?.() ?? new Date();
  if (Buffer.byteLength(args.rawBody) > MAX_WEBHOOK_BYTES) return reject("payload_too_large", 413, "The webhook body is too large", args);

  const account = /^gwa_[A-Za-z0-9]{10,40}$/.test(args.publicId) ? await findAccount(args.publicId, args.db) : null;
  // A Stripe account's URL on the Razorpay door (or the other way round) is as unknown as a made-up id.
  if (!account || (account.provider === "STRIPE") !== (args.door === "stripe")) return reject("unknown_account", 400, "No gateway account at this webhook URL", args);

  let event;
  try {
    // Only the webhook check (the webhook secret and the provider's scheme), not a whole SDK client.
    event = webhookVerifierFor(account)(args.rawBody, args.headers, now);
  } catch (err) {
    if (err instanceof WebhookSignatureError) return reject("invalid_signature", 401, err.message, args);
    // A local-sandbox account in a deployment whose sandbox is switched off has no webhook door.
    if (err instanceof AppError && err.code === "conflict") return reject("unknown_account", 400, "No gateway account at this webhook URL", args);
    throw err;
  }

  const stored = await storeEvent({ id: randomUUID(), provider: account.provider, eventId: event.eventId, companyId: account.companyId, accountId: account.id, type: event.type, rawBody: args.rawBody, at: now }, args.db);
  log("info", stored ? "webhook stored" : "webhook duplicate", { provider: account.provider, eventId: event.eventId, type: event.type, companyId: account.companyId });
  return Response.json({ received: true, duplicate: !stored }, { status: 200 });
}

type DoorAccount = { id: string; companyId: string; provider: GatewayProvider; webhookSecretEnc: string };

/** The account named by the URL: one indexed read on the pool (the profile showed the ORM's per-query work on this hot path). */
async function findAccount(publicId: string, db?: PrismaClient): Promise<DoorAccount | null> {
  if (db) return db.gatewayAccount.findUnique({ where: { publicId }, select: { id: true, companyId: true, provider: true, webhookSecretEnc: true } });
  const r = await pool().query<DoorAccount>(`SELECT "id", "companyId", "provider", "webhookSecretEnc" FROM "GatewayAccount" WHERE "publicId" = $1`, [publicId]);
  return r.rows[0] ?? null;
}

/**
 * The event, once per (provider, event id), and its apply job, in one transaction on one connection:
 * BEGIN, INSERT ... ON CONFLICT DO NOTHING RETURNING, the pg-boss job on the same connection (only
 * when the row is new), COMMIT. A duplicate inserts nothing and queues nothing. On the app's own pool
 * this skips an interactive Prisma transaction; a caller's own Prisma client (the demo seeder) runs
 * the same statements in its transaction.
 */
async function storeEvent(e: StoredEvent, db?: PrismaClient): Promise<boolean> {
  if (db) return db.$transaction((tx) => insertAndQueue(fromPrisma(tx), e));
  return pgTransaction((_run, client) => insertAndQueue(onConnection(client), e));
}

type StoredEvent = { id: string; provider: GatewayProvider; eventId: string; companyId: string; accountId: string; type: string; rawBody: string; at: Date };

async function insertAndQueue(sql: IDatabase, e: StoredEvent): Promise<boolean> {
  const boss = await getBoss();
  const ins = await sql.executeSql(
    `INSERT INTO "WebhookEvent" ("id", "provider", "eventId", "companyId", "accountId", "type", "rawBody", "status", "receivedAt", "verifiedAt")
     VALUES ($1, $2::"GatewayProvider", $3, $4, $5, $6, $7, 'VERIFIED', $8, $8)
     ON CONFLICT ("provider", "eventId") DO NOTHING RETURNING "id"`,
    [e.id, e.provider, e.eventId, e.companyId, e.accountId, e.type, e.rawBody, e.at],
  );
  if (ins.rows.length !== 1) return false;
  const data: JobData["gateway-event-apply"] = { eventId: e.id };
  await boss.send("gateway-event-apply", data, { db: sql });
  return true;
}

function reject(reason: keyof typeof rejectedWebhooks, status: number, detail: string, args: { door: WebhookDoor; publicId: string }) {
  const count = ++rejectedWebhooks[reason];
  log("warn", "webhook rejected", { door: args.door, reason, count, account: args.publicId.slice(0, 12) });
  return problemResponse(problemBody(reason, detail, { status }));
}
