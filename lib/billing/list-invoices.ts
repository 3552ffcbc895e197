import "server-only";
// The invoices list (vendor Invoices / Credit notes / Debit notes tabs, the portal, the API): type,
// status, payment and e-invoice filters, a text search, issue-date range, sort and pages. Every query
// leads with the tenant (companyId for staff, retailerId for a retailer), which the
// (companyId, type, issueDate desc, id) and (retailerId, issueDate desc) indexes answer.
import type { Actor } from "@/lib/auth/actor";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { listInvoicesInput, type ListInvoicesInput } from "@/lib/billing/billing.schemas";
import { paymentStatusOf, settlementOf, type PaymentStatus } from "@/lib/billing/invoice-views";
import type { BuyerSnapshot, SellerSnapshot } from "@/lib/billing/parties";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { LIST_COUNT_CAP } from "@/lib/http/pagination";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EInvoiceStatus, InvoiceStatus, InvoiceType } from "@/lib/generated/prisma/enums";
import { dayToDbDate, isCalendarDay, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";


export type InvoiceListItem = {
  id: string;
  type: InvoiceType;
  number: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  retailer: { id: string; name: string; gstin: string | null; customerCode: string | null };
  vendor: { code: string; name: string };
  order: { id: string; number: string } | null;
  original: { id: string; number: string } | null;
  taxable: string;
  tax: string;
  grandTotal: string;
  balanceDue: string;
  paymentStatus: PaymentStatus;
  overdueDays: number;
  eInvoiceStatus: EInvoiceStatus;
};

export const invoiceTypeTabs = ["all", "invoice", "credit_note", "debit_note"] as const;
/** The tabs but "all", as the document types they count. */
const documentTypes = ["INVOICE", "CREDIT_NOTE", "DEBIT_NOTE"] as const satisfies readonly InvoiceType[];
export type InvoiceTypeTab = (typeof invoiceTypeTabs)[number];
/** counts and total stop at LIST_COUNT_CAP: a capped one (countsCapped, totalIsCapped) is a lower bound. */
export type ListInvoicesResult = { data: InvoiceListItem[]; total: number; totalIsCapped: boolean; counts: Record<InvoiceTypeTab, number>; countsCapped: Record<InvoiceTypeTab, boolean> };

export async function listInvoices(ctx: Ctx, input: ListInvoicesInput | unknown = {}): Promise<ListInvoicesResult> {
  const scope = invoiceScope(ctx.actor);
  const q = parseInput(listInvoicesInput, input ?? {});
  for (const field of ["from", "to"] as const) {
    const day = q[field];
    if (day && !isCalendarDay(day)) throw new AppError("validation", `${field === "from" ? "From" : "To"} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  const today = dayToDbDate(istDay(ctx.now()));
  const base = baseWhere(ctx, ctx.actor, scope, q, today);
  const where: Prisma.InvoiceWhereInput = { AND: [base, typeWhere(q.type)] };
  const [field, dir] = q.sort.startsWith("-") ? [q.sort.slice(1), "desc" as const] : [q.sort, "asc" as const];

  // The tab counts, per type under the same filters, each capped (LIST_COUNT_CAP); the current tab's is the total.
  const [rows, perType] = await Promise.all([
    ctx.db.invoice.findMany({
      where,
      orderBy: [{ [field]: dir }, { number: dir }, { id: dir }],
      skip: q.offset,
      take: q.pageSize,
      select: {
        id: true, type: true, number: true, status: true, issueDate: true, dueDate: true, retailerId: true, buyer: true, seller: true, buyerGstin: true,
        taxableTotal: true, cgstTotal: true, sgstTotal: true, igstTotal: true, cessTotal: true, grandTotal: true, settledAmount: true, eInvoiceStatus: true,
        company: { select: { code: true } },
        order: { select: { id: true, number: true } },
        originalInvoice: { select: { id: true, number: true } },
      },
    }),
    tabCounts(ctx, baseWhereSql(ctx.actor, scope, q, istDay(ctx.now()))),
  ]);
  const [invoice, creditNote, debitNote] = perType as [number, number, number];
  const found: Record<InvoiceTypeTab, number> = { all: invoice + creditNote + debitNote, invoice, credit_note: creditNote, debit_note: debitNote };
  const counts = Object.fromEntries(invoiceTypeTabs.map((t) => [t, Math.min(found[t], LIST_COUNT_CAP)])) as Record<InvoiceTypeTab, number>;
  const countsCapped = Object.fromEntries(invoiceTypeTabs.map((t) => [t, found[t] > LIST_COUNT_CAP])) as Record<InvoiceTypeTab, boolean>;

  return {
    total: counts[q.type],
    totalIsCapped: countsCapped[q.type],
    counts,
    countsCapped,
    data: rows.map((r) => {
      const buyer = r.buyer as BuyerSnapshot;
      const seller = r.seller as SellerSnapshot;
      const { balance, overdueDays } = settlementOf(r, today);
      return {
        id: r.id,
        type: r.type,
        number: r.number,
        status: r.status,
        issueDate: day(r.issueDate),
        dueDate: day(r.dueDate),
        retailer: { id: r.retailerId, name: buyer.tradeName ?? buyer.legalName, gstin: r.buyerGstin, customerCode: buyer.customerCode },
        vendor: { code: r.company.code, name: seller.tradeName ?? seller.legalName },
        order: r.order,
        original: r.originalInvoice,
        taxable: r.taxableTotal.toFixed(2),
        tax: r.cgstTotal.plus(r.sgstTotal).plus(r.igstTotal).plus(r.cessTotal).toFixed(2),
        grandTotal: r.grandTotal.toFixed(2),
        balanceDue: balance.toFixed(2),
        paymentStatus: paymentStatusOf(r.type, r.grandTotal, r.settledAmount),
        overdueDays,
        eInvoiceStatus: r.eInvoiceStatus,
      };
    }),
  };
}

export type Query = ReturnType<typeof listInvoicesInput.parse>;

export function typeWhere(type: Query["type"]): Prisma.InvoiceWhereInput {
  if (type === "all") return {};
  return { type: type.toUpperCase() as InvoiceType };
}

/** Every filter except the type tab (the tabs count under the same filters). */
export function baseWhere(ctx: Ctx, actor: Actor, scope: ReturnType<typeof invoiceScope>, q: Query, today: Date): Prisma.InvoiceWhereInput {
  const and: Prisma.InvoiceWhereInput[] = [scope];
  const fields = ctx.db.invoice.fields;
  if (q.connectionId) and.push({ connectionId: q.connectionId });
  if (q.vendorCode && actor.kind === "retailer") and.push({ company: { code: q.vendorCode } });
  if (q.orderId) and.push({ orderId: q.orderId });
  if (q.status) and.push({ status: q.status === "issued" ? "ISSUED" : "CANCELLED" });
  if (q.eInvoiceStatus) and.push({ eInvoiceStatus: q.eInvoiceStatus });
  if (q.from) and.push({ issueDate: { gte: dayToDbDate(q.from) } });
  if (q.to) and.push({ issueDate: { lte: dayToDbDate(q.to) } });
  if (q.payment === "unpaid") and.push({ settledAmount: 0 });
  if (q.payment === "partly_paid") and.push({ settledAmount: { gt: 0, lt: fields.grandTotal } });
  if (q.payment === "paid") and.push({ settledAmount: { gte: fields.grandTotal } });
  if (q.payment === "overdue") and.push({ type: { in: ["INVOICE", "DEBIT_NOTE"] }, status: "ISSUED", dueDate: { lt: today }, settledAmount: { lt: fields.grandTotal } });
  const text = q.q?.trim();
  if (text) {
    const or: Prisma.InvoiceWhereInput[] = [
      { number: { startsWith: text.toUpperCase() } },
      { buyerName: { contains: text, mode: "insensitive" } },
      { buyerGstin: { startsWith: text.toUpperCase() } },
    ];
    // Digits alone are a running number (six digits, five for a 4-character series).
    if (/^\d{1,6}$/.test(text)) or.push({ number: { endsWith: `/${text.padStart(6, "0")}` } }, { number: { endsWith: `/${text.padStart(5, "0")}` } });
    and.push({ OR: or });
  }
  return { AND: and };
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Each type's count under the filters, stopping at LIST_COUNT_CAP + 1, in one statement: no ORDER BY,
 * so each count reads at most 1,001 index entries (Prisma's count with `take` orders by id first and
 * then may read every match).
 */
async function tabCounts(ctx: Ctx, where: Prisma.Sql): Promise<number[]> {
  const one = (type: InvoiceType) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Invoice" i WHERE ${where} AND i.type = ${type}::"InvoiceType" LIMIT ${LIST_COUNT_CAP + 1}) s)`;
  const [row] = await ctx.db.$queryRaw<{ counts: number[] }[]>`SELECT ARRAY[${Prisma.join(documentTypes.map(one))}] AS counts`;
  return row!.counts;
}

/**
 * baseWhere in SQL, for the counts (tests/integration/invoices.test.ts checks that both select the same
 * documents under every filter). Text matches as Prisma's startsWith/contains do.
 */
export function baseWhereSql(actor: Actor, scope: ReturnType<typeof invoiceScope>, q: Query, today: string): Prisma.Sql {
  const and: Prisma.Sql[] = ["companyId" in scope ? Prisma.sql`i."companyId" = ${scope.companyId}` : Prisma.sql`i."retailerId" = ${scope.retailerId}`];
  if (q.connectionId) and.push(Prisma.sql`i."connectionId" = ${q.connectionId}`);
  if (q.vendorCode && actor.kind === "retailer") and.push(Prisma.sql`i."companyId" IN (SELECT id FROM "Company" WHERE code = ${q.vendorCode})`);
  if (q.orderId) and.push(Prisma.sql`i."orderId" = ${q.orderId}`);
  if (q.status) and.push(Prisma.sql`i.status = ${q.status === "issued" ? "ISSUED" : "CANCELLED"}::"InvoiceStatus"`);
  if (q.eInvoiceStatus) and.push(Prisma.sql`i."eInvoiceStatus" = ${q.eInvoiceStatus}::"EInvoiceStatus"`);
  // Calendar days as text cast to date: a Date parameter would be compared in the session's time zone.
  if (q.from) and.push(Prisma.sql`i."issueDate" >= ${q.from}::date`);
  if (q.to) and.push(Prisma.sql`i."issueDate" <= ${q.to}::date`);
  if (q.payment === "unpaid") and.push(Prisma.sql`i."settledAmount" = 0`);
  if (q.payment === "partly_paid") and.push(Prisma.sql`i."settledAmount" > 0 AND i."settledAmount" < i."grandTotal"`);
  if (q.payment === "paid") and.push(Prisma.sql`i."settledAmount" >= i."grandTotal"`);
  if (q.payment === "overdue") and.push(Prisma.sql`i.type IN ('INVOICE', 'DEBIT_NOTE') AND i.status = 'ISSUED' AND i."dueDate" < ${today}::date AND i."settledAmount" < i."grandTotal"`);
  const text = q.q?.trim();
  if (text) {
    const upper = text.toUpperCase();
    const or = [Prisma.sql`i.number LIKE (${upper} || '%')`, Prisma.sql`i."buyerName" ILIKE ('%' || ${text} || '%')`, Prisma.sql`i."buyerGstin" LIKE (${upper} || '%')`];
    if (/^\d{1,6}$/.test(text)) or.push(Prisma.sql`i.number LIKE ('%' || ${`/${text.padStart(6, "0")}`})`, Prisma.sql`i.number LIKE ('%' || ${`/${text.padStart(5, "0")}`})`);
    and.push(Prisma.sql`(${Prisma.join(or, " OR ")})`);
  }
  return Prisma.join(and, " AND ");
}
