import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { InvoiceDocument, PaymentBadge, documentTitles } from "@/components/billing/invoice-document";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { getInvoicePayOptions } from "@/lib/billing/gateway/get-invoice-pay-options";
import { PayLinkBadge, PaymentAttemptBadge } from "@/components/billing/pay-link-status";
import { AutoRefresh } from "../_components/auto-refresh";
import { PayNowButton } from "../_components/pay-now-button";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";

export const metadata: Metadata = { title: "Invoice" };

export default async function PortalInvoicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRetailer();
  const { id } = await params;
  const ctx = makeCtx(actor);
  const invoice = await getInvoiceOrThrow(ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const pay = await getInvoicePayOptions(ctx, id);
  const returned = (await searchParams).paid !== undefined;
  const unpaid = invoice.type !== "CREDIT_NOTE" && invoice.status === "ISSUED" && Number(invoice.balanceDue) > 0;
  const latest = pay.links[0];
  const lastAttempt = latest?.payments.at(-1);
  // A payment on its way: keep re-reading until the webhook job has recorded it.
  const waiting = unpaid && (returned || (latest && (latest.status === "CREATED" || latest.status === "PARTLY_PAID") && latest.payments.some((p) => p.status === "AUTHORIZED" || p.status === "CREATED")));
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/portal/invoices" className="hover:underline">← Invoices</Link>}
        title={<>{documentTitles[invoice.type]} <span className="whitespace-nowrap">{invoice.number}</span></>}
        description={`${invoice.seller.tradeName ?? invoice.seller.legalName} · ${formatDate(invoice.issueDate)}`}
        meta={<PaymentBadge status={invoice.paymentStatus} overdueDays={invoice.overdueDays} cancelled={invoice.status === "CANCELLED"} />}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {unpaid && pay.online && <PayNowButton invoiceId={invoice.id} label={lastAttempt?.status === "FAILED" ? "Try again" : "Pay now"} />}
            <a href={`/api/v1/invoices/${invoice.id}/pdf`} className={buttonClasses({ variant: "secondary" })}>
              Download PDF
            </a>
          </div>
        }
      />
      {waiting && <AutoRefresh />}
      {!unpaid && returned && invoice.status === "ISSUED" && (
        <Alert tone="success" className="mb-4" title="Paid">
          Thank you — your payment is recorded against {invoice.number}.
        </Alert>
      )}
      {unpaid && waiting && (
        <Alert tone="info" className="mb-4" title="Waiting for the payment to be confirmed">
          This page updates by itself as soon as the gateway confirms your payment. You can close it; the payment is recorded either way.
        </Alert>
      )}
      {unpaid && !waiting && lastAttempt?.status === "FAILED" && (
        <Alert tone="danger" className="mb-4" title="The last payment did not go through">
          {lastAttempt.errorReason ?? "The payment failed."} No money was taken. Use “Try again” to pay.
        </Alert>
      )}
      {invoice.status === "CANCELLED" && (
        <Alert tone="danger" className="mb-4" title="Cancelled">
          {invoice.cancelReason ?? "The vendor cancelled this document."}
        </Alert>
      )}
      <InvoiceDocument invoice={invoice} basePath="/portal/invoices" orderHref={(orderId) => `/portal/orders/${orderId}`} />
      {pay.links.some((l) => l.payments.length > 0) && (
        <section className="mt-4 rounded-xl border border-slate-200 bg-white p-4 text-sm" aria-label="Online payments">
          <h2 className="mb-2 font-medium text-slate-900">Online payments</h2>
          <ul className="space-y-1.5">
            {pay.links.flatMap((l) =>
              l.payments.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-2">
                  <PaymentAttemptBadge status={p.status} />
                  <span className="tabular-nums">{formatINR(p.amount)}</span>
                  <span className="text-slate-500">{formatDateTime(p.createdAt)}</span>
                  {l.sandbox && <span className="text-xs text-warning-800">(local payment sandbox)</span>}
                  {p.status === "FAILED" && p.errorReason && <span className="text-xs text-danger-700">{p.errorReason}</span>}
                </li>
              )),
            )}
          </ul>
          {latest && <p className="mt-2 text-xs text-slate-500">Latest pay link: <PayLinkBadge status={latest.status} /></p>}
        </section>
      )}
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
