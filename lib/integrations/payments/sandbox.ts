// The LOCAL GATEWAY SANDBOX: a stand-in for Razorpay for the demo, the tests and CI. No network and
// no real money: its links and payments are its own rows (GatewaySandboxLink / GatewaySandboxPayment),
// its hosted pay page is /sandbox-gateway/pay/[linkId], and the webhooks it sends are shaped and
// signed exactly as Razorpay's (razorpay-webhook.ts), so the app's Razorpay webhook route takes them.
// It has Razorpay's Orders too (rows of kind "order", ids order_…), paid through the sandbox checkout
// that stands in for checkout.js and signs its answer with the account's key secret as Razorpay does.
// It is a driver like the others and is only used for accounts whose provider is SANDBOX.
import { randomBytes } from "node:crypto";
import type { PrismaClient, Tx } from "@/lib/db/client";
import type { GatewaySandboxLink, GatewaySandboxPayment } from "@/lib/generated/prisma/client";
import { GatewayError, stringNotes, type GatewayLink, type GatewayOrder, type GatewayPayment, type PaymentGateway } from "./gateway";
import { razorpayLinkStatus, razorpayOrderStatus, razorpayPaymentStatus, readRazorpayEvent, verifyRazorpayCheckout, verifyRazorpayWebhook } from "./razorpay-webhook";

export type SandboxConfig = { db: PrismaClient | Tx; accountId: string; keySecret: string; webhookSecret: string; payPageBase: string; now?: () => Date };

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Razorpay-like ids: prefix + 14 base62 characters. */
export function sandboxId(prefix: "plink" | "order" | "pay" | "rfnd" | "evt"): string {
  const bytes = randomBytes(14);
  return `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % 62]).join("")}`;
}

export function createSandboxGateway(cfg: SandboxConfig): PaymentGateway {
  const db = cfg.db;
  const now = cfg.now ?? (() => new Date());
  const link = async (id: string) => {
    const row = await db.gatewaySandboxLink.findFirst({ where: { id, accountId: cfg.accountId, kind: "payment_link" }, include: { payments: { orderBy: { createdAt: "asc" } } } });
    if (!row) throw new GatewayError("not_found", `Sandbox: no payment link ${id}`);
    return row;
  };
  const toLink = (l: GatewaySandboxLink & { payments: GatewaySandboxPayment[] }): GatewayLink => ({
    id: l.id,
    shortUrl: `${cfg.payPageBase}/sandbox-gateway/pay/${l.id}`,
    status: razorpayLinkStatus(l.status),
    amountPaise: Number(l.amount),
    amountPaidPaise: Number(l.amountPaid),
    currency: l.currency,
    paymentIds: l.payments.map((p) => p.id),
  });

  return {
    kind: "sandbox",
    async verifyCredentials() {
      if (!cfg.webhookSecret) throw new GatewayError("auth", "Sandbox: the webhook secret is empty");
    },
    async createLink(input) {
      const row = await db.gatewaySandboxLink.create({
        data: {
          id: sandboxId("plink"),
          accountId: cfg.accountId,
          amount: BigInt(input.amountPaise),
          currency: input.currency,
          status: "created",
          referenceId: input.reference,
          description: input.description,
          acceptPartial: input.acceptPartial,
          notes: input.notes,
          callbackUrl: input.callbackUrl,
          expireBy: input.expiresAt,
        },
        include: { payments: true },
      });
      return toLink(row);
    },
    async fetchLink(id) {
      return toLink(await link(id));
    },
    async cancelLink(id) {
      const l = await link(id);
      if (l.status === "paid") throw new GatewayError("bad_request", "Sandbox: a paid link cannot be cancelled");
      await db.gatewaySandboxLink.update({ where: { id }, data: { status: "cancelled" } });
      return toLink(await link(id));
    },
    async fetchPayment(id) {
      const p = await db.gatewaySandboxPayment.findFirst({ where: { id, link: { accountId: cfg.accountId } }, include: { link: true } });
      if (!p) throw new GatewayError("not_found", `Sandbox: no payment ${id}`);
      return sandboxPaymentView(p, p.link);
    },
    async listPaymentsSince(since, max = 1000) {
      const rows = await db.gatewaySandboxPayment.findMany({ where: { link: { accountId: cfg.accountId }, createdAt: { gte: since } }, include: { link: true }, orderBy: { createdAt: "asc" }, take: max });
      return rows.map((p) => sandboxPaymentView(p, p.link));
    },
    async refund(paymentId, amountPaise) {
      const p = await db.gatewaySandboxPayment.findFirst({ where: { id: paymentId, link: { accountId: cfg.accountId } } });
      if (!p) throw new GatewayError("not_found", `Sandbox: no payment ${paymentId}`);
      if (p.status !== "captured" && p.status !== "refunded") throw new GatewayError("bad_request", "Sandbox: only a captured payment can be refunded");
      const left = p.amount - p.amountRefunded;
      if (BigInt(amountPaise) > left) throw new GatewayError("bad_request", "Sandbox: the refund is more than what is left of the payment");
      const refunded = p.amountRefunded + BigInt(amountPaise);
      await db.gatewaySandboxPayment.update({ where: { id: p.id }, data: { amountRefunded: refunded, status: refunded === p.amount ? "refunded" : "captured", updatedAt: now() } });
      return { id: sandboxId("rfnd"), paymentId, amountPaise, status: "processed" };
    },
    verifyWebhook(rawBody, headers) {
      return verifyRazorpayWebhook(rawBody, headers, cfg.webhookSecret);
    },
    readEvent: readRazorpayEvent,
    orders: {
      async create(input) {
        const row = await db.gatewaySandboxLink.create({
          data: {
            id: sandboxId("order"),
            kind: "order",
            accountId: cfg.accountId,
            amount: BigInt(input.amountPaise),
            currency: input.currency,
            status: "created",
            referenceId: input.receipt.slice(0, 40),
            description: input.notes.description ?? input.receipt,
            acceptPartial: input.partialPayment,
            notes: input.notes,
          },
        });
        return sandboxOrderView(row);
      },
      async fetch(orderId) {
        return sandboxOrderView(await order(orderId));
      },
      async paymentIds(orderId) {
        const o = await order(orderId);
        const rows = await db.gatewaySandboxPayment.findMany({ where: { linkId: o.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
        return rows.map((r) => r.id);
      },
      verifyCheckout(r) {
        return verifyRazorpayCheckout(cfg.keySecret, r);
      },
    },
  };

  async function order(id: string) {
    const row = await db.gatewaySandboxLink.findFirst({ where: { id, accountId: cfg.accountId, kind: "order" } });
    if (!row) throw new GatewayError("not_found", `Sandbox: no order ${id}`);
    return row;
  }
}

/** A sandbox order as Razorpay shows one: created, attempted (a payment tried, not all paid), paid. */
export function sandboxOrderView(o: GatewaySandboxLink): GatewayOrder {
  return { id: o.id, status: razorpayOrderStatus(o.status), amountPaise: Number(o.amount), amountPaidPaise: Number(o.amountPaid), currency: o.currency, receipt: o.referenceId, notes: stringNotes(o.notes) };
}

export function sandboxPaymentView(p: GatewaySandboxPayment, l: GatewaySandboxLink): GatewayPayment {
  return {
    id: p.id,
    status: razorpayPaymentStatus(p.status),
    amountPaise: Number(p.amount),
    amountRefundedPaise: Number(p.amountRefunded),
    currency: p.currency,
    method: p.method,
    linkId: l.kind === "order" ? null : l.id,
    orderId: l.kind === "order" ? l.id : null,
    notes: stringNotes(l.notes),
    errorReason: p.errorDescription,
  };
}

/** A webhook body exactly in Razorpay's envelope, with snapshots of the payment (and link) as they are now. */
export function sandboxEventBody(event: string, at: Date, payment: GatewaySandboxPayment | null, link: GatewaySandboxLink | null, refund?: { id: string; amount: bigint }): string {
  const contains: string[] = [];
  const payload: Record<string, unknown> = {};
  if (refund && payment) {
    contains.push("refund");
    payload.refund = { entity: { id: refund.id, entity: "refund", amount: Number(refund.amount), currency: payment.currency, payment_id: payment.id, status: "processed", speed_processed: "normal", created_at: Math.floor(at.getTime() / 1000) } };
  }
  if (link && link.kind === "order" && event.startsWith("order.")) {
    contains.push("order");
    payload.order = {
      entity: {
        id: link.id,
        entity: "order",
        amount: Number(link.amount),
        amount_paid: Number(link.amountPaid),
        amount_due: Number(link.amount - link.amountPaid),
        currency: link.currency,
        receipt: link.referenceId,
        status: link.status,
        partial_payment: link.acceptPartial,
        notes: link.notes,
        created_at: Math.floor(link.createdAt.getTime() / 1000),
      },
    };
  }
  if (link && link.kind !== "order" && event.startsWith("payment_link.")) {
    contains.push("payment_link");
    payload.payment_link = {
      entity: {
        id: link.id,
        entity: "payment_link",
        amount: Number(link.amount),
        amount_paid: Number(link.amountPaid),
        currency: link.currency,
        status: link.status,
        accept_partial: link.acceptPartial,
        reference_id: link.referenceId,
        description: link.description,
        notes: link.notes,
        short_url: null,
      },
    };
  }
  if (payment) {
    contains.push("payment");
    payload.payment = {
      entity: {
        id: payment.id,
        entity: "payment",
        amount: Number(payment.amount),
        currency: payment.currency,
        status: payment.status,
        order_id: link?.kind === "order" ? link.id : null,
        method: payment.method,
        amount_refunded: Number(payment.amountRefunded),
        refund_status: payment.amountRefunded > 0n ? (payment.amountRefunded === payment.amount ? "full" : "partial") : null,
        captured: payment.status === "captured" || payment.status === "refunded",
        description: link?.description ?? null,
        notes: link?.notes ?? {},
        error_code: payment.errorDescription ? "BAD_REQUEST_ERROR" : null,
        error_description: payment.errorDescription,
        created_at: Math.floor(payment.createdAt.getTime() / 1000),
      },
    };
  }
  return JSON.stringify({ entity: "event", account_id: "acc_sandbox", event, contains, payload, created_at: Math.floor(at.getTime() / 1000) });
}
