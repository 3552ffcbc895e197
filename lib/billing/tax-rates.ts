import "server-only";
// GST rates as dated data (TaxRate rows): the published schedule every company sees (companyId
// null, read-only here: it changes by migration when the government notifies new rates) and a
// company's own rows, which win over the schedule for the same prefix and date
// (lib/tax/resolve-rate.ts decides which row applies).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { addTaxRateInput, listTaxRatesInput } from "@/lib/billing/billing.schemas";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type TaxRate } from "@/lib/generated/prisma/client";
import { dayToDbDate, isCalendarDay } from "@/lib/pricing/dates";
import { hsnPrefixes } from "@/lib/tax/resolve-rate";
import { parseInput } from "@/lib/validation";

type Db = PrismaClient | Tx;

export type TaxRateView = {
  id: string;
  hsnPrefix: string;
  gstRate: string;
  cessRate: string;
  effectiveFrom: string;
  source: string | null;
  /** "company": this company's own row (deletable); "schedule": the published schedule (read-only). */
  scope: "company" | "schedule";
};

/** Every row (the company's and the schedule's) that could apply to any of these HSN codes. */
export async function loadTaxRates(db: Db, companyId: string, hsnCodes: readonly string[]): Promise<TaxRate[]> {
  const prefixes = [...new Set(hsnCodes.flatMap((h) => hsnPrefixes(h)))];
  if (prefixes.length === 0) return [];
  return db.taxRate.findMany({ where: { hsnPrefix: { in: prefixes }, OR: [{ companyId }, { companyId: null }] } });
}

export function toTaxRateView(r: TaxRate): TaxRateView {
  return {
    id: r.id,
    hsnPrefix: r.hsnPrefix,
    gstRate: r.gstRate.toFixed(2),
    cessRate: r.cessRate.toFixed(2),
    effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10),
    source: r.source,
    scope: r.companyId ? "company" : "schedule",
  };
}

export async function listTaxRates(ctx: Ctx, q: unknown = {}): Promise<TaxRateView[]> {
  assertCan(ctx.actor, "billing.read");
  const f = parseInput(listTaxRatesInput, q ?? {});
  const owners = f.scope === "company" ? [{ companyId: ctx.actor.companyId }] : f.scope === "schedule" ? [{ companyId: null }] : [{ companyId: ctx.actor.companyId }, { companyId: null }];
  const rows = await ctx.db.taxRate.findMany({
    where: { OR: owners, ...(f.q ? { hsnPrefix: { startsWith: f.q } } : {}) },
    orderBy: [{ hsnPrefix: "asc" }, { effectiveFrom: "desc" }],
    take: 500,
  });
  return rows.map(toTaxRateView);
}

export async function addTaxRate(ctx: Ctx, input: unknown): Promise<TaxRateView> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(addTaxRateInput, input);
  if (!isCalendarDay(data.effectiveFrom)) throw new AppError("validation", "Effective from is not a calendar day", { fieldErrors: { effectiveFrom: ["Not a calendar day"] } });
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.taxRate.findFirst({ where: { companyId, hsnPrefix: data.hsnPrefix, effectiveFrom: dayToDbDate(data.effectiveFrom) } });
    if (existing) throw new AppError("conflict", `There is already a rate for HSN ${data.hsnPrefix} from ${data.effectiveFrom}; delete it first`, { fieldErrors: { effectiveFrom: ["A rate from this day exists"] } });
    const row = await tx.taxRate.create({
      data: {
        companyId,
        hsnPrefix: data.hsnPrefix,
        gstRate: new Prisma.Decimal(data.gstRate),
        cessRate: new Prisma.Decimal(data.cessRate ?? "0"),
        effectiveFrom: dayToDbDate(data.effectiveFrom),
        source: data.source ?? null,
      },
    });
    await recordAudit(ctx, tx, { action: "tax_rate.create", entityType: "TaxRate", entityId: row.id, companyId, after: toTaxRateView(row) });
    return toTaxRateView(row);
  });
}

/** Deletes one of the company's own rows. Issued invoices keep their rate (it is on the line). */
export async function deleteTaxRate(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    const row = await tx.taxRate.findFirst({ where: { id, OR: [{ companyId }, { companyId: null }] } });
    if (!row) throw notFound("Tax rate");
    if (!row.companyId) throw new AppError("forbidden", "The published GST schedule is read-only; add a company rate to override it");
    await tx.taxRate.delete({ where: { id, companyId } });
    await recordAudit(ctx, tx, { action: "tax_rate.delete", entityType: "TaxRate", entityId: id, companyId, before: toTaxRateView(row) });
  });
}
