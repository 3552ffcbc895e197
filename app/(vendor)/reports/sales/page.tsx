import { DateInput } from "@/components/ui/date-input";
import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ChartTable } from "@/components/reports/chart-table";
import { periodLabel } from "@/components/reports/chart-geometry";
import { SalesLineChart } from "@/components/reports/line-chart";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatINR, formatQuantity } from "@/lib/format";
import { describeSalesFilters } from "@/lib/reporting/sales/describe-sales-filters";
import { getSalesReport } from "@/lib/reporting/sales/get-sales-report";
import { drillFilters, groupingLabels, isPeriodGrouping } from "@/lib/reporting/sales/sales-drill";
import { salesGroupings } from "@/lib/reporting/sales/sales.schemas";
import type { SearchParams } from "@/lib/search-params";
import { ReportsNav } from "../_components/reports-nav";
import { readSalesQuery, salesHref } from "./sales-query";

export const metadata: Metadata = { title: "Sales report" };

export default async function SalesReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "reports.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const { query, dropped } = readSalesQuery(await searchParams, ctx.now());
  const [report, chips] = await Promise.all([
    getSalesReport(ctx, { from: query.from, to: query.to, groupBy: query.groupBy, sort: query.sort, ...query.filters }),
    describeSalesFilters(ctx, query.filters),
  ]);
  const here = { from: query.from, to: query.to, groupBy: query.groupBy, sort: query.sort, ...query.filters };
  const drill = (key: string) => salesHref("/reports/sales/documents", drillFilters(report.groupBy, key, report, report.filters) as Record<string, string>);
  const t = report.totals;
  const showChart = isPeriodGrouping(report.groupBy) && report.groups.length > 1;
  const hasCost = report.totals.cost !== null;

  return (
    <>
      <PageHeader
        title="Sales"
        description="Net sales: invoices and debit notes less credit notes, cancelled documents left out. Amounts before GST unless marked gross."
        actions={
          <div className="flex gap-2">
            <a href={salesHref("/api/v1/reports/sales", { ...here, format: "csv" })} className={buttonClasses({ variant: "secondary" })} download>
              Download CSV
            </a>
            <a href={salesHref("/api/v1/reports/sales", { ...here, format: "xlsx" })} className={buttonClasses({ variant: "secondary" })} download>
              Download Excel
            </a>
          </div>
        }
      />
      <ReportsNav active="sales" />
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Report options">
        {Object.entries(query.filters).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="flex items-center gap-2 text-sm text-slate-600">
          From <DateInput name="from" defaultValue={query.from} className="w-40" />
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          To <DateInput name="to" defaultValue={query.to} className="w-40" />
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Group by
          <Select name="groupBy" defaultValue={query.groupBy} className="w-52" options={salesGroupings.map((g) => ({ value: g, label: groupingLabels[g] }))} />
        </label>
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Show
        </button>
      </form>
      {(chips.length > 0 || dropped.length > 0) && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          {chips.map((c) => (
            <Link key={c.key} href={salesHref("/reports/sales", { ...here, [c.key]: undefined })} className="rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-brand-800 hover:bg-brand-100" aria-label={`Remove filter ${c.label}: ${c.value}`}>
              {c.label}: {c.value} <span aria-hidden>×</span>
            </Link>
          ))}
          {dropped.length > 0 && <span className="text-warning-700">Ignored values that are not valid: {dropped.join(", ")}</span>}
        </div>
      )}

      <section aria-label="Totals" className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure label="Taxable value" value={formatINR(t.taxable)} href={salesHref("/reports/sales/documents", { from: report.from, to: report.to, ...report.filters })} />
        <Figure label="GST" value={formatINR(t.tax)} />
        <Figure label="Gross (with GST)" value={formatINR(t.gross)} />
        <Figure label={hasCost ? `Margin${t.marginPercent ? ` (${t.marginPercent}%)` : ""}` : "Margin"} value={t.margin ? formatINR(t.margin) : "Cost not known"} />
      </section>

      {showChart && (
        <Card className="mt-4 min-w-0 p-4">
          <h2 className="mb-2 text-[15px] font-semibold text-slate-900">Taxable value by {groupingLabels[report.groupBy].toLowerCase()}</h2>
          <SalesLineChart kind="bar" width={1040} points={report.groups.map((g) => ({ label: periodLabel(g.name), taxable: g.taxable }))} series={[{ key: "taxable", label: "Taxable value", color: "#4f46e5" }]} />
          <ChartTable caption={`Taxable value by ${groupingLabels[report.groupBy].toLowerCase()}`} columns={[groupingLabels[report.groupBy], "Taxable value", "GST", "Gross"]} rows={report.groups.map((g) => [g.name, g.taxable, g.tax, g.gross])} />
        </Card>
      )}

      <Card className="mt-4 overflow-x-auto">
        <table className="w-full min-w-[760px] text-sm">
          <caption className="sr-only">
            Sales from {report.from} to {report.to} by {groupingLabels[report.groupBy].toLowerCase()}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5 text-left font-medium">{groupingLabels[report.groupBy]}</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">Docs</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">Quantity</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">Taxable</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">GST</th>
              <th scope="col" className="px-3 py-2.5 text-right font-medium">Gross</th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">Margin</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.groups.length === 0 && (
              <tr>
                <td colSpan={7} className="px-4 py-8 text-center text-slate-500">No sales in this range with these filters.</td>
              </tr>
            )}
            {report.groups.map((g) => (
              <tr key={g.key} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                  {g.name}
                  {g.code && <span className="block font-mono text-xs font-normal text-slate-500">{g.code}</span>}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{g.documents}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatQuantity(g.quantity)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {g.documents > 0 ? (
                    <Link href={drill(g.key)} className="text-brand-700 hover:underline" aria-label={`Documents behind ${formatINR(g.taxable)} for ${g.name}`}>
                      {formatINR(g.taxable)}
                    </Link>
                  ) : (
                    formatINR(g.taxable)
                  )}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums text-slate-600">{formatINR(g.tax)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatINR(g.gross)}</td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">{g.margin ? `${formatINR(g.margin)}${g.marginPercent ? ` · ${g.marginPercent}%` : ""}` : "—"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
            <tr>
              <th scope="row" className="px-4 py-2.5 text-left">Total</th>
              <td className="px-3 py-2.5 text-right tabular-nums">{t.documents}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatQuantity(t.quantity)}</td>
              <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{formatINR(t.taxable)}</td>
              <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{formatINR(t.tax)}</td>
              <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{formatINR(t.gross)}</td>
              <td className="px-4 py-2.5 text-right whitespace-nowrap tabular-nums">{t.margin ? formatINR(t.margin) : "—"}</td>
            </tr>
          </tfoot>
        </table>
      </Card>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.groups.length} groups; the totals and the downloads cover all of them.</p>}
      {hasCost && <p className="mt-2 text-xs text-slate-500">Margin is taxable value less today&apos;s product cost × net quantity, over lines whose product has a cost.</p>}
    </>
  );
}

function Figure({ label, value, href }: { label: string; value: string; href?: string }) {
  const body = (
    <>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-lg font-semibold text-slate-900 tabular-nums sm:text-xl">{value}</p>
    </>
  );
  return href ? (
    <Link href={href} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-card hover:border-brand-300">
      {body}
    </Link>
  ) : (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-card">{body}</div>
  );
}
