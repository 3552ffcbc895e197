import "server-only";
// A company's payment gateway accounts: add (keys stored encrypted, write-only), list, disable or
// enable. A key secret or webhook secret is never returned after saving: views say only that it is set.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can } from "@/lib/auth/permissions";
import { addGatewayAccountInput, setGatewayAccountActiveInput } from "@/lib/billing/gateway/gateway.schemas";
import { encryptSecret } from "@/lib/billing/secrets";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Ctx } from "@/lib/ctx";
import { appUrl, paymentSandboxAllowed } from "@/lib/env";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { GatewayAccount } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

export type GatewayAccountView = {
  id: string;
  provider: GatewayAccount["provider"];
  mode: GatewayAccount["mode"];
  label: string;
  keyId: string;
  keySecretSet: true;
  webhookSecretSet: true;
  /** Paste this into the gateway's dashboard (Settings → Webhooks). */
  webhookUrl: string;
  active: boolean;
  verifiedAt: string | null;
  lastError: string | null;
  createdAt: string;
};

export function toGatewayAccountView(a: GatewayAccount): GatewayAccountView {
  return {
    id: a.id,
    provider: a.provider,
    mode: a.mode,
    label: a.label,
    keyId: a.keyId,
    keySecretSet: true,
    webhookSecretSet: true,
    webhookUrl: webhookUrlFor(a),
    active: a.active,
    verifiedAt: a.verifiedAt?.toISOString() ?? null,
    lastError: a.lastError,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Stripe accounts post to the Stripe route; Razorpay and the sandbox (which signs as Razorpay) to the Razorpay one. */
export function webhookUrlFor(a: Pick<GatewayAccount, "provider" | "publicId">): string {
  return `${appUrl()}/api/webhooks/${a.provider === "STRIPE" ? "stripe" : "razorpay"}/${a.publicId}`;
}

export function assertCanConfigureGateways(ctx: Ctx) {
  assertCan(ctx.actor, "billing.read");
  if (!can(ctx.actor, "billing.write") && !can(ctx.actor, "company.write")) throw forbidden("Only staff who manage billing or the company can change payment gateways");
}

export async function listGatewayAccounts(ctx: Ctx): Promise<GatewayAccountView[]> {
  assertCan(ctx.actor, "billing.read");
  const rows = await ctx.db.gatewayAccount.findMany({ where: { companyId: ctx.actor.companyId }, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
  return rows.map(toGatewayAccountView);
}

/** Whether the company takes online payments (an active gateway account): pages show Pay now / pay links only then. */
export async function hasActiveGatewayAccount(db: Ctx["db"], companyId: string): Promise<boolean> {
  return (await db.gatewayAccount.count({ where: { companyId, active: true } })) > 0;
}

/** Of these vendor codes, the ones that take online payments (for the portal's Pay now buttons). */
export async function vendorsTakingOnlinePayments(db: Ctx["db"], vendorCodes: string[]): Promise<Set<string>> {
  if (!vendorCodes.length) return new Set();
  const rows = await db.company.findMany({ where: { code: { in: vendorCodes }, gatewayAccounts: { some: { active: true } } }, select: { code: true } });
  return new Set(rows.map((r) => r.code));
}

export async function addGatewayAccount(ctx: Ctx, input: unknown): Promise<GatewayAccountView> {
  assertCanConfigureGateways(ctx);
  const actor = ctx.actor as Extract<Ctx["actor"], { kind: "staff" }>;
  const data = parseInput(addGatewayAccountInput, input);
  const sandbox = data.provider === "SANDBOX";
  if (sandbox && !paymentSandboxAllowed()) {
    throw new AppError("validation", "The local payment sandbox is only for the demo and tests", { fieldErrors: { provider: ["The local payment sandbox is only for the demo and tests: choose Razorpay or Stripe"] } });
  }
  const row = await ctx.db.$transaction(async (tx) => {
    const a = await tx.gatewayAccount.create({
      data: {
        companyId: actor.companyId,
        publicId: `gwa_${token(24)}`,
        provider: data.provider,
        mode: data.mode,
        label: data.label,
        keyId: data.keyId ?? (sandbox ? `rzp_test_sandbox_${token(10)}` : ""),
        keySecretEnc: encryptSecret(data.keySecret ?? token(24)),
        webhookSecretEnc: encryptSecret(data.webhookSecret ?? token(32)),
        createdById: actor.userId,
      },
    });
    // The audit row names the account, never its secrets.
    await recordAudit(ctx, tx, { action: "gateway_account.add", entityType: "GatewayAccount", entityId: a.id, companyId: actor.companyId, after: { provider: a.provider, mode: a.mode, label: a.label, keyId: a.keyId } });
    return a;
  });
  return toGatewayAccountView(row);
}

export async function setGatewayAccountActive(ctx: Ctx, accountId: string, input: unknown): Promise<GatewayAccountView> {
  assertCanConfigureGateways(ctx);
  const actor = ctx.actor as Extract<Ctx["actor"], { kind: "staff" }>;
  const { active } = parseInput(setGatewayAccountActiveInput, input);
  const row = await ctx.db.$transaction(async (tx) => {
    const before = await tx.gatewayAccount.findFirst({ where: { id: accountId, companyId: actor.companyId }, select: { active: true } });
    if (!before) throw notFound("Gateway account");
    await tx.gatewayAccount.updateMany({ where: { id: accountId, companyId: actor.companyId }, data: { active } });
    // Disabled: its open links are cancelled at the gateway by a job (never inside this request).
    if (before.active && !active) await enqueueJob(tx, "gateway-account-disabled", { accountId });
    await recordAudit(ctx, tx, { action: active ? "gateway_account.enable" : "gateway_account.disable", entityType: "GatewayAccount", entityId: accountId, companyId: actor.companyId, after: { active } });
    return tx.gatewayAccount.findUniqueOrThrow({ where: { id: accountId } });
  });
  return toGatewayAccountView(row);
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function token(n: number): string {
  // Rejection sampling keeps every character equally likely.
  let out = "";
  while (out.length < n) for (const b of randomBytes(n * 2)) if (b < 248 && out.length < n) out += ALPHABET[b % 62];
  return out;
}
