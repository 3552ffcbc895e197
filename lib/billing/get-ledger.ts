import "server-only";
// The retailer ledger (statement of account) of one connection: the balance carried in from before
// `from`, every issued invoice, debit note, credit note, recorded receipt and refund from `from` to
// `to` ordered by date then number, with a running balance, totals, the closing balance and the
// ageing of that balance as of `to` (buckets + unapplied credit = closing balance).
// Cancelled documents and voided payments are left out. Default range: this financial year to today.
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ageingByConnection, zeroBuckets } from "@/lib/billing/ageing-sql";
import type { LedgerEntry, LedgerEntryKind, LedgerView } from "@/lib/billing/ledger-types";
import { getBalanceBefore } from "@/lib/billing/outstanding";
import { ledgerRangeInput, paymentMethodLabels } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentMethod } from "@/lib/generated/prisma/enums";
import { financialYearStartYear, isCalendarDay, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;

/** Staff (billing.read): the ledger of one of the company's connections. */
export async function getLedger(ctx: Ctx, input: { connectionId: string; from?: string; to?: string }): Promise<LedgerView> {
  assertCan(ctx.actor, "billing.read");
  const companyId = ctx.actor.companyId;
  const connectionId = typeof input?.connectionId === "string" ? input.connectionId : "";
  if (!connectionId || connectionId.length > 64) throw notFound("Retailer");
  const range = parseRange(ctx, { from: input.from, to: input.to });
  const connection = await ctx.db.connection.findFirst({ where: { id: connectionId, companyId }, select: { id: true } });
  if (!connection) throw notFound("Retailer");
  return buildLedger(ctx, connection.id, range);
}

/** A retailer user: its own ledger with the vendor whose public code is `vendorCode`. */
export async function getMyLedger(ctx: Ctx, vendorCode: string, input: { from?: string; to?: string } = {}): Promise<LedgerView> {
  const actor: Actor = ctx.actor;
  if (actor.kind !== "retailer") throw new AppError("forbidden", "This is for retailer users");
  const range = parseRange(ctx, input);
  const connection = await ctx.db.connection.findFirst({ where: { retailerId: actor.retailerId, company: { code: String(vendorCode ?? "").toUpperCase() } }, select: { id: true } });
  if (!connection) throw notFound("Vendor");
  return buildLedger(ctx, connection.id, range);
}

function parseRange(ctx: Ctx, input: { from?: string; to?: string }): { from: string; to: string } {
  const data = parseInput(ledgerRangeInput, { from: input.from || undefined, to: input.to || undefined });
  const today = istDay(ctx.now());
  const to = data.to ?? today;
  const from = data.from ?? financialYearStart(to);
  for (const [field, day] of [["from", from], ["to", to]] as const) {
    if (!isCalendarDay(day)) throw new AppError("validation", `${field === "from" ? "From" : "To"} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  if (from > to) throw new AppError("validation", "From must be on or before To", { fieldErrors: { from: ["Must be on or before To"] } });
  return { from, to };
}

/** 1 April of the Indian financial year `day` falls in. */
export function financialYearStart(day: string): string {
  return `${financialYearStartYear(day)}-04-01`;
}

type EntryRow = {
  day: string;
  kind: LedgerEntryKind;
  number: string;
  id: string;
  amount: string;
  dueDate: string | null;
  open: string | null;
  method: PaymentMethod | null;
  reference: string | null;
  orderNumber: string | null;
  originalNumber: string | null;
  noteReason: string | null;
};

async function buildLedger(ctx: Ctx, connectionId: string, range: { from: string; to: string }): Promise<LedgerView> {
  const connection = await ctx.db.connection.findUniqueOrThrow({ where: { id: connectionId }, include: { retailer: true, company: true } });
  const companyId = connection.companyId;
  const today = istDay(ctx.now());
  const [opening, rows, ageing] = await Promise.all([
    getBalanceBefore(ctx.db, { companyId, connectionId, day: range.from }),
    ctx.db.$queryRaw<EntryRow[]>`
      SELECT to_char(i."issueDate", 'YYYY-MM-DD') AS day, lower(i.type::text) AS kind, i.number, i.id, i."grandTotal"::text AS amount,
             CASE WHEN i.type = 'CREDIT_NOTE' THEN NULL ELSE to_char(i."dueDate", 'YYYY-MM-DD') END AS "dueDate",
             CASE WHEN i.type = 'CREDIT_NOTE' THEN NULL ELSE (i."grandTotal" - i."settledAmount")::text END AS open,
             NULL::"PaymentMethod" AS method, NULL AS reference, o.number AS "orderNumber", oi.number AS "originalNumber", i."noteReason"
      FROM "Invoice" i
      LEFT JOIN "Order" o ON o.id = i."orderId"
      LEFT JOIN "Invoice" oi ON oi.id = i."originalInvoiceId"
      WHERE i."companyId" = ${companyId} AND i."connectionId" = ${connectionId} AND i.status = 'ISSUED'
        AND i."issueDate" BETWEEN ${range.from}::date AND ${range.to}::date
      UNION ALL
      SELECT to_char(p."paidOn", 'YYYY-MM-DD'), lower(p.kind::text), p.number, p.id, p.amount::text, NULL, NULL, p.method, p.reference, NULL, NULL, NULL
      FROM "Payment" p
      WHERE p."companyId" = ${companyId} AND p."connectionId" = ${connectionId} AND p.status = 'RECORDED'
        AND p."paidOn" BETWEEN ${range.from}::date AND ${range.to}::date
      ORDER BY day, number, id`,
    ageingByConnection(ctx.db, { companyId, connectionId }, range.to, today),
  ]);

  let balance = new D(opening);
  let debit = new D(0);
  let credit = new D(0);
  const entries: LedgerEntry[] = rows.map((r) => {
    const amount = new D(r.amount);
    const isDebit = r.kind === "invoice" || r.kind === "debit_note" || r.kind === "refund";
    balance = isDebit ? balance.plus(amount) : balance.minus(amount);
    if (isDebit) debit = debit.plus(amount);
    else credit = credit.plus(amount);
    return {
      date: r.day,
      kind: r.kind,
      number: r.number,
      documentId: r.id,
      description: describe(r),
      debit: isDebit ? amount.toFixed(2) : "0.00",
      credit: isDebit ? "0.00" : amount.toFixed(2),
      balance: balance.toFixed(2),
      dueDate: r.dueDate,
      open: r.open === null ? null : new D(r.open).toFixed(2),
    };
  });

  const c = connection.company;
  const r = connection.retailer;
  return {
    vendor: { companyId: c.id, code: c.code, name: c.tradeName ?? c.legalName, gstin: c.gstin, address: address([c.addressLine1, c.addressLine2, c.city, c.pincode]) },
    retailer: { connectionId, retailerId: r.id, name: r.tradeName ?? r.legalName, gstin: r.gstin, customerCode: connection.customerCode, address: address([r.addressLine1, r.addressLine2, r.city, r.pincode]) },
    from: range.from,
    to: range.to,
    openingBalance: new D(opening).toFixed(2),
    entries,
    totals: { debit: debit.toFixed(2), credit: credit.toFixed(2) },
    closingBalance: balance.toFixed(2),
    ageing: ageing.get(connectionId) ?? zeroBuckets(),
    generatedAt: ctx.now().toISOString(),
  };
}

const noteReasons: Record<string, string> = { RETURN: "Return", RATE_DIFFERENCE: "Rate difference", DISCOUNT: "Discount", DEFICIENCY: "Deficiency", OTHER: "Other" };

function describe(r: EntryRow): string {
  const reason = r.noteReason ? ` — ${noteReasons[r.noteReason] ?? r.noteReason}` : "";
  const against = r.originalNumber ? ` against ${r.originalNumber}` : "";
  const how = r.method ? paymentMethodLabels[r.method] + (r.reference ? ` ${r.reference}` : "") : "";
  switch (r.kind) {
    case "invoice":
      return r.orderNumber ? `Tax invoice (${r.orderNumber})` : "Tax invoice";
    case "debit_note":
      return `Debit note${against}${reason}`;
    case "credit_note":
      return `Credit note${against}${reason}`;
    case "receipt":
      return `Receipt — ${how}`;
    case "refund":
      return `Refund — ${how}`;
  }
}

function address(parts: (string | null)[]): string {
  return parts.filter((p) => p && p.trim()).join(", ");
}
