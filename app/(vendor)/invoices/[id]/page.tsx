import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { EInvoicePanel } from "@/components/billing/einvoice-panel";
import { EInvoiceBadge, InvoiceDocument, PaymentBadge, documentTitles } from "@/components/billing/invoice-document";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatINR } from "@/lib/format";
import { listInvoicePayLinks } from "@/lib/billing/gateway/list-invoice-pay-links";
import { lastSentAt } from "@/lib/billing/gateway/send-pay-link";
import { hasActiveGatewayAccount } from "@/lib/billing/gateway/gateway-accounts";
import { listPendingCreditNotes } from "@/lib/billing/pending-credit-notes";
import { CreditNoteDrafts } from "../_components/credit-note-drafts";
import { EmailAgainButton } from "../_components/email-again-button";
import { PayLinksPanel } from "../../payments/_components/pay-links-panel";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const { id } = await params;
  const invoice = await getInvoiceOrThrow(makeCtx(actor), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const acts = invoice.availableActions;
  const ctx = makeCtx(actor);
  const payLinks = invoice.type === "CREDIT_NOTE" ? [] : await listInvoicePayLinks(ctx, invoice.id);
  const payLinksSentAt = Object.fromEntries(await lastSentAt(ctx, payLinks.map((l) => l.id)));
  const hasGateway = await hasActiveGatewayAccount(ctx.db, actor.companyId);
  const canWrite = can(actor, "billing.write");
  const drafts = invoice.type === "INVOICE" ? await listPendingCreditNotes(ctx, { invoiceId: invoice.id }) : [];
  const canPay = can(actor, "payments.write") && invoice.type !== "CREDIT_NOTE" && invoice.status === "ISSUED" && Number(invoice.balanceDue) > 0;

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/invoices" className="hover:underline">Invoices</Link>}
        title={<>{documentTitles[invoice.type]} <span className="whitespace-nowrap">{invoice.number}</span></>}
        description={`${invoice.buyer.tradeName ?? invoice.buyer.legalName} · ${formatDate(invoice.issueDate)} · ${formatINR(invoice.totals.grandTotal)}`}
        meta={
          <div className="flex flex-wrap gap-1.5">
            <PaymentBadge status={invoice.paymentStatus} overdueDays={invoice.overdueDays} cancelled={invoice.status === "CANCELLED"} />
            <EInvoiceBadge status={invoice.eInvoice.status} />
          </div>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {canPay && (
              <Link href={`/payments/new?retailer=${invoice.connectionId}`} className={buttonClasses()}>
                Record payment
              </Link>
            )}
            <a href={`/api/v1/invoices/${invoice.id}/pdf`} className={buttonClasses({ variant: "secondary" })}>
              Download PDF
            </a>
            {canWrite && acts.includes("email") && invoice.status === "ISSUED" && <EmailAgainButton invoiceId={invoice.id} />}
            <Link href={`/retailers/${invoice.connectionId}/ledger`} className={buttonClasses({ variant: "ghost" })}>
              Ledger
            </Link>
            {acts.includes("credit_note") && (
              <Link href={`/invoices/${invoice.id}/credit-note`} className={buttonClasses({ variant: "secondary" })}>
                Credit note
              </Link>
            )}
            {acts.includes("debit_note") && (
              <Link href={`/invoices/${invoice.id}/debit-note`} className={buttonClasses({ variant: "secondary" })}>
                Debit note
              </Link>
            )}
          </div>
        }
      />
      <CreditNoteDrafts drafts={drafts} canWrite={canWrite && invoice.status === "ISSUED"} />
      {invoice.status === "CANCELLED" && (
        <Alert tone="danger" className="mb-4" title="Cancelled">
          {invoice.cancelReason ?? "This document was cancelled."}
        </Alert>
      )}
      <div className="grid items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_20rem]">
        <InvoiceDocument invoice={invoice} basePath="/invoices" orderHref={(orderId) => `/orders/${orderId}`} />
        <div className="grid items-start gap-6 lg:grid-cols-2 2xl:grid-cols-1">
          <EInvoicePanel invoiceId={invoice.id} type={invoice.type} status={invoice.status} eInvoice={invoice.eInvoice} canWrite={canWrite} />
          {invoice.type !== "CREDIT_NOTE" && (payLinks.length > 0 || canPay) && (
            <PayLinksPanel target={{ invoiceId: invoice.id }} links={payLinks} due={invoice.balanceDue} canCreate={canPay} canTakeMoney={can(actor, "payments.write")} hasGateway={hasGateway} sentAt={payLinksSentAt} />
          )}
          {invoice.type === "INVOICE" && (
            <Card>
              <CardHeader title="Notes issued" description={invoice.notesIssued.length ? undefined : "No credit or debit notes against this invoice."} />
              {invoice.notesIssued.length > 0 && (
                <ul className="divide-y divide-slate-100 text-sm">
                  {invoice.notesIssued.map((n) => (
                    <li key={n.id} className="flex items-center justify-between gap-3 px-5 py-2.5">
                      <div>
                        <Link href={`/invoices/${n.id}`} className="font-mono text-[13px] text-brand-700 hover:underline">
                          {n.number}
                        </Link>
                        <span className="block text-xs text-slate-500">
                          {n.type === "CREDIT_NOTE" ? "Credit note" : "Debit note"} · {formatDate(n.issueDate)}
                          {n.status === "CANCELLED" ? " · cancelled" : ""}
                        </span>
                      </div>
                      <span className="tabular-nums">{formatINR(n.total)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {invoice.status === "ISSUED" && (
                <p className="border-t border-slate-100 px-5 py-2.5 text-xs text-slate-500">Still creditable: {formatINR(invoice.creditableAmount)}</p>
              )}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
