import "server-only";
// A company's shipping partner accounts (Settings → Shipping): add (API password and webhook token stored
// encrypted, never returned after saving), list, verify the credentials, disable or enable.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { encryptSecret } from "@/lib/billing/secrets";
import type { Ctx } from "@/lib/ctx";
import { appUrl, paymentSandboxAllowed } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { ShippingAccount } from "@/lib/generated/prisma/client";
import { ShippingError } from "@/lib/integrations/shipping/provider";
import { shippingProviderFor, type ShippingDeps } from "@/lib/logistics/shipping/provider-for";
import { addShippingAccountInput, shippingAccountAction } from "@/lib/logistics/shipping/shipping.schemas";
import { parseInput } from "@/lib/validation";

export type ShippingAccountView = ReturnType<typeof toShippingAccountView>;

export function toShippingAccountView(a: ShippingAccount) {
  return {
    id: a.id,
    provider: a.provider,
    label: a.label,
    apiEmail: a.apiEmail,
    apiPasswordSet: true as const,
    webhookTokenSet: true as const,
    /** Paste into Shiprocket: Settings → API → Webhooks (URL), with the token as x-api-key. */
    webhookUrl: `${appUrl()}/api/webhooks/shiprocket/${a.publicId}`,
    pickupLocation: a.pickupLocation,
    pickupPincode: a.pickupPincode,
    active: a.active,
    verifiedAt: a.verifiedAt?.toISOString() ?? null,
    lastError: a.lastError,
    lastWebhookAt: a.lastWebhookAt?.toISOString() ?? null,
    lastPolledAt: a.lastPolledAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listShippingAccounts(ctx: Ctx): Promise<ShippingAccountView[]> {
  assertCan(ctx.actor, "logistics.read");
  const rows = await ctx.db.shippingAccount.findMany({ where: { companyId: ctx.actor.companyId }, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
  return rows.map(toShippingAccountView);
}

export async function getShippingAccountOrThrow(ctx: Ctx, id: string): Promise<ShippingAccountView> {
  assertCan(ctx.actor, "logistics.read");
  const a = await ctx.db.shippingAccount.findFirst({ where: { id: String(id), companyId: ctx.actor.companyId } });
  if (!a) throw notFound("Shipping account");
  return toShippingAccountView(a);
}

/** Adds an account. The webhook token is returned this once (to paste into the partner's webhook settings). */
export async function addShippingAccount(ctx: Ctx, input: unknown): Promise<ShippingAccountView & { webhookToken: string }> {
  assertCan(ctx.actor, "company.write");
  const actor = ctx.actor;
  const data = parseInput(addShippingAccountInput, input);
  const sandbox = data.provider === "SANDBOX";
  if (sandbox && !paymentSandboxAllowed()) throw new AppError("validation", "The shipping sandbox is only for the demo and tests", { fieldErrors: { provider: ["The shipping sandbox is only for the demo and tests: choose Shiprocket"] } });
  const webhookToken = data.webhookToken ?? token(32);
  const row = await ctx.db.$transaction(async (tx) => {
    const a = await tx.shippingAccount.create({
      data: {
        companyId: actor.companyId,
        publicId: `shp_${token(24)}`,
        provider: data.provider,
        label: data.label,
        apiEmail: data.apiEmail ?? "sandbox@shipping.local",
        apiPasswordEnc: encryptSecret(data.apiPassword ?? token(24)),
        webhookTokenEnc: encryptSecret(webhookToken),
        pickupLocation: data.pickupLocation,
        pickupPincode: data.pickupPincode,
        createdById: actor.userId,
        ...(sandbox ? { verifiedAt: ctx.now() } : {}),
      },
    });
    await recordAudit(ctx, tx, { action: "shipping_account.add", entityType: "ShippingAccount", entityId: a.id, after: { provider: a.provider, label: a.label, apiEmail: a.apiEmail, pickupLocation: a.pickupLocation, pickupPincode: a.pickupPincode } });
    return a;
  });
  return { ...toShippingAccountView(row), webhookToken };
}

/** verify: one login at the partner with the stored credentials (kept as verifiedAt or lastError); disable / enable. */
export async function changeShippingAccount(ctx: Ctx, id: string, action: unknown, deps?: ShippingDeps): Promise<ShippingAccountView & { ok?: boolean }> {
  assertCan(ctx.actor, "company.write");
  const a = parseInput(shippingAccountAction, action);
  const companyId = ctx.actor.companyId;
  const account = await ctx.db.shippingAccount.findFirst({ where: { id: String(id), companyId } });
  if (!account) throw notFound("Shipping account");
  if (a === "verify") {
    let error: string | null = null;
    try {
      await shippingProviderFor(ctx.db, account, deps).verifyCredentials();
    } catch (err) {
      if (err instanceof AppError) throw err;
      error = err instanceof ShippingError ? err.message : "The partner did not answer";
    }
    const row = await ctx.db.$transaction(async (tx) => {
      const r = await tx.shippingAccount.update({ where: { id: account.id, companyId }, data: error ? { lastError: error } : { verifiedAt: ctx.now(), lastError: null } });
      await recordAudit(ctx, tx, { action: "shipping_account.verify", entityType: "ShippingAccount", entityId: account.id, after: { ok: !error, error } });
      return r;
    });
    return { ...toShippingAccountView(row), ok: !error };
  }
  const active = a === "enable";
  const row = await ctx.db.$transaction(async (tx) => {
    const n = await tx.shippingAccount.updateMany({ where: { id: account.id, companyId, active: !active }, data: { active } });
    if (n.count === 0) throw new AppError("invalid_transition", `${account.label} is already ${active ? "enabled" : "disabled"}`);
    await recordAudit(ctx, tx, { action: active ? "shipping_account.enable" : "shipping_account.disable", entityType: "ShippingAccount", entityId: account.id, before: { active: !active }, after: { active } });
    return tx.shippingAccount.findUniqueOrThrow({ where: { id: account.id } });
  });
  return toShippingAccountView(row);
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function token(n: number): string {
  let out = "";
  while (out.length < n) for (const b of randomBytes(n * 2)) if (b < 248 && out.length < n) out += ALPHABET[b % 62];
  return out;
}
