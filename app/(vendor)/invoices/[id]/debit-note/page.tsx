import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { istDay } from "@/lib/pricing/dates";
import { NoteForm } from "../../_components/note-form";

export const metadata: Metadata = { title: "Debit note" };

export default async function DebitNotePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.write")) redirect("/invoices");
  const { id } = await params;
  const invoice = await getInvoiceOrThrow(makeCtx(actor), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  if (!invoice.availableActions.includes("debit_note")) redirect(`/invoices/${id}`);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/invoices/${id}`} className="hover:underline">
            {invoice.number}
          </Link>
        }
        title="Debit note"
        description={`Against ${invoice.number} for ${invoice.buyer.tradeName ?? invoice.buyer.legalName} (${formatINR(invoice.totals.grandTotal)}).`}
      />
      <NoteForm kind="debit" invoiceId={id} lines={invoice.lines} today={istDay(new Date())} minDate={invoice.issueDate} />
    </>
  );
}
