import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { paymentMethodLabels, paymentMethods } from "@/lib/billing/payments.schemas";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatINR } from "@/lib/format";
import { listReceivablesDocuments } from "@/lib/reporting/receivables/list-receivables-documents";
import { receivablesFilters } from "@/lib/reporting/receivables/receivables.schemas";
import { canSeeReport } from "@/lib/reporting/report-access";
import { describeSalesFilters } from "@/lib/reporting/sales/describe-sales-filters";
import { one, pageFrom, type SearchParams } from "@/lib/search-params";
import { PrintButton } from "../../_components/print-button";
import { ReportPrintStyles } from "../../_components/report-print";
import { ReportsNav } from "../../_components/reports-nav";
import { href, readReceivablesQuery } from "../receivables-query";

export const metadata: Metadata = { title: "Receivables: documents" };
const PAGE_SIZE = 50;
const typeLabels: Record<string, string> = { RECEIPT: "Receipt", REFUND: "Refund", INVOICE: "Invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" };

export default async function ReceivablesDocumentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!canSeeReport(actor, "receivables")) redirect("/reports");
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const { query } = readReceivablesQuery(sp, ctx.now());
  const kind = one(sp.kind) === "sales" ? "sales" : "payments";
  const methodParam = one(sp.method);
  const method = kind === "payments" && (paymentMethods as readonly string[]).includes(methodParam ?? "") ? (methodParam as (typeof paymentMethods)[number]) : undefined;
  const conn = one(sp.connectionId);
  const filters = conn && receivablesFilters.connectionId.safeParse(conn).success ? { connectionId: conn } : {};
  const page = Math.min(pageFrom(one(sp.page)), 20_000);
  const docs = await listReceivablesDocuments(ctx, { kind, from: query.from, to: query.to, ...filters, ...(method ? { method } : {}), offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }).catch((e) => {
    if (e instanceof AppError && e.code === "validation") redirect("/reports/receivables");
    throw e;
  });
  const chips = await describeSalesFilters(ctx, filters);
  const here = { kind, from: query.from, to: query.to, ...filters, method };
  const payments = kind === "payments";
  const what = payments ? `Payments received${method ? ` by ${paymentMethodLabels[method]}` : ""}` : "Credit sales documents";

  return (
    <div className="report-sheet">
      <ReportPrintStyles />
      <PageHeader
        title={what}
        description={`${formatDate(query.from)} to ${formatDate(query.to)}${chips.length ? " · " + chips.map((c) => `${c.label}: ${c.value}`).join(" · ") : ""}`}
        actions={
          <div className="flex flex-wrap items-center gap-3 print:hidden">
            <Link href={href("/reports/receivables", { view: payments ? undefined : "dso", from: query.from, to: query.to, ...filters, method })} className="text-sm text-brand-700 hover:underline">
              Back to the report
            </Link>
            <PrintButton />
          </div>
        }
      />
      <ReportsNav active="receivables" />
      <p className="mt-4 text-sm text-slate-600">
        {docs.total} {payments ? "payments" : "documents"}; {payments ? "net collected" : "credit sales"} <strong className="tabular-nums">{formatINR(docs.totals.amount)}</strong>. {payments ? "Refunds count negative; voided payments are left out." : "Credit notes count negative; cancelled documents are left out. Amounts with GST."}
      </p>
      <div className="mt-3">
        {docs.data.length === 0 ? (
          <EmptyState bordered title={payments ? "No payments" : "No documents"} description="Nothing in this range with these filters." />
        ) : (
          <Table>
            <caption className="sr-only">{what}, newest first</caption>
            <THead>
              <Tr>
                <Th>Number</Th>
                <Th className="hidden sm:table-cell print:table-cell">Date</Th>
                <Th className="hidden sm:table-cell print:table-cell">Retailer</Th>
                <Th className="hidden sm:table-cell print:table-cell">{payments ? "Mode" : "Type"}</Th>
                <Th numeric>Amount</Th>
              </Tr>
            </THead>
            <TBody>
              {docs.data.map((d) => (
                <Tr key={d.id}>
                  <Td>
                    <Link href={d.href} className="font-mono text-[13px] font-medium whitespace-nowrap text-slate-900 hover:text-brand-700 hover:underline">
                      {d.number}
                    </Link>
                    {payments && d.type === "REFUND" && <span className="block text-xs text-slate-500">Refund</span>}
                    <span className="block text-xs text-slate-500 sm:hidden">
                      {formatDate(d.date)} · {d.retailer} · {payments ? d.method : typeLabels[d.type]}
                    </span>
                  </Td>
                  <Td muted className="hidden whitespace-nowrap sm:table-cell print:table-cell">
                    {formatDate(d.date)}
                  </Td>
                  <Td className="hidden sm:table-cell print:table-cell">{d.retailer}</Td>
                  <Td muted className="hidden sm:table-cell print:table-cell">
                    {payments ? d.method : typeLabels[d.type]}
                    {d.reference && <span className="block text-xs">{d.reference}</span>}
                  </Td>
                  <Td numeric className={d.amount.startsWith("-") ? "text-danger-700" : undefined}>
                    {formatINR(d.amount)}
                  </Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td colSpan={4} className="hidden sm:table-cell print:table-cell">
                  All {docs.total}
                </Td>
                <Td className="sm:hidden print:hidden">All {docs.total}</Td>
                <Td numeric>{formatINR(docs.totals.amount)}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={docs.total} noun={payments ? "payments" : "documents"} hrefFor={(p) => href("/reports/receivables/documents", { ...here, page: String(p) })} />
    </div>
  );
}
