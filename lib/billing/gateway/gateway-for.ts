import "server-only";
// The driver for one gateway account: Razorpay or Stripe through their SDKs with the account's
// decrypted keys, or — only for accounts whose provider is SANDBOX — the local gateway sandbox.
import { decryptSecret } from "@/lib/billing/secrets";
import type { PrismaClient } from "@/lib/db/client";
import { appUrl, paymentSandboxAllowed } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { GatewayAccount } from "@/lib/generated/prisma/client";
import type { GatewayEvent, PaymentGateway } from "@/lib/integrations/payments/gateway";
import { createRazorpayClient } from "@/lib/integrations/payments/razorpay-client";
import { verifyRazorpayWebhook } from "@/lib/integrations/payments/razorpay-webhook";
import { createSandboxGateway } from "@/lib/integrations/payments/sandbox";
import { createStripeClient, verifyStripeWebhook } from "@/lib/integrations/payments/stripe-client";

/** Where the real drivers send their API calls: tests point them at a local server that speaks the protocol. */
export type GatewayDeps = { apiBase?: { razorpay?: string; stripe?: string }; now?: () => Date };

type AccountKeys = Pick<GatewayAccount, "id" | "provider" | "keyId" | "keySecretEnc" | "webhookSecretEnc">;

export function gatewayFor(db: PrismaClient, account: AccountKeys, deps: GatewayDeps = {}): PaymentGateway {
  const webhookSecret = decryptSecret(account.webhookSecretEnc);
  switch (account.provider) {
    case "RAZORPAY":
      return createRazorpayClient({ keyId: account.keyId, keySecret: decryptSecret(account.keySecretEnc), webhookSecret, apiBase: deps.apiBase?.razorpay });
    case "STRIPE":
      return createStripeClient({ secretKey: decryptSecret(account.keySecretEnc), webhookSecret, apiBase: deps.apiBase?.stripe });
    case "SANDBOX":
      if (!paymentSandboxAllowed()) throw new AppError("conflict", "The local payment sandbox is switched off in production: add a Razorpay or Stripe account under Settings → Payments");
      return createSandboxGateway({ db, accountId: account.id, keySecret: decryptSecret(account.keySecretEnc), webhookSecret, payPageBase: appUrl(), now: deps.now });
  }
}

/**
 * Only the webhook check of an account's driver, for the webhook door: the provider's own scheme with
 * the decrypted webhook secret, without building an SDK client (and without decrypting the key
 * secret) on every delivery. Same results as gatewayFor(...).verifyWebhook. The decrypted secret is
 * kept per process for the stored ciphertext (a rotated secret is a new ciphertext, so a new entry).
 */
export function webhookVerifierFor(account: Pick<GatewayAccount, "provider" | "webhookSecretEnc">): (rawBody: string, headers: Headers, now: Date) => GatewayEvent {
  const secret = webhookSecret(account.webhookSecretEnc);
  switch (account.provider) {
    case "RAZORPAY":
      return (rawBody, headers) => verifyRazorpayWebhook(rawBody, headers, secret);
    case "STRIPE":
      return (rawBody, headers, now) => verifyStripeWebhook(rawBody, headers, secret, now);
    case "SANDBOX":
      if (!paymentSandboxAllowed()) throw new AppError("conflict", "The local payment sandbox is switched off in production");
      return (rawBody, headers) => verifyRazorpayWebhook(rawBody, headers, secret);
  }
}

const secrets = new Map<string, string>();
function webhookSecret(enc: string): string {
  let plain = secrets.get(enc);
  if (plain === undefined) {
    plain = decryptSecret(enc);
    if (secrets.size >= 1000) secrets.clear();
    secrets.set(enc, plain);
  }
  return plain;
}
