// Sales, collections and receivables for the month, with the chart of this month against last
// month and the top retailers and products. Figures come from lib/reporting (server); the chart is
// a small client island, and each chart has its table.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChartTable } from "@/components/reports/chart-table";
import { SalesLineChart } from "@/components/reports/line-chart";
import { formatINR, formatQuantity } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Dashboard } from "@/lib/reporting/dashboard/get-dashboard";
import type { SalesGroup } from "@/lib/reporting/sales/get-sales-report";

export function SalesOverview({ d }: { d: Dashboard }) {
  const s = d.sales;
  const monthRange = `from=${d.month.from}&to=${d.today}`;
  const change = s ? percentChange(s.thisMonth.taxable, s.lastMonthToDate.taxable) : null;
  const tiles = [
    s && { label: "Today's sales", value: formatINR(s.today.taxable, { decimals: 0 }), detail: `${s.today.documents} documents · before GST`, href: `/reports/sales?from=${d.today}&to=${d.today}&groupBy=retailer` },
    s && {
      label: `Sales in ${d.month.label.split(" ")[0]}`,
      value: formatINR(s.thisMonth.taxable, { decimals: 0 }),
      detail: change === null ? `Last month to date ${formatINR(s.lastMonthToDate.taxable, { decimals: 0 })}` : `${change >= 0 ? "▲" : "▼"} ${Math.abs(change).toFixed(1)}% on the same days last month`,
      href: `/reports/sales?${monthRange}&groupBy=day`,
    },
    d.collections && { label: "Collected this month", value: formatINR(d.collections.thisMonth, { decimals: 0 }), detail: `${d.collections.receipts} receipts · last month to date ${formatINR(d.collections.lastMonthToDate, { decimals: 0 })}`, href: "/payments" },
    d.ageing && { label: "Outstanding", value: formatINR(d.ageing.total, { decimals: 0 }), detail: `${formatINR(overdue(d.ageing), { decimals: 0 })} overdue`, href: "/receivables" },
  ].filter((t): t is { label: string; value: string; detail: string; href: string } => !!t);

  return (
    <>
      {tiles.length > 0 && (
        <section aria-label="This month" className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {tiles.map((t) => (
            <Link key={t.label} href={t.href} className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-card transition-colors hover:border-brand-300">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t.label}</p>
              <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{t.value}</p>
              <p className="mt-0.5 text-sm text-slate-500">{t.detail}</p>
            </Link>
          ))}
        </section>
      )}
      <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        {s && (
          <Card className="min-w-0 lg:col-span-2">
            <CardHeader title={`Sales: ${d.month.label} against ${d.lastMonth.label}`} description="Cumulative taxable value by day of the month, net of credit notes" actions={<Link className="text-sm text-brand-700 hover:underline" href={`/reports/sales?${monthRange}&groupBy=day`}>Open report</Link>} />
            <CardBody>
              <SalesLineChart
                points={s.days.map((x) => ({ label: String(x.day), thisMonth: x.thisMonthCumulative, lastMonth: x.lastMonthCumulative }))}
                series={[
                  { key: "thisMonth", label: d.month.label, color: "#4f46e5" },
                  { key: "lastMonth", label: d.lastMonth.label, color: "#94a3b8", dashed: true },
                ]}
              />
              <ChartTable
                caption={`Sales by day: ${d.month.label} and ${d.lastMonth.label}`}
                columns={["Day", `${d.month.label}`, `${d.lastMonth.label}`, `${d.month.label} so far`, `${d.lastMonth.label} so far`]}
                rows={s.days.map((x) => [String(x.day), x.thisMonth, x.lastMonth, x.thisMonthCumulative, x.lastMonthCumulative])}
              />
            </CardBody>
          </Card>
        )}
        {d.ageing && (
          <Card className="min-w-0">
            <CardHeader title="Outstanding by age" description="Days past the due date" actions={<Link className="text-sm text-brand-700 hover:underline" href="/receivables">Ageing</Link>} />
            <CardBody>
              <AgeingBars ageing={d.ageing} />
            </CardBody>
          </Card>
        )}
      </div>
      {s && (
        <div className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          <TopList title="Top retailers this month" groups={s.topRetailers} hrefOf={(g) => `/reports/sales/documents?${monthRange}&connectionId=${encodeURIComponent(g.key)}`} more={`/reports/sales?${monthRange}&groupBy=retailer`} />
          <TopList title="Top products this month" groups={s.topProducts} hrefOf={(g) => `/reports/sales/documents?${monthRange}&productId=${encodeURIComponent(g.key)}`} more={`/reports/sales?${monthRange}&groupBy=product`} showQty />
        </div>
      )}
    </>
  );
}

function AgeingBars({ ageing }: { ageing: NonNullable<Dashboard["ageing"]> }) {
  const buckets = [
    ["Not due", ageing.notDue, "bg-slate-400"],
    ["1–30 days", ageing.d0_30, "bg-amber-400"],
    ["31–60 days", ageing.d31_60, "bg-orange-500"],
    ["61–90 days", ageing.d61_90, "bg-red-500"],
    ["Over 90 days", ageing.d90_plus, "bg-red-700"],
  ] as const;
  const max = Math.max(1, ...buckets.map(([, v]) => Math.max(0, Number(v))));
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Outstanding receivables by days past due</caption>
      <tbody>
        {buckets.map(([label, v, color]) => (
          <tr key={label}>
            <th scope="row" className="w-28 py-1.5 pr-2 text-left font-normal whitespace-nowrap text-slate-600">
              {label}
            </th>
            <td className="w-full py-1.5" aria-hidden="true">
              <div className="h-3 rounded bg-slate-100">
                <div className={`h-3 rounded ${color}`} style={{ width: `${(Math.max(0, Number(v)) / max) * 100}%` }} />
              </div>
            </td>
            <td className="py-1.5 pl-2 text-right whitespace-nowrap tabular-nums">{formatINR(v, { decimals: 0 })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TopList({ title, groups, hrefOf, more, showQty }: { title: string; groups: SalesGroup[]; hrefOf: (g: SalesGroup) => string; more: string; showQty?: boolean }) {
  return (
    <Card className="min-w-0">
      <CardHeader title={title} actions={<Link className="text-sm text-brand-700 hover:underline" href={more}>All</Link>} />
      {groups.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No sales yet this month.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {groups.map((g, i) => (
            <li key={g.key}>
              <Link href={hrefOf(g)} className="flex items-center gap-3 px-5 py-2.5 hover:bg-slate-50">
                <span className="w-5 text-sm text-slate-500 tabular-nums">{i + 1}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-slate-900">{g.name}</span>
                  <span className="block text-xs text-slate-500">
                    {g.documents} documents{showQty ? ` · ${formatQuantity(g.quantity)} units` : ""}
                  </span>
                </span>
                <span className="text-sm font-medium whitespace-nowrap tabular-nums">{formatINR(g.taxable, { decimals: 0 })}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function percentChange(now: string, before: string): number | null {
  const b = Number(before);
  if (!(b > 0)) return null;
  return ((Number(now) - b) / b) * 100;
}

function overdue(a: NonNullable<Dashboard["ageing"]>): string {
  return [a.d0_30, a.d31_60, a.d61_90, a.d90_plus].reduce((s, v) => s.plus(v), new Prisma.Decimal(0)).toFixed(2);
}
