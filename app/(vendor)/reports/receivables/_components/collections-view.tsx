import { IntentLink as Link } from "@/components/ui/intent-link";
import { ChartTable } from "@/components/reports/chart-table";
import { periodLabel } from "@/components/reports/chart-geometry";
import { SalesLineChart } from "@/components/reports/line-chart";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatINR } from "@/lib/format";
import type { CollectionGroup, Collections } from "@/lib/reporting/receivables/get-collections";
import { addDays, endOfMonth } from "@/lib/reporting/sales/sales-drill";
import { href, type ReceivablesQuery } from "../receivables-query";

const heading = { day: "Day", week: "Week", month: "Month", mode: "Mode of payment", retailer: "Retailer" } as const;

export function CollectionsView({ q, report }: { q: ReceivablesQuery; report: Collections }) {
  const periodic = report.groupBy === "day" || report.groupBy === "week" || report.groupBy === "month";
  const base = { from: report.from, to: report.to, ...report.filters };
  const drill = (g: CollectionGroup) => {
    if (report.groupBy === "mode") return href("/reports/receivables/documents", { kind: "payments", ...base, method: g.key });
    if (report.groupBy === "retailer") return href("/reports/receivables/documents", { kind: "payments", ...base, connectionId: g.key });
    const from = report.groupBy === "month" ? `${g.key}-01` : g.key;
    const to = report.groupBy === "month" ? endOfMonth(g.key) : report.groupBy === "week" ? addDays(g.key, 6) : g.key;
    return href("/reports/receivables/documents", { kind: "payments", ...base, from: from < report.from ? report.from : from, to: to > report.to ? report.to : to });
  };
  const t = report.totals;
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="min-w-0 p-4 lg:col-span-2">
          <h2 className="mb-2 text-[15px] font-semibold text-slate-900">Net collected by {heading[report.groupBy].toLowerCase()}</h2>
          {periodic && report.groups.length > 1 ? (
            <>
              <SalesLineChart kind="bar" height={220} points={report.groups.map((g) => ({ label: periodLabel(g.name), net: g.net }))} series={[{ key: "net", label: "Net collected", color: "#059669" }]} />
              <ChartTable caption="Net collected by period" columns={[heading[report.groupBy], "Received", "Refunded", "Net"]} rows={report.groups.map((g) => [g.name, g.received, g.refunded, g.net])} />
            </>
          ) : (
            <p className="text-sm text-slate-500">{periodic ? "Choose a longer range for a chart." : "The table below lists every group; choose a period grouping for a chart."}</p>
          )}
        </Card>
        <Card className="min-w-0 p-4">
          <h2 className="mb-2 text-[15px] font-semibold text-slate-900">By mode of payment</h2>
          {report.byMode.length === 0 ? (
            <p className="text-sm text-slate-500">No payments in this range.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Net collected by mode of payment</caption>
              <tbody className="divide-y divide-slate-100">
                {report.byMode.map((m) => (
                  <tr key={m.key}>
                    <th scope="row" className="py-1.5 text-left font-normal text-slate-700">{m.name}</th>
                    <td className="py-1.5 text-right tabular-nums">
                      <Link href={href("/reports/receivables/documents", { kind: "payments", ...base, method: m.key })} className="text-brand-700 hover:underline">
                        {formatINR(m.net)}
                      </Link>
                    </td>
                    <td className="w-14 py-1.5 text-right text-xs text-slate-500 tabular-nums">{Number(t.net) > 0 ? `${((Number(m.net) / Number(t.net)) * 100).toFixed(0)}%` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      <div className="mt-4">
        {report.groups.length === 0 ? (
          <EmptyState bordered title="No payments" description="Nothing was received in this range with these filters." />
        ) : (
          <Table>
            <caption className="sr-only">Collections from {report.from} to {report.to} by {heading[report.groupBy].toLowerCase()}</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">{heading[report.groupBy]}</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Receipts</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Received</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Refunded</Th>
                <Th numeric>Net collected</Th>
              </Tr>
            </THead>
            <TBody>
              {report.groups.map((g) => {
                const none = g.receipts + g.refunds === 0;
                return (
                  <Tr key={g.key}>
                    <Td className="sticky left-0 z-10 bg-white">
                      <span className="font-medium text-slate-900">{g.name}</span>
                      {g.code && <span className="block text-xs text-slate-500">{g.code}</span>}
                    </Td>
                    <Td numeric className={cn("hidden sm:table-cell print:table-cell", none && "text-slate-500")}>{g.receipts}</Td>
                    <Td numeric className={cn("hidden sm:table-cell print:table-cell", none && "text-slate-500")}>{formatINR(g.received)}</Td>
                    <Td numeric className={cn("hidden sm:table-cell print:table-cell", g.refunds ? "text-danger-700" : "text-slate-500")}>{formatINR(g.refunded)}</Td>
                    <Td numeric className="font-medium">
                      {none ? (
                        <span className="text-slate-500">{formatINR(g.net)}</span>
                      ) : (
                        <Link href={drill(g)} className="text-brand-700 hover:underline" aria-label={`Payments behind ${formatINR(g.net)} for ${g.name}`}>
                          {formatINR(g.net)}
                        </Link>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">Total</Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{t.receipts}</Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{formatINR(t.received)}</Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{formatINR(t.refunded)}</Td>
                <Td numeric>{formatINR(t.net)}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.groups.length} groups; the totals and the downloads cover all of them.</p>}
      <p className="mt-2 text-xs text-slate-500">Recorded receipts by the day the money moved; refunds netted; voided payments left out.{q.method ? " One mode only." : ""}</p>
    </>
  );
}
