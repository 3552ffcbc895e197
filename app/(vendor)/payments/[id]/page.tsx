import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getPaymentOrThrow } from "@/lib/billing/get-payment-or-throw";
import { getReceivableAccount } from "@/lib/billing/get-receivable-account";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import type { PaymentView } from "@/lib/billing/payment-views";
import { paymentMethodLabels } from "@/lib/billing/payments.schemas";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import { istDay } from "@/lib/pricing/dates";
import { one, type SearchParams } from "@/lib/search-params";
import { ReallocateButton, VoidButton } from "./payment-actions";

export const metadata: Metadata = { title: "Payment" };

const docLabels: Record<PaymentView["allocations"][number]["documentType"], string> = { INVOICE: "Invoice", DEBIT_NOTE: "Debit note", CREDIT_NOTE: "Credit note", RECEIPT: "Receipt", REFUND: "Refund" };

export default async function PaymentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const { id } = await params;
  const sp = await searchParams;
  const ctx = makeCtx(actor);
  const payment = await getPaymentOrThrow(ctx, id).catch((e: unknown) => (e instanceof AppError && e.code === "not_found" ? null : Promise.reject(e)));
  if (!payment) notFound();
  const canWrite = can(actor, "payments.write");
  const receipt = payment.kind === "RECEIPT";
  const recorded = payment.status === "RECORDED";
  const account = canWrite && receipt && recorded ? await getReceivableAccount(ctx, payment.connectionId, { reallocating: payment.id }) : null;
  // What a reallocation can spread: the amount less what stays with refunds it funded.
  const refundFunded = payment.allocations.filter((a) => a.documentType === "REFUND").reduce((s, a) => s + (toPaise(a.amount) ?? 0n), 0n);
  const available = fromPaise((toPaise(payment.amount) ?? 0n) - refundFunded);
  const today = istDay(ctx.now());

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/payments${receipt ? "" : "?kind=REFUND"}`} className="text-sm text-slate-500 hover:text-slate-700">
            ← {receipt ? "Receipts" : "Refunds"}
          </Link>
        }
        title={payment.number}
        meta={recorded ? <Badge tone="success">Recorded</Badge> : <Badge tone="danger">Voided</Badge>}
        description={`${receipt ? "Receipt from" : "Refund to"} ${payment.retailer.name} on ${formatDate(payment.paidOn)}`}
        actions={
          <>
            <Link href={`/retailers/${payment.connectionId}/ledger`} className={buttonClasses({ variant: "secondary" })}>
              Ledger
            </Link>
            {account && <ReallocateButton paymentId={payment.id} number={payment.number} available={available} docs={account.openDocuments} today={today} />}
            {canWrite && payment.canVoid && <VoidButton paymentId={payment.id} number={payment.number} kind={payment.kind} />}
          </>
        }
      />
      <div className="mt-6 space-y-6">
        {one(sp.done) === "recorded" && <Alert tone="success">Payment {payment.number} recorded.</Alert>}
        {!recorded && (
          <Alert tone="danger" title="Voided">
            {payment.voidReason} {payment.voidedAt && <span className="text-slate-600">({formatDateTime(payment.voidedAt)})</span>}
          </Alert>
        )}
        {recorded && receipt && !payment.canVoid && <Alert tone="info">This receipt funded a refund, so it cannot be voided until the refund is voided.</Alert>}
        <Card>
          <CardBody>
            <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
            <Item label="Retailer">
              {payment.retailer.name}
              {payment.retailer.customerCode && <span className="block text-xs text-slate-500">{payment.retailer.customerCode}</span>}
            </Item>
            <Item label="Method">
              {paymentMethodLabels[payment.method]}
              {payment.bankName && <span className="block text-xs text-slate-500">{payment.bankName}</span>}
            </Item>
            <Item label="Reference">{payment.reference ?? "—"}</Item>
            <Item label="Amount">
              <span className="text-lg font-semibold tabular-nums">{formatINR(payment.amount)}</span>
            </Item>
            {receipt && (
              <>
                <Item label="Allocated">{formatINR(payment.allocatedAmount)}</Item>
                <Item label="On account">
                  <span className={payment.unallocatedAmount !== "0.00" ? "font-medium text-warning-700" : undefined}>{formatINR(payment.unallocatedAmount)}</span>
                </Item>
              </>
            )}
            {payment.gatewayPaymentId && (
              <Item label="Gateway">
                {payment.gatewayProvider} · {payment.gatewayPaymentId}
              </Item>
            )}
            {payment.notes && (
              <Item label="Notes" wide>
                {payment.notes}
              </Item>
            )}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={receipt ? "What it paid" : "Funded from"} description={receipt ? "Invoices and debit notes this receipt settled, and refunds paid out of it." : "The advance receipts and credit notes this refund paid back."} />
          {payment.allocations.length === 0 ? (
            <EmptyState title={recorded ? "Nothing allocated" : "Allocations released"} description={recorded ? "The whole amount is on account as an advance. Reallocate to pay open invoices." : "Voiding released everything this payment had settled."} />
          ) : (
            <Table wrapperClassName="rounded-none border-0 border-t-0">
              <THead>
                <Tr>
                  <Th>Document</Th>
                  <Th>Type</Th>
                  <Th>Date</Th>
                  <Th numeric>Amount</Th>
                </Tr>
              </THead>
              <TBody>
                {payment.allocations.map((a) => (
                  <Tr key={a.id}>
                    <Td className="font-medium">
                      {a.documentType === "RECEIPT" || a.documentType === "REFUND" ? (
                        <Link href={`/payments/${a.documentId}`} className="text-brand-700 hover:underline">
                          {a.documentNumber}
                        </Link>
                      ) : (
                        <Link href={`/invoices/${a.documentId}`} className="text-brand-700 hover:underline">
                          {a.documentNumber}
                        </Link>
                      )}
                    </Td>
                    <Td muted>{docLabels[a.documentType]}</Td>
                    <Td muted>{formatDate(a.documentDate)}</Td>
                    <Td numeric>{formatINR(a.amount)}</Td>
                  </Tr>
                ))}
              </TBody>
              <TFoot>
                <Tr>
                  <Td colSpan={3} align="right">
                    Total
                  </Td>
                  <Td numeric>{formatINR(payment.allocatedAmount)}</Td>
                </Tr>
              </TFoot>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-4" : undefined}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}
