// The credit-note and debit-note pages: the same screen against an invoice, told which kind it is.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { istDay } from "@/lib/pricing/dates";
import { NoteForm } from "./note-form";

export async function NotePage({ kind, params }: { kind: "credit" | "debit"; params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.write")) redirect("/invoices");
  const { id } = await params;
  const invoice = await getInvoiceOrThrow(makeCtx(actor), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  if (!invoice.availableActions.includes(kind === "credit" ? "credit_note" : "debit_note")) redirect(`/invoices/${id}`);
  const against = `Against ${invoice.number} for ${invoice.buyer.tradeName ?? invoice.buyer.legalName} (${formatINR(invoice.totals.grandTotal)})`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/invoices/${id}`} className="hover:underline">
            {invoice.number}
          </Link>
        }
        title={kind === "credit" ? "Credit note" : "Debit note"}
        description={kind === "credit" ? `${against}; still creditable ${formatINR(invoice.creditableAmount)}.` : `${against}.`}
      />
      <NoteForm kind={kind} invoiceId={id} lines={invoice.lines} today={istDay(new Date())} minDate={invoice.issueDate} />
    </>
  );
}
