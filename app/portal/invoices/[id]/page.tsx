import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceDocument, PaymentBadge, documentTitles } from "@/components/billing/invoice-document";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Invoice" };

export default async function PortalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRetailer();
  const { id } = await params;
  const invoice = await getInvoiceOrThrow(makeCtx(actor), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/portal/invoices" className="hover:underline">← Invoices</Link>}
        title={<>{documentTitles[invoice.type]} <span className="whitespace-nowrap">{invoice.number}</span></>}
        description={`${invoice.seller.tradeName ?? invoice.seller.legalName} · ${formatDate(invoice.issueDate)}`}
        meta={<PaymentBadge status={invoice.paymentStatus} overdueDays={invoice.overdueDays} cancelled={invoice.status === "CANCELLED"} />}
        actions={
          <a href={`/api/v1/invoices/${invoice.id}/pdf`} className={buttonClasses({ variant: "secondary" })}>
            Download PDF
          </a>
        }
      />
      {invoice.status === "CANCELLED" && (
        <Alert tone="danger" className="mb-4" title="Cancelled">
          {invoice.cancelReason ?? "The vendor cancelled this document."}
        </Alert>
      )}
      <InvoiceDocument invoice={invoice} basePath="/portal/invoices" orderHref={(orderId) => `/portal/orders/${orderId}`} />
      {invoice.notesIssued.length > 0 && (
        <p className="mt-4 text-sm text-slate-600">
          Notes against this invoice:{" "}
          {invoice.notesIssued.map((n, i) => (
            <span key={n.id}>
              {i > 0 && ", "}
              <Link className="font-mono text-brand-700 hover:underline" href={`/portal/invoices/${n.id}`}>
                {n.number}
              </Link>
            </span>
          ))}
        </p>
      )}
    </>
  );
}
