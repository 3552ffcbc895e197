import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PaymentBadge } from "@/components/billing/invoice-document";
import { ClipboardIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { countLabel, LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Select } from "@/components/ui/select";
import { requireRetailer } from "@/lib/auth/session";
import { invoiceTypeTabs, listInvoices, type InvoiceTypeTab } from "@/lib/billing/list-invoices";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { listMyVendors } from "@/lib/network/my-vendors";
import { vendorsTakingOnlinePayments } from "@/lib/billing/gateway/gateway-accounts";
import { PayNowButton } from "../_components/pay-now-button";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Invoices" };

const PAGE_SIZE = 20;
const tabLabels: Record<InvoiceTypeTab, string> = { all: "All", invoice: "Invoices", credit_note: "Credit notes", debit_note: "Debit notes" };

export default async function PortalInvoicesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const type: InvoiceTypeTab = (invoiceTypeTabs as readonly string[]).includes(one(sp.type) ?? "") ? (one(sp.type) as InvoiceTypeTab) : "all";
  const page = Math.min(pageFrom(one(sp.page)), 4000);
  const vendors = (await listMyVendors(ctx)).filter((v) => v.status !== "PENDING");
  const vendorCode = vendors.find((v) => v.vendor.code === (one(sp.vendor) ?? "").toUpperCase())?.vendor.code ?? "";
  const result = await listInvoices(ctx, { type, vendorCode: vendorCode || undefined, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const online = await vendorsTakingOnlinePayments(ctx.db, [...new Set(result.data.map((r) => r.vendor.code))]);
  const href = hrefBuilder("/portal/invoices", { type: type === "all" ? undefined : type, vendor: vendorCode || undefined });

  return (
    <>
      <PageHeader title="Invoices" description="Tax invoices, credit notes and debit notes from your vendors, with what is still to pay." />
      <LinkTabs label="Document type" items={invoiceTypeTabs.map((t) => ({ href: href({ type: t === "all" ? undefined : t, page: undefined }), label: tabLabels[t], count: countLabel({ count: result.counts[t], capped: result.countsCapped[t] }), active: t === type }))} />
      {vendors.length > 1 && (
        <form method="get" className="mt-4 flex items-end gap-2">
          {type !== "all" && <input type="hidden" name="type" value={type} />}
          <label className="w-64">
            <span className="sr-only">Vendor</span>
            <Select name="vendor" defaultValue={vendorCode} placeholder="All vendors" options={vendors.map((v) => ({ value: v.vendor.code, label: v.vendor.name }))} />
          </label>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      )}
      {result.data.length === 0 ? (
        <Card className="mt-4">
          <EmptyState icon={<ClipboardIcon className="size-6" />} title="No documents yet" description="Invoices your vendors issue for your orders show up here, with a PDF to download." />
        </Card>
      ) : (
        <Card className="relative mt-4 overflow-x-auto">
          <table className="w-full min-w-[680px] text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2.5 text-left font-medium">Number</th>
                <th className="px-3 py-2.5 text-left font-medium">Vendor</th>
                <th className="px-3 py-2.5 text-left font-medium">Date</th>
                <th className="px-3 py-2.5 text-right font-medium">Total</th>
                <th className="px-3 py-2.5 text-right font-medium">Balance</th>
                <th className="px-3 py-2.5 text-left font-medium">Status</th>
                <th className="px-3 py-2.5"><span className="sr-only">Pay</span></th>
                <th className="px-4 py-2.5"><span className="sr-only">PDF</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2.5">
                    <Link href={`/portal/invoices/${r.id}`} className="font-mono text-[13px] font-medium hover:text-brand-700 hover:underline">{r.number}</Link>
                    {r.type !== "INVOICE" && <span className="block text-xs text-slate-500">{r.type === "CREDIT_NOTE" ? "Credit note" : "Debit note"}</span>}
                  </td>
                  <td className="px-3 py-2.5">{r.vendor.name}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-slate-600">{formatDate(r.issueDate)}{r.type !== "CREDIT_NOTE" && r.status === "ISSUED" && <span className="block text-xs">due {formatDate(r.dueDate)}</span>}</td>
                  <td className="px-3 py-2.5 text-right font-medium tabular-nums">{formatINR(r.grandTotal)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{formatINR(r.balanceDue)}</td>
                  <td className="px-3 py-2.5"><PaymentBadge status={r.paymentStatus} overdueDays={r.overdueDays} cancelled={r.status === "CANCELLED"} /></td>
                  <td className="px-3 py-2.5 text-right">{r.type !== "CREDIT_NOTE" && r.status === "ISSUED" && Number(r.balanceDue) > 0 && online.has(r.vendor.code) && <PayNowButton invoiceId={r.id} size="sm" />}</td>
                  <td className="px-4 py-2.5 text-right"><a className="text-brand-700 hover:underline" href={`/api/v1/invoices/${r.id}/pdf`}>PDF</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} noun="documents" capped={result.totalIsCapped ? { shown: result.data.length } : undefined} hrefFor={(p) => href({ page: p })} />
    </>
  );
}
