import "server-only";
// The driver for one gateway account: Razorpay or Stripe through their SDKs with the account's
// decrypted keys, or — only for accounts whose provider is SANDBOX — the local gateway sandbox.
import { decryptSecret } from "@/lib/billing/secrets";
import type { PrismaClient } from "@/lib/db/client";
import { appUrl, paymentSandboxAllowed } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { GatewayAccount } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/integrations/payments/gateway";
import { createRazorpayClient } from "@/lib/integrations/payments/razorpay-client";
import { createSandboxGateway } from "@/lib/integrations/payments/sandbox";
import { createStripeClient } from "@/lib/integrations/payments/stripe-client";

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
      return createSandboxGateway({ db, accountId: account.id, webhookSecret, payPageBase: appUrl(), now: deps.now });
  }
}
