import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ClipboardIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listInvoiceableOrders } from "@/lib/billing/list-invoiceable-orders";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { InvoiceOrderButton } from "../_components/invoice-order-button";

export const metadata: Metadata = { title: "Invoice orders" };
const PAGE_SIZE = 25;

export default async function FromOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").slice(0, 100);
  const page = Math.min(pageFrom(one(sp.page)), 4000);
  const result = await listInvoiceableOrders(makeCtx(actor), { q: q || undefined, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const href = hrefBuilder("/invoices/from-orders", { q: q || undefined });
  const canWrite = can(actor, "billing.write");
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/invoices" className="hover:underline">Invoices</Link>}
        title="Invoice orders"
        description="Packed, dispatched and delivered orders with goods not yet invoiced (a taxable supply leaves only once invoiced). Invoice everything left in one click, or choose quantities for a partial invoice."
      />
      <form method="get" className="mb-4 flex gap-2" role="search">
        <input name="q" defaultValue={q} placeholder="Order number or retailer" aria-label="Search orders" className="h-9 w-72 rounded-md border border-slate-300 px-3 text-sm" />
        <button className={buttonClasses({ variant: "secondary" })}>Search</button>
      </form>
      {result.data.length === 0 ? (
        <Card>
          <EmptyState icon={<ClipboardIcon className="size-6" />} title={q ? "No order matches" : "Everything packed is invoiced"} description="Orders show up here once they are packed and until every line is invoiced or returned. A taxable supply is dispatched only once invoiced." />
        </Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full min-w-[760px] text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2.5 text-left font-medium">Order</th>
                <th className="px-3 py-2.5 text-left font-medium">Retailer</th>
                <th className="px-3 py-2.5 text-left font-medium">Dispatched</th>
                <th className="px-3 py-2.5 text-right font-medium">Order total</th>
                <th className="px-3 py-2.5 text-right font-medium">Invoiced</th>
                <th className="px-3 py-2.5 text-right font-medium">Left (before GST)</th>
                <th className="px-4 py-2.5 text-right font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.map((o) => (
                <tr key={o.id}>
                  <td className="px-4 py-2.5">
                    <Link href={`/orders/${o.id}`} className="font-mono text-[13px] font-medium hover:underline">{o.number}</Link>
                    <span className="block text-xs text-slate-500">{o.linesLeft} line{o.linesLeft === 1 ? "" : "s"} left · {o.status.toLowerCase()}</span>
                  </td>
                  <td className="px-3 py-2.5">
                    <span className="font-medium">{o.retailer.name}</span>
                    {o.retailer.customerCode && <span className="block font-mono text-xs text-slate-500">{o.retailer.customerCode}</span>}
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-slate-600">{o.dispatchedAt ? formatDate(o.dispatchedAt) : "—"}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{formatINR(o.grandTotal)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums text-slate-600">{formatINR(o.invoicedTotal)}</td>
                  <td className="px-3 py-2.5 text-right font-medium tabular-nums">{formatINR(o.valueLeft)}</td>
                  <td className="px-4 py-2.5 text-right whitespace-nowrap">
                    {canWrite && (
                      <div className="flex justify-end gap-2">
                        <Link href={`/orders/${o.id}/invoice`} className={buttonClasses({ variant: "ghost", size: "sm" })}>Partial…</Link>
                        <InvoiceOrderButton orderId={o.id} label={`Invoice ${o.number}`} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} noun="orders" hrefFor={(p) => href({ page: p })} />
    </>
  );
}
