import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR, formatQuantity } from "@/lib/format";
import { describeSalesFilters } from "@/lib/reporting/sales/describe-sales-filters";
import { listSalesDocuments } from "@/lib/reporting/sales/list-sales-documents";
import { one, pageFrom, type SearchParams } from "@/lib/search-params";
import { ReportsNav } from "../../_components/reports-nav";
import { readSalesQuery, salesHref } from "../sales-query";

export const metadata: Metadata = { title: "Sales: documents" };
const PAGE_SIZE = 50;
const typeLabels = { INVOICE: "Invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" } as const;

export default async function SalesDocumentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "reports.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const { query } = readSalesQuery(sp, ctx.now());
  const page = Math.min(pageFrom(one(sp.page)), 20_000);
  const [docs, chips] = await Promise.all([
    listSalesDocuments(ctx, { from: query.from, to: query.to, ...query.filters, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }),
    describeSalesFilters(ctx, query.filters),
  ]);
  const here = { from: query.from, to: query.to, ...query.filters };
  const t = docs.totals;
  return (
    <>
      <PageHeader
        title="Documents behind the figure"
        description={`${formatDate(query.from)} to ${formatDate(query.to)}${chips.length ? " · " + chips.map((c) => `${c.label}: ${c.value}`).join(" · ") : ""}`}
        actions={
          <Link href={salesHref("/reports/sales", { ...here, groupBy: one(sp.groupBy) })} className="text-sm text-brand-700 hover:underline">
            This range as a report
          </Link>
        }
      />
      <ReportsNav active="sales" />
      <p className="mt-4 text-sm text-slate-600">
        {docs.total} documents; taxable value <strong className="tabular-nums">{formatINR(t.taxable)}</strong>, GST {formatINR(t.tax)}, gross {formatINR(t.gross)}. Credit notes count negative.
      </p>
      <Card className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[720px] text-sm">
          <caption className="sr-only">Documents behind the sales figure</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5 text-left font-medium">Number</th>
              <th scope="col" className="px-3 py-2.5 text-left font-medium">Date</th>
              <th scope="col" className="px-3 py-2.5 text-left font-medium">Retailer</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">Quantity</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">Taxable</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">GST</th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">Gross</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {docs.data.length === 0 && (
              <tr>
                <td colSpan={7} className="px-4 py-8 text-center text-slate-500">No documents.</td>
              </tr>
            )}
            {docs.data.map((d) => (
              <tr key={d.id} className="hover:bg-slate-50">
                <td className="px-4 py-2">
                  <Link href={`/invoices/${d.id}`} className="font-mono text-[13px] font-medium whitespace-nowrap text-slate-900 hover:text-brand-700 hover:underline">
                    {d.number}
                  </Link>
                  {d.type !== "INVOICE" && <span className="block text-xs text-slate-500">{typeLabels[d.type]}</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatDate(d.issueDate)}</td>
                <td className="px-3 py-2">{d.retailer}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatQuantity(d.quantity)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatINR(d.taxable)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums text-slate-600">{formatINR(d.tax)}</td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{formatINR(d.gross)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Pagination page={page} pageSize={PAGE_SIZE} total={docs.total} noun="documents" hrefFor={(p) => salesHref("/reports/sales/documents", { ...here, groupBy: one(sp.groupBy), page: String(p) })} />
    </>
  );
}
