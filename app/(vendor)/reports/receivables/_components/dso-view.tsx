import { IntentLink as Link } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { formatDate, formatINR } from "@/lib/format";
import type { DsoReport } from "@/lib/reporting/receivables/get-dso";
import { href, type ReceivablesQuery } from "../receivables-query";

const heading = { month: "Month", week: "Week", retailer: "Retailer" } as const;

export function DsoView({ q, report }: { q: ReceivablesQuery; report: DsoReport }) {
  const t = report.totals;
  const retailer = report.groupBy === "retailer";
  const sales = (from: string, to: string, connectionId?: string) => href("/reports/receivables/documents", { kind: "sales", from, to, ...report.filters, ...(connectionId ? { connectionId } : {}) });
  return (
    <>
      <section aria-labelledby="dso-formula" className="rounded-lg border border-brand-200 bg-brand-50/40 px-4 py-3">
        <h2 id="dso-formula" className="text-sm font-semibold text-slate-900">
          DSO = receivables at the end of the period ÷ credit sales of the period × days in the period
        </h2>
        <p className="mt-2 text-sm text-slate-700 tabular-nums">
          <Link href={q.filters.connectionId ? `/retailers/${q.filters.connectionId}/ledger?to=${t.to}` : `/receivables?asOf=${t.to}`} className="text-brand-700 hover:underline">
            {formatINR(t.receivables)}
          </Link>{" "}
          ÷{" "}
          <Link href={sales(t.from, t.to)} className="text-brand-700 hover:underline">
            {formatINR(t.creditSales)}
          </Link>{" "}
          × {t.days} days = <strong>{t.dso === null ? "no credit sales" : `${t.dso} days`}</strong>
        </p>
        <p className="mt-1 text-xs text-slate-600">
          Receivables: the ledger balance on {formatDate(t.to)} (the ageing total as of that day). Credit sales: invoices and debit notes less credit notes issued {formatDate(t.from)} – {formatDate(t.to)}, with GST. Cancelled documents and voided payments do not count.
        </p>
      </section>
      <div className="mt-4">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="No sales and nothing outstanding" description="No credit sales in this range and no balance at its end." />
        ) : (
          <Table>
            <caption className="sr-only">Days sales outstanding by {heading[report.groupBy].toLowerCase()}</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">{heading[report.groupBy]}</Th>
                {!retailer && <Th numeric className="hidden sm:table-cell print:table-cell">Days</Th>}
                <Th numeric>Credit sales</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Receivables at end</Th>
                <Th numeric>DSO</Th>
              </Tr>
            </THead>
            <TBody>
              {report.rows.map((r) => (
                <Tr key={r.key}>
                  <Td className="sticky left-0 z-10 bg-white">
                    <span className="font-medium text-slate-900">{r.name}</span>
                    <span className="block text-xs text-slate-500">{retailer ? (r.code ?? "") : `${formatDate(r.from)} – ${formatDate(r.to)}`}</span>
                  </Td>
                  {!retailer && <Td numeric muted className="hidden sm:table-cell print:table-cell">{r.days}</Td>}
                  <Td numeric>
                    {Number(r.creditSales) === 0 ? (
                      <span className="text-slate-500">{formatINR(r.creditSales)}</span>
                    ) : (
                      <Link href={sales(r.from, r.to, retailer ? r.key : undefined)} className="text-brand-700 hover:underline" aria-label={`Documents behind credit sales of ${r.name}`}>
                        {formatINR(r.creditSales)}
                      </Link>
                    )}
                  </Td>
                  <Td numeric className="hidden sm:table-cell print:table-cell">
                    <Link href={retailer ? `/retailers/${r.key}/ledger?to=${r.to}` : `/receivables?asOf=${r.to}`} className="text-brand-700 hover:underline">
                      {formatINR(r.receivables)}
                    </Link>
                  </Td>
                  <Td numeric className="font-semibold">{r.dso === null ? <span className="font-normal text-slate-500">—</span> : `${r.dso} days`}</Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">Whole range</Td>
                {!retailer && <Td numeric className="hidden sm:table-cell print:table-cell">{t.days}</Td>}
                <Td numeric>{formatINR(t.creditSales)}</Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{formatINR(t.receivables)}</Td>
                <Td numeric>{t.dso === null ? "—" : `${t.dso} days`}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.rows.length} rows; the downloads cover all of them.</p>}
      {retailer && <p className="mt-2 text-xs text-slate-500">Per retailer over the whole range ({t.days} days). A retailer with a balance but no sales in the range has no DSO.</p>}
    </>
  );
}
