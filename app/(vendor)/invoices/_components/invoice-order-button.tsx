"use client";
// "Invoice" on a row of the invoiceable orders: everything left on the order, shown as the invoice it
// will be (number, tax split, grand total) before the click that issues it, then to the invoice.
import { useRouter } from "next/navigation";
import { IssueWithPreview } from "@/components/billing/issue-with-preview";
import { invoiceOrderAction, previewOrderInvoiceAction } from "../actions";

export function InvoiceOrderButton({ orderId, label }: { orderId: string; label: string }) {
  const router = useRouter();
  return (
    <IssueWithPreview
      label="Invoice…"
      ariaLabel={label}
      size="sm"
      preview={() => previewOrderInvoiceAction(orderId, {})}
      issue={() => invoiceOrderAction(orderId, {})}
      onIssued={(id) => router.push(`/invoices/${id}`)}
    />
  );
}
