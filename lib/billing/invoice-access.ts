import "server-only";
// Which GST documents an actor reaches: vendor staff with billing.read reach their company's,
// a retailer user reaches its own business's (from every vendor). Another tenant's document is
// not_found, never forbidden. Every reader of Invoice rows (views, PDF, e-invoice, API) goes
// through invoiceScope / loadInvoiceDocument.
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Tx;

export type InvoiceScope = { companyId: string } | { retailerId: string };

export function invoiceScope(actor: Actor): InvoiceScope {
  if (actor.kind === "staff") {
    assertCan(actor, "billing.read");
    return { companyId: actor.companyId };
  }
  if (actor.kind === "retailer") return { retailerId: actor.retailerId };
  if (actor.companyId) return { companyId: actor.companyId };
  throw new AppError("forbidden", "A company is needed to work with invoices");
}

export const invoiceDocumentArgs = {
  include: {
    lines: { orderBy: { position: "asc" } },
    originalInvoice: { select: { id: true, number: true, issueDate: true, type: true } },
    order: { select: { id: true, number: true } },
  },
} satisfies Prisma.InvoiceDefaultArgs;

/** An invoice or note with its lines, the invoice a note corrects and the order it came from. */
export type InvoiceDocument = Prisma.InvoiceGetPayload<typeof invoiceDocumentArgs>;

export async function loadInvoiceDocument(db: Db, actor: Actor, invoiceId: string): Promise<InvoiceDocument> {
  const row = await db.invoice.findFirst({ where: { id: invoiceId, ...invoiceScope(actor) }, ...invoiceDocumentArgs });
  if (!row) throw notFound("Invoice");
  return row;
}
