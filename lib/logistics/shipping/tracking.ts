import "server-only";
// Partner tracking into our shipments: events from Shiprocket's webhook or from polling (the
// "shipping-track-poll" job, for accounts whose webhooks are not coming in) are stored once each as
// TrackingEvents with source "partner" (unique per shipment by AWB + status + the partner's time), and the
// shipment's status follows forward only: picked up / in transit → DISPATCHED, delivered → DELIVERED,
// RTO / lost → UNDELIVERED. A cancellation at the partner cancels the booking, not our shipment.
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { decryptSecret } from "@/lib/billing/secrets";
import { prisma, type PrismaClient, type Tx } from "@/lib/db/client";
import { paymentSandboxAllowed } from "@/lib/env";
import type { ShipmentStatus } from "@/lib/generated/prisma/enums";
import { problemBody, problemResponse } from "@/lib/http/problem";
import { ShippingError, trackingCodeOf, type PartnerEvent, type TrackingCode } from "@/lib/integrations/shipping/provider";
import { parseShiprocketTime } from "@/lib/integrations/shipping/shiprocket-client";
import { log } from "@/lib/log";
import { shippingProviderFor } from "@/lib/logistics/shipping/provider-for";

const TARGET: Partial<Record<TrackingCode, ShipmentStatus>> = { in_transit: "DISPATCHED", out_for_delivery: "DISPATCHED", not_home: "DISPATCHED", delivered: "DELIVERED", returned: "UNDELIVERED", lost: "UNDELIVERED" };
const RANK: Record<ShipmentStatus, number> = { READY: 0, DISPATCHED: 1, DELIVERED: 2, PARTLY_DELIVERED: 2, UNDELIVERED: 2, CANCELLED: 3 };

/** Stores new events (a repeat stores nothing) and moves the shipment's status forward. Returns how many were new. */
export async function applyPartnerEvents(tx: Tx, shipment: { id: string; companyId: string }, events: PartnerEvent[]): Promise<{ stored: number; status: ShipmentStatus | null }> {
  if (!events.length) return { stored: 0, status: null };
  const { count } = await tx.trackingEvent.createMany({
    data: events.map((e) => ({ companyId: shipment.companyId, shipmentId: shipment.id, code: e.code, description: `${e.description}`.slice(0, 500), location: e.location?.slice(0, 200) ?? null, source: "partner", externalId: e.externalId.slice(0, 200), occurredAt: e.occurredAt })),
    skipDuplicates: true,
  });
  // The furthest status any event reaches (events can arrive out of order; the status never goes back).
  let target: ShipmentStatus | null = null;
  let at: Date | null = null;
  for (const e of events) {
    const t = TARGET[e.code];
    if (t && (!target || RANK[t] > RANK[target] || (RANK[t] === RANK[target] && at && e.occurredAt > at))) {
      target = t;
      at = e.occurredAt;
    }
  }
  if (events.some((e) => e.code === "cancelled")) await tx.shipmentBooking.updateMany({ where: { shipmentId: shipment.id, status: { in: ["BOOKED", "CANCELLING"] } }, data: { status: "CANCELLED" } });
  if (!target) return { stored: count, status: null };
  const from = (Object.keys(RANK) as ShipmentStatus[]).filter((s) => RANK[s] < RANK[target!] && s !== "CANCELLED");
  const moved = await tx.shipment.updateMany({
    where: { id: shipment.id, companyId: shipment.companyId, status: { in: from } },
    data: { status: target, ...(target === "DISPATCHED" ? { dispatchedAt: at } : {}), ...(target === "DELIVERED" ? { deliveredAt: at } : {}) },
  });
  // A shipment that skipped DISPATCHED (first event seen is "delivered") still gets its dispatch time.
  if (moved.count && target !== "DISPATCHED") await tx.shipment.updateMany({ where: { id: shipment.id, dispatchedAt: null }, data: { dispatchedAt: at } });
  return { stored: count, status: moved.count ? target : null };
}

// ── Webhook ─────────────────────────────────────────────────────────────────────────────────────────

export const MAX_TRACKING_WEBHOOK_BYTES = 256 * 1024;
export const rejectedTrackingWebhooks = { unknown_account: 0, invalid_token: 0, payload_too_large: 0, bad_payload: 0 };

/** Shiprocket's tracking webhook body (the fields we read; it carries more). */
const shiprocketWebhook = z
  .object({
    awb: z.union([z.string().min(1), z.number()]).transform(String),
    current_status: z.string().min(1),
    current_timestamp: z.string().min(1).optional(),
    shipment_status: z.string().optional(),
    scans: z.array(z.object({ location: z.string().nullish() }).loose()).optional(),
  })
  .loose();

/**
 * POST /api/webhooks/shiprocket/{publicId}, in the fixed order: the account from the URL, the x-api-key
 * token compared timing-safe (nothing is read from the body before), the event stored once, 2xx.
 * Unknown AWBs are answered 200 (the partner would retry a non-2xx for nothing).
 */
export async function receiveShiprocketWebhook(args: { publicId: string; rawBody: string; headers: Headers; db?: PrismaClient; now?: () => Date }): Promise<Response> {
  const db = args.db ?? prisma;
  if (Buffer.byteLength(args.rawBody) > MAX_TRACKING_WEBHOOK_BYTES) return reject("payload_too_large", 413, "The webhook body is too large", args.publicId);
  const account = /^shp_[A-Za-z0-9]{10,40}$/.test(args.publicId) ? await db.shippingAccount.findUnique({ where: { publicId: args.publicId }, select: { id: true, companyId: true, provider: true, active: true, webhookTokenEnc: true } }) : null;
  if (!account || (account.provider === "SANDBOX" && !paymentSandboxAllowed())) return reject("unknown_account", 404, "No shipping account at this webhook URL", args.publicId);
  if (!tokenMatches(args.headers.get("x-api-key"), account.webhookTokenEnc)) return reject("invalid_token", 401, "The x-api-key token does not match this account's webhook token", args.publicId);

  let json: unknown;
  try {
    json = JSON.parse(args.rawBody);
  } catch {
    return reject("bad_payload", 400, "The webhook body is not JSON", args.publicId);
  }
  const parsed = shiprocketWebhook.safeParse(json);
  if (!parsed.success) return reject("bad_payload", 400, `The webhook body is not a tracking update: ${parsed.error.issues.map((i) => i.path.join(".") || "body").join(", ")}`, args.publicId);
  const body = parsed.data;
  const now = args.now?.() ?? new Date();
  let occurredAt = now;
  if (body.current_timestamp) {
    try {
      occurredAt = parseShiprocketTime(body.current_timestamp);
    } catch (err) {
      if (!(err instanceof ShippingError)) throw err;
    }
  }
  const shipment = await db.shipment.findFirst({ where: { companyId: account.companyId, awbNumber: body.awb }, select: { id: true, companyId: true } });
  await db.shippingAccount.update({ where: { id: account.id }, data: { lastWebhookAt: now } });
  if (!shipment) {
    log("info", "tracking webhook for an unknown AWB", { account: account.id, awb: body.awb });
    return Response.json({ received: true, matched: false }, { status: 200 });
  }
  const event: PartnerEvent = {
    status: body.current_status,
    code: trackingCodeOf(body.current_status),
    description: body.current_status,
    location: body.scans?.at(-1)?.location ?? null,
    occurredAt,
    externalId: `${body.awb}:${body.current_status.toUpperCase()}:${body.current_timestamp ?? occurredAt.toISOString()}`,
  };
  const r = await db.$transaction((tx) => applyPartnerEvents(tx, shipment, [event]));
  return Response.json({ received: true, matched: true, duplicate: r.stored === 0 }, { status: 200 });
}

function tokenMatches(sent: string | null, storedEnc: string): boolean {
  if (!sent) return false;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const a = createHash("sha256").update(sent).digest();
  const b = createHash("sha256").update(decryptSecret(storedEnc)).digest();
  return timingSafeEqual(a, b);
}

function reject(reason: keyof typeof rejectedTrackingWebhooks, status: number, detail: string, publicId: string) {
  const count = ++rejectedTrackingWebhooks[reason];
  log("warn", "tracking webhook rejected", { reason, count, account: publicId.slice(0, 12) });
  return problemResponse(problemBody(reason, detail, { status }));
}

// ── Poll ────────────────────────────────────────────────────────────────────────────────────────────

/** Accounts whose last webhook is older than this are polled. */
export const POLL_WITHOUT_WEBHOOK_MS = 6 * 3600 * 1000;

/** The "shipping-track-poll" job: every open partner shipment of accounts without recent webhooks. */
export async function pollPartnerTracking(opts: { now?: Date; companyId?: string; db?: PrismaClient } = {}): Promise<{ accounts: number; shipments: number; events: number; errors: number }> {
  const db = opts.db ?? prisma;
  const now = opts.now ?? new Date();
  const accounts = await db.shippingAccount.findMany({
    where: { active: true, ...(opts.companyId ? { companyId: opts.companyId } : {}), OR: [{ lastWebhookAt: null }, { lastWebhookAt: { lt: new Date(now.getTime() - POLL_WITHOUT_WEBHOOK_MS) } }] },
  });
  const out = { accounts: 0, shipments: 0, events: 0, errors: 0 };
  for (const account of accounts) {
    if (account.provider === "SANDBOX" && !paymentSandboxAllowed()) continue;
    out.accounts++;
    const provider = shippingProviderFor(db, account);
    const shipments = await db.shipment.findMany({ where: { companyId: account.companyId, shippingAccountId: account.id, carrierType: "PARTNER", awbNumber: { not: null }, status: { in: ["READY", "DISPATCHED"] } }, select: { id: true, companyId: true, awbNumber: true }, take: 500 });
    for (const s of shipments) {
      try {
        const st = await provider.getStatus({ awb: s.awbNumber! });
        const r = await db.$transaction((tx) => applyPartnerEvents(tx, s, st.events));
        out.shipments++;
        out.events += r.stored;
      } catch (err) {
        out.errors++;
        log("warn", "tracking poll failed for a shipment", { shipmentId: s.id, error: String((err as Error)?.message ?? err) });
      }
    }
    await db.shippingAccount.update({ where: { id: account.id }, data: { lastPolledAt: now } });
  }
  return out;
}
