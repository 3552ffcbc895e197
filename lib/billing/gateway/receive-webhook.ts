import "server-only";
// The webhook door's work, in the fixed order: the account from the URL, the signature over the raw
// body with the provider's scheme, the event stored once by (provider, event id), 2xx, and a pg-boss
// job (enqueued in the same transaction) applies it. Nothing is read from the body before the
// signature holds; a rejected delivery stores nothing and leaves one counted log line.
import { randomUUID } from "node:crypto";
import { gatewayFor } from "@/lib/billing/gateway/gateway-for";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { problemBody, problemResponse } from "@/lib/http/problem";
import { WebhookSignatureError } from "@/lib/integrations/payments/gateway";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";

export const MAX_WEBHOOK_BYTES = 512 * 1024;

/** Rejected deliveries since this process started, per reason (also in every rejection's log line). */
export const rejectedWebhooks = { unknown_account: 0, invalid_signature: 0, payload_too_large: 0 };

export type WebhookDoor = "razorpay" | "stripe";

export async function receiveWebhook(args: { door: WebhookDoor; publicId: string; rawBody: string; headers: Headers; db?: PrismaClient; now?: () => Date }): Promise<Response> {
  const db = args.db ?? prisma;
  const now = args.now?.() ?? new Date();
  if (Buffer.byteLength(args.rawBody) > MAX_WEBHOOK_BYTES) return reject("payload_too_large", 413, "The webhook body is too large", args);

  const account = /^gwa_[A-Za-z0-9]{10,40}$/.test(args.publicId) ? await db.gatewayAccount.findUnique({ where: { publicId: args.publicId } }) : null;
  // A Stripe account's URL on the Razorpay door (or the other way round) is as unknown as a made-up id.
  if (!account || (account.provider === "STRIPE") !== (args.door === "stripe")) return reject("unknown_account", 400, "No gateway account at this webhook URL", args);

  let event;
  try {
    event = gatewayFor(db, account).verifyWebhook(args.rawBody, args.headers, now);
  } catch (err) {
    if (err instanceof WebhookSignatureError) return reject("invalid_signature", 401, err.message, args);
    throw err;
  }

  const id = randomUUID();
  const stored = await db.$transaction(async (tx) => {
    const n = await tx.webhookEvent.createMany({
      data: [{ id, provider: account.provider, eventId: event.eventId, companyId: account.companyId, accountId: account.id, type: event.type, rawBody: args.rawBody, status: "VERIFIED", receivedAt: now, verifiedAt: now }],
      skipDuplicates: true,
    });
    if (n.count === 1) await enqueueJob(tx, "gateway-event-apply", { eventId: id });
    return n.count === 1;
  });
  log("info", stored ? "webhook stored" : "webhook duplicate", { provider: account.provider, eventId: event.eventId, type: event.type, companyId: account.companyId });
  return Response.json({ received: true, duplicate: !stored }, { status: 200 });
}

function reject(reason: keyof typeof rejectedWebhooks, status: number, detail: string, args: { door: WebhookDoor; publicId: string }) {
  const count = ++rejectedWebhooks[reason];
  log("warn", "webhook rejected", { door: args.door, reason, count, account: args.publicId.slice(0, 12) });
  return problemResponse(problemBody(reason, detail, { status }));
}
