import "server-only";
// A company's billing settings: document series, e-way bill threshold, mail on issue, terms and
// signatory. The row is created on the first save; until then every reader gets the defaults
// (without writing, so a read never races another first save). The e-invoice and IRP fields are
// lib/billing/einvoice's and never leave through this file.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { updateBillingSettingsInput } from "@/lib/billing/billing.schemas";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type BillingSettings } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

type Db = PrismaClient | Tx;

/** The settings as the API and the settings page show them (no e-invoice credentials). */
export type BillingSettingsView = {
  invoiceSeries: string;
  creditNoteSeries: string;
  debitNoteSeries: string;
  receiptSeries: string;
  ewayBillThreshold: string;
  emailOnIssue: boolean;
  invoiceTerms: string | null;
  signatoryName: string | null;
  eInvoiceEnabled: boolean;
  updatedAt: string | null;
};

export function defaultBillingSettings(companyId: string): BillingSettings {
  return {
    companyId,
    invoiceSeries: "INV",
    creditNoteSeries: "CN",
    debitNoteSeries: "DN",
    receiptSeries: "RCT",
    eInvoiceEnabled: false,
    irpMode: "SANDBOX",
    irpBaseUrl: null,
    irpUsername: null,
    irpClientId: null,
    irpPasswordEnc: null,
    irpClientSecretEnc: null,
    irpPublicKeyPem: null,
    ewayBillThreshold: new Prisma.Decimal(50000),
    emailOnIssue: true,
    invoiceTerms: null,
    signatoryName: null,
    updatedAt: new Date(0),
  };
}

/** The company's settings row, or the defaults when it has never saved any. */
export async function getBillingSettings(db: Db, companyId: string): Promise<BillingSettings> {
  return (await db.billingSettings.findUnique({ where: { companyId } })) ?? defaultBillingSettings(companyId);
}

export function toBillingSettingsView(s: BillingSettings): BillingSettingsView {
  return {
    invoiceSeries: s.invoiceSeries,
    creditNoteSeries: s.creditNoteSeries,
    debitNoteSeries: s.debitNoteSeries,
    receiptSeries: s.receiptSeries,
    ewayBillThreshold: s.ewayBillThreshold.toFixed(2),
    emailOnIssue: s.emailOnIssue,
    invoiceTerms: s.invoiceTerms,
    signatoryName: s.signatoryName,
    eInvoiceEnabled: s.eInvoiceEnabled,
    updatedAt: s.updatedAt.getTime() === 0 ? null : s.updatedAt.toISOString(),
  };
}

/** Staff with billing.read see the settings (the series print on every document). */
export async function readBillingSettings(ctx: Ctx): Promise<BillingSettingsView> {
  assertCan(ctx.actor, "billing.read");
  return toBillingSettingsView(await getBillingSettings(ctx.db, ctx.actor.companyId));
}

const seriesFields = ["invoiceSeries", "creditNoteSeries", "debitNoteSeries", "receiptSeries"] as const;

export async function updateBillingSettings(ctx: Ctx, input: unknown): Promise<BillingSettingsView> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(updateBillingSettingsInput, input);
  return ctx.db.$transaction(async (tx) => {
    // Serializes two saves of the same company (the row may not exist yet).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing-settings:${companyId}`}))`;
    const before = await getBillingSettings(tx, companyId);
    const merged = { ...before, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) } as BillingSettings;
    // Two document kinds on one series would share one counter and break "consecutive per series".
    const seen = new Map<string, string>();
    for (const f of seriesFields) {
      const other = seen.get(merged[f]);
      if (other) throw new AppError("validation", `${label(f)} and ${label(other)} cannot use the same series`, { fieldErrors: { [f]: [`Same as the ${label(other).toLowerCase()}`] } });
      seen.set(merged[f], f);
    }
    const patch = {
      invoiceSeries: merged.invoiceSeries,
      creditNoteSeries: merged.creditNoteSeries,
      debitNoteSeries: merged.debitNoteSeries,
      receiptSeries: merged.receiptSeries,
      ewayBillThreshold: new Prisma.Decimal(merged.ewayBillThreshold),
      emailOnIssue: merged.emailOnIssue,
      invoiceTerms: data.invoiceTerms !== undefined ? data.invoiceTerms : before.invoiceTerms,
      signatoryName: data.signatoryName !== undefined ? data.signatoryName : before.signatoryName,
    };
    const saved = await tx.billingSettings.upsert({ where: { companyId }, create: { companyId, ...patch }, update: patch });
    await recordAudit(ctx, tx, { action: "billing_settings.update", entityType: "BillingSettings", entityId: companyId, companyId, before: toBillingSettingsView(before), after: toBillingSettingsView(saved) });
    return toBillingSettingsView(saved);
  });
}

function label(f: string): string {
  return { invoiceSeries: "Invoice series", creditNoteSeries: "Credit note series", debitNoteSeries: "Debit note series", receiptSeries: "Receipt series" }[f] ?? f;
}
