import "server-only";
// A company's e-invoicing settings: on/off, which IRP (the local sandbox or NIC), and the NIC
// credentials. The password and client secret are write-only: stored encrypted (secrets.ts), shown
// only as "set" / "not set", never returned, never in the audit log.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can } from "@/lib/auth/permissions";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { updateEInvoiceSettingsInput } from "@/lib/billing/einvoice/einvoice.schemas";
import { encryptSecret } from "@/lib/billing/secrets";
import type { Ctx } from "@/lib/ctx";
import { forbidden } from "@/lib/errors";
import type { BillingSettings } from "@/lib/generated/prisma/client";
import { clearNicSessions } from "@/lib/integrations/gst/einvoice/nic-client";
import { parseInput } from "@/lib/validation";

export type EInvoiceSettingsView = {
  eInvoiceEnabled: boolean;
  irpMode: "SANDBOX" | "NIC";
  irpBaseUrl: string | null;
  irpUsername: string | null;
  irpClientId: string | null;
  irpPasswordSet: boolean;
  irpClientSecretSet: boolean;
  irpPublicKeySet: boolean;
};

export function toEInvoiceSettingsView(s: BillingSettings): EInvoiceSettingsView {
  return {
    eInvoiceEnabled: s.eInvoiceEnabled,
    irpMode: s.irpMode === "NIC" ? "NIC" : "SANDBOX",
    irpBaseUrl: s.irpBaseUrl,
    irpUsername: s.irpUsername,
    irpClientId: s.irpClientId,
    irpPasswordSet: Boolean(s.irpPasswordEnc),
    irpClientSecretSet: Boolean(s.irpClientSecretEnc),
    irpPublicKeySet: Boolean(s.irpPublicKeyPem),
  };
}

function assertCanConfigure(ctx: Ctx) {
  assertCan(ctx.actor, "billing.read");
  if (!can(ctx.actor, "billing.write") && !can(ctx.actor, "company.write")) throw forbidden("Only staff who manage billing or the company can change e-invoicing");
}

export async function getEInvoiceSettings(ctx: Ctx): Promise<EInvoiceSettingsView> {
  assertCan(ctx.actor, "billing.read");
  return toEInvoiceSettingsView(await getBillingSettings(ctx.db, ctx.actor.companyId));
}

export async function updateEInvoiceSettings(ctx: Ctx, input: unknown): Promise<EInvoiceSettingsView> {
  assertCanConfigure(ctx);
  const actor = ctx.actor as Extract<Ctx["actor"], { kind: "staff" }>;
  const companyId = actor.companyId;
  const data = parseInput(updateEInvoiceSettingsInput, input);
  const saved = await ctx.db.$transaction(async (tx) => {
    // The same lock as the other billing settings' save: the row may not exist yet.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing-settings:${companyId}`}))`;
    const before = await getBillingSettings(tx, companyId);
    const patch = {
      ...(data.eInvoiceEnabled !== undefined ? { eInvoiceEnabled: data.eInvoiceEnabled } : {}),
      ...(data.irpMode !== undefined ? { irpMode: data.irpMode } : {}),
      ...(data.irpBaseUrl !== undefined ? { irpBaseUrl: data.irpBaseUrl } : {}),
      ...(data.irpUsername !== undefined ? { irpUsername: data.irpUsername } : {}),
      ...(data.irpClientId !== undefined ? { irpClientId: data.irpClientId } : {}),
      ...(data.irpPublicKeyPem !== undefined ? { irpPublicKeyPem: data.irpPublicKeyPem } : {}),
      ...(data.irpPassword !== undefined ? { irpPasswordEnc: data.irpPassword === null ? null : encryptSecret(data.irpPassword) } : {}),
      ...(data.irpClientSecret !== undefined ? { irpClientSecretEnc: data.irpClientSecret === null ? null : encryptSecret(data.irpClientSecret) } : {}),
    };
    const row = await tx.billingSettings.upsert({ where: { companyId }, create: { companyId, ...patch }, update: patch });
    await recordAudit(ctx, tx, { action: "einvoice_settings.update", entityType: "BillingSettings", entityId: companyId, companyId, before: toEInvoiceSettingsView(before), after: toEInvoiceSettingsView(row) });
    return row;
  });
  // New credentials: the next call logs in afresh instead of using a session of the old ones.
  clearNicSessions(companyId);
  return toEInvoiceSettingsView(saved);
}
