import "server-only";
// A company's e-way bill settings: which system (the local sandbox or NIC), the NIC credentials (password and
// client secret write-only: stored encrypted with lib/billing/secrets.ts, shown as set / not set, never in the
// audit log), and the value thresholds — the base (inter-state) and per-state overrides for intra-state movement.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, can } from "@/lib/auth/permissions";
import { encryptSecret } from "@/lib/billing/secrets";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { Prisma, type EwayBillSettings } from "@/lib/generated/prisma/client";
import { DEFAULT_STATE_THRESHOLDS } from "@/lib/integrations/gst/ewaybill/ewaybill-codes";
import { clearNicEwbSessions } from "@/lib/integrations/gst/ewaybill/nic-ewaybill-client";
import { parseInput } from "@/lib/validation";
import { updateEwayBillSettingsInput } from "./ewaybills.schemas";

export async function loadEwayBillSettings(db: PrismaClient | Tx, companyId: string): Promise<EwayBillSettings> {
  const row = await db.ewayBillSettings.findUnique({ where: { companyId } });
  return row ?? { companyId, mode: "SANDBOX", baseUrl: null, username: null, clientId: null, passwordEnc: null, clientSecretEnc: null, publicKeyPem: null, threshold: new Prisma.Decimal(50000), stateThresholds: {}, updatedAt: new Date(0) };
}

export function toEwayBillSettingsView(s: EwayBillSettings) {
  return {
    mode: s.mode === "NIC" ? ("NIC" as const) : ("SANDBOX" as const),
    baseUrl: s.baseUrl,
    username: s.username,
    clientId: s.clientId,
    passwordSet: Boolean(s.passwordEnc),
    clientSecretSet: Boolean(s.clientSecretEnc),
    publicKeySet: Boolean(s.publicKeyPem),
    threshold: s.threshold.toFixed(2),
    stateThresholds: (s.stateThresholds ?? {}) as Record<string, string>,
    defaultStateThresholds: DEFAULT_STATE_THRESHOLDS,
  };
}
export type EwayBillSettingsView = ReturnType<typeof toEwayBillSettingsView>;

export async function getEwayBillSettings(ctx: Ctx): Promise<EwayBillSettingsView> {
  assertCan(ctx.actor, "logistics.read");
  return toEwayBillSettingsView(await loadEwayBillSettings(ctx.db, ctx.actor.companyId));
}

export async function updateEwayBillSettings(ctx: Ctx, input: unknown): Promise<EwayBillSettingsView> {
  assertCan(ctx.actor, "logistics.read");
  if (!can(ctx.actor, "company.write") && !can(ctx.actor, "billing.write")) throw forbidden("Only staff who manage billing or the company can change e-way bill settings");
  const companyId = ctx.actor.companyId;
  const d = parseInput(updateEwayBillSettingsInput, input);
  const saved = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ewaybill-settings:${companyId}`}))`;
    const before = await loadEwayBillSettings(tx, companyId);
    const patch = {
      ...(d.mode !== undefined ? { mode: d.mode } : {}),
      ...(d.baseUrl !== undefined ? { baseUrl: d.baseUrl } : {}),
      ...(d.username !== undefined ? { username: d.username } : {}),
      ...(d.clientId !== undefined ? { clientId: d.clientId } : {}),
      ...(d.publicKeyPem !== undefined ? { publicKeyPem: d.publicKeyPem } : {}),
      ...(d.password !== undefined ? { passwordEnc: d.password === null ? null : encryptSecret(d.password) } : {}),
      ...(d.clientSecret !== undefined ? { clientSecretEnc: d.clientSecret === null ? null : encryptSecret(d.clientSecret) } : {}),
      ...(d.threshold !== undefined ? { threshold: d.threshold } : {}),
      ...(d.stateThresholds !== undefined ? { stateThresholds: d.stateThresholds } : {}),
    };
    const row = await tx.ewayBillSettings.upsert({ where: { companyId }, create: { companyId, ...patch }, update: patch });
    const { defaultStateThresholds: _a, ...beforeView } = toEwayBillSettingsView(before);
    const { defaultStateThresholds: _b, ...afterView } = toEwayBillSettingsView(row);
    await recordAudit(ctx, tx, { action: "ewaybill_settings.update", entityType: "EwayBillSettings", entityId: companyId, before: beforeView, after: afterView });
    return row;
  });
  clearNicEwbSessions(companyId);
  return toEwayBillSettingsView(saved);
}
