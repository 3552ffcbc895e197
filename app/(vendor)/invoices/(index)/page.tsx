import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { EInvoiceBadge, PaymentBadge } from "@/components/billing/invoice-document";
import { ClipboardIcon, PlusIcon } from "@/components/shell/icons";
import { ExportLinks } from "@/components/reports/export-links";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { countLabel, LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { listInvoicesInput } from "@/lib/billing/billing.schemas";
import { MAX_ZIP_DOCUMENTS } from "@/lib/billing/zip-limits";
import { invoiceTypeTabs, listInvoices, type InvoiceTypeTab } from "@/lib/billing/list-invoices";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { SelectAllCheckbox, SelectRowCheckbox } from "@/components/bulk/bulk-selection";
import { InvoiceBulk } from "../_components/invoice-bulk";
import { InvoiceFilters } from "../_components/invoice-filters";

export const metadata: Metadata = { title: "Invoices" };

const PAGE_SIZE = 25;
const tabLabels: Record<InvoiceTypeTab, string> = { all: "All", invoice: "Invoices", credit_note: "Credit notes", debit_note: "Debit notes" };
const empty: Record<InvoiceTypeTab, { title: string; description: string }> = {
  all: { title: "No GST documents yet", description: "Invoice a packed order, or raise a direct invoice for a retailer." },
  invoice: { title: "No invoices yet", description: "Invoices made from packed orders and direct invoices show up here." },
  credit_note: { title: "No credit notes", description: "Credit notes for returns, discounts or rate differences are issued from an invoice's page." },
  debit_note: { title: "No debit notes", description: "Debit notes for short-billed quantities or values are issued from an invoice's page." },
};

export default async function InvoicesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const sp = await searchParams;
  const type: InvoiceTypeTab = (invoiceTypeTabs as readonly string[]).includes(one(sp.type) ?? "") ? (one(sp.type) as InvoiceTypeTab) : "all";
  const page = Math.min(pageFrom(one(sp.page)), 4000);
  const raw = { q: one(sp.q) ?? "", payment: one(sp.payment) ?? "", from: one(sp.from) ?? "", to: one(sp.to) ?? "", eInvoiceStatus: one(sp.eInvoiceStatus) ?? "" };
  // A value the list would reject is dropped (and shown as such) instead of failing the page.
  const filters = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v && listInvoicesInput.shape[k as keyof typeof raw].safeParse(v).success ? v : undefined]));
  const result = await listInvoices(makeCtx(actor), { type, ...filters, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const href = hrefBuilder("/invoices", { type: type === "all" ? undefined : type, ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v || undefined])) });
  const canWrite = can(actor, "billing.write");
  const filtered = Object.values(raw).some(Boolean);
  // The ZIP takes exactly the list's filters and tab (GET /api/v1/invoices/pdfs).
  const zipParams = new URLSearchParams(Object.entries({ type: type === "all" ? undefined : type, ...filters }).flatMap(([k, v]) => (v ? [[k, v]] : [])));
  const zipHref = `/api/v1/invoices/pdfs${zipParams.size ? `?${zipParams.toString()}` : ""}`;

  return (
    <>
      <PageHeader
        title="Invoices"
        description="Tax invoices, credit notes and debit notes: GST per line, payment status and e-invoice status."
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks path="/api/v1/invoices/export" noun="documents" params={{ type: type === "all" ? undefined : type, ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v || undefined])) }} />
            {result.total > 0 && result.total <= MAX_ZIP_DOCUMENTS ? (
              <a href={zipHref} download className={buttonClasses({ variant: "secondary" })} aria-label={`Download PDFs (ZIP) of these ${result.total} ${result.total === 1 ? "document" : "documents"}`}>
                Download PDFs (ZIP)
              </a>
            ) : result.total > MAX_ZIP_DOCUMENTS ? (
              <span className="self-center text-sm text-gray-600">{`Narrow the dates to ${MAX_ZIP_DOCUMENTS.toLocaleString("en-IN")} documents to download their PDFs`}</span>
            ) : null}
            {canWrite && (
            <>
              <Link href="/invoices/from-orders" className={buttonClasses({ variant: "secondary" })}>
                Invoice orders
              </Link>
              <Link href="/invoices/new" className={buttonClasses()}>
                <PlusIcon className="size-4" />
                New invoice
              </Link>
            </>
            )}
          </div>
        }
      />
      <LinkTabs label="Document type" items={invoiceTypeTabs.map((t) => ({ href: href({ type: t === "all" ? undefined : t, page: undefined }), label: tabLabels[t], count: countLabel({ count: result.counts[t], capped: result.countsCapped[t] }), active: t === type }))} />
      <InvoiceFilters values={raw} />
      {result.data.length === 0 ? (
        <Card className="mt-4">
          <EmptyState
            icon={<ClipboardIcon className="size-6" />}
            title={filtered ? "Nothing matches these filters" : empty[type].title}
            description={filtered ? "Change or clear the filters to see more." : empty[type].description}
            action={filtered ? <Link href={href({ q: undefined, payment: undefined, from: undefined, to: undefined, eInvoiceStatus: undefined, page: undefined })} className={buttonClasses({ variant: "secondary" })}>Clear filters</Link> : undefined}
          />
        </Card>
      ) : (
        <InvoiceBulk rows={result.data.map((r) => ({ id: r.id, status: r.status, eInvoiceStatus: r.eInvoiceStatus, registeredBuyer: r.retailer.gstin !== null }))} canWrite={canWrite}>
        <Card className="relative mt-4 overflow-x-auto">
          <table className="w-full min-w-[860px] text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th className="w-10 py-2.5 pl-4 text-left font-medium">
                  <SelectAllCheckbox noun="documents" />
                </th>
                <th className="px-4 py-2.5 text-left font-medium">Number</th>
                <th className="px-3 py-2.5 text-left font-medium">Date</th>
                <th className="px-3 py-2.5 text-left font-medium">Retailer</th>
                <th className="px-3 py-2.5 text-left font-medium">Order / against</th>
                <th className="px-3 py-2.5 text-right font-medium">
                  Taxable <span className="block font-normal normal-case">+ GST</span>
                </th>
                <th className="px-3 py-2.5 text-right font-medium">Total</th>
                <th className="px-3 py-2.5 text-right font-medium">Balance</th>
                <th className="px-4 py-2.5 text-left font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50 has-[[data-row-select]:checked]:bg-slate-50 has-[[data-row-select]:checked]:shadow-[inset_3px_0_0_var(--color-brand-600)]">
                  <td className="py-2.5 pl-4">
                    <SelectRowCheckbox id={r.id} label={r.number} />
                  </td>
                  <td className="px-4 py-2.5">
                    <Link href={`/invoices/${r.id}`} className="font-mono text-[13px] font-medium whitespace-nowrap text-slate-900 hover:text-brand-700 hover:underline">
                      {r.number}
                    </Link>
                    {r.type !== "INVOICE" && <span className="block text-xs text-slate-500">{r.type === "CREDIT_NOTE" ? "Credit note" : "Debit note"}</span>}
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-slate-600">{formatDate(r.issueDate)}</td>
                  <td className="px-3 py-2.5">
                    <span className="block min-w-40 font-medium text-slate-900">{r.retailer.name}</span>
                    {r.retailer.customerCode && <span className="block font-mono text-xs text-slate-500">{r.retailer.customerCode}</span>}
                  </td>
                  <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap text-slate-600">
                    {r.original ? <Link className="hover:underline" href={`/invoices/${r.original.id}`}>{r.original.number}</Link> : r.order ? <Link className="hover:underline" href={`/orders/${r.order.id}`}>{r.order.number}</Link> : "—"}
                  </td>
                  <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">
                    {formatINR(r.taxable)}
                    <span className="block text-xs text-slate-500">+ {formatINR(r.tax)}</span>
                  </td>
                  <td className="px-3 py-2.5 text-right font-medium whitespace-nowrap tabular-nums">{formatINR(r.grandTotal)}</td>
                  <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{formatINR(r.balanceDue)}</td>
                  <td className="px-4 py-2.5">
                    <div className="flex flex-col items-start gap-1">
                      <PaymentBadge status={r.paymentStatus} overdueDays={r.overdueDays} cancelled={r.status === "CANCELLED"} />
                      <EInvoiceBadge status={r.eInvoiceStatus} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        </InvoiceBulk>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} noun="documents" capped={result.totalIsCapped ? { shown: result.data.length } : undefined} hrefFor={(p) => href({ page: p })} />
    </>
  );
}
