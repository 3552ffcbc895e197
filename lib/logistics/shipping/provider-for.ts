import "server-only";
// The shipping driver for one account: Shiprocket with the account's decrypted API user and a token
// cached (encrypted) on the account row, or — only for SANDBOX accounts, and never in production — the
// local shipping sandbox.
import { decryptSecret, encryptSecret } from "@/lib/billing/secrets";
import type { PrismaClient } from "@/lib/db/client";
import { paymentSandboxAllowed } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ShippingAccount } from "@/lib/generated/prisma/client";
import type { ShippingProvider } from "@/lib/integrations/shipping/provider";
import { createSandboxShipping } from "@/lib/integrations/shipping/sandbox";
import { createShiprocketClient } from "@/lib/integrations/shipping/shiprocket-client";

/** Where the real driver sends its calls: tests point it at a local server speaking Shiprocket's API. */
export type ShippingDeps = { shiprocketBase?: string; now?: () => Date };

const g = globalThis as unknown as { __shippingDeps?: ShippingDeps };
/** Tests set the deps the jobs use (the job runs without a caller to pass them). */
export function setShippingDeps(deps: ShippingDeps | undefined) {
  g.__shippingDeps = deps;
}

export function shippingProviderFor(db: PrismaClient, account: Pick<ShippingAccount, "id" | "provider" | "apiEmail" | "apiPasswordEnc">, deps: ShippingDeps = g.__shippingDeps ?? {}): ShippingProvider {
  switch (account.provider) {
    case "SHIPROCKET":
      return createShiprocketClient({
        email: account.apiEmail,
        password: decryptSecret(account.apiPasswordEnc),
        apiBase: deps.shiprocketBase,
        now: deps.now,
        tokens: {
          async get() {
            const a = await db.shippingAccount.findUnique({ where: { id: account.id }, select: { authTokenEnc: true, authTokenExpiresAt: true } });
            if (!a?.authTokenEnc || !a.authTokenExpiresAt) return null;
            try {
              return { token: decryptSecret(a.authTokenEnc), expiresAt: a.authTokenExpiresAt };
            } catch {
              return null;
            }
          },
          async set(token, expiresAt) {
            await db.shippingAccount.update({ where: { id: account.id }, data: { authTokenEnc: encryptSecret(token), authTokenExpiresAt: expiresAt } });
          },
        },
      });
    case "SANDBOX":
      if (!paymentSandboxAllowed()) throw new AppError("conflict", "The local shipping sandbox is switched off in production: add a Shiprocket account under Settings → Shipping");
      return createSandboxShipping({ db, accountId: account.id, now: deps.now });
  }
}
