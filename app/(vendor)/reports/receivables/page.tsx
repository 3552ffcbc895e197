import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requireStaff } from "@/lib/auth/session";
import { paymentMethodLabels, paymentMethods } from "@/lib/billing/payments.schemas";
import { listMyCompanies } from "@/lib/company/list-my-companies";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCollections } from "@/lib/reporting/receivables/get-collections";
import { getCreditUsage } from "@/lib/reporting/receivables/get-credit-usage";
import { getDso } from "@/lib/reporting/receivables/get-dso";
import { getReceivablesAgeing } from "@/lib/reporting/receivables/get-receivables-ageing";
import type { ReceivablesView } from "@/lib/reporting/receivables/receivables.schemas";
import { canSeeReport } from "@/lib/reporting/report-access";
import { describeSalesFilters } from "@/lib/reporting/sales/describe-sales-filters";
import type { SearchParams } from "@/lib/search-params";
import { Figure } from "../_components/figure";
import { PrintButton } from "../_components/print-button";
import { ReportPrintStyles } from "../_components/report-print";
import { ReportsNav } from "../_components/reports-nav";
import { AgeingView } from "./_components/ageing-view";
import { CollectionsView } from "./_components/collections-view";
import { CreditView } from "./_components/credit-view";
import { DsoView } from "./_components/dso-view";
import { href, readReceivablesQuery, receivablesParams, type ReceivablesQuery } from "./receivables-query";

export const metadata: Metadata = { title: "Receivables report" };

const views: { key: ReceivablesView; label: string }[] = [
  { key: "collections", label: "Collections" },
  { key: "dso", label: "Days sales outstanding" },
  { key: "credit", label: "Credit limits" },
  { key: "ageing", label: "Ageing" },
];
const viewTitles: Record<ReceivablesView, string> = { collections: "Collections", dso: "Days sales outstanding", credit: "Retailer credit-limit usage", ageing: "Receivables ageing" };
const AGEING_ROWS = 50;

export default async function ReceivablesReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!canSeeReport(actor, "receivables")) redirect("/reports");
  const ctx = makeCtx(actor);
  const { query: q, dropped } = readReceivablesQuery(await searchParams, ctx.now());
  const range = { from: q.from, to: q.to, ...q.filters };
  const [summary, dso, ageing, chips, companies] = await Promise.all([
    getCollections(ctx, { ...range, groupBy: q.view === "collections" ? q.collectionsGroupBy : "month", ...(q.view === "collections" && q.method ? { method: q.method } : {}) }),
    getDso(ctx, { ...range, groupBy: q.view === "dso" ? q.dsoGroupBy : "month" }),
    getReceivablesAgeing(ctx, { asOf: q.to, pageSize: q.view === "ageing" ? AGEING_ROWS : 1 }),
    describeSalesFilters(ctx, q.filters),
    listMyCompanies(ctx),
  ]);
  const company = companies.find((c) => c.id === actor.companyId)?.name;
  const a = ageing.totals;
  const overdue = [a.d0_30, a.d31_60, a.d61_90, a.d90_plus].reduce((s, v) => s.plus(v), new Prisma.Decimal(0));
  const api = { collections: "collections", dso: "dso", credit: "credit-limits", ageing: "ageing" }[q.view];
  const apiQuery = q.view === "ageing" ? { asOf: q.to } : { ...receivablesParams(q), view: undefined };
  const retailerFiltered = !!q.filters.connectionId;

  return (
    <div className="report-sheet">
      <ReportPrintStyles orientation={q.view === "credit" || q.view === "ageing" ? "landscape" : "portrait"} />
      <PageHeader
        title="Receivables"
        description="Money collected, how long sales stay unpaid, and how much of each retailer's credit is used. Amounts with GST."
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <a href={href(`/api/v1/reports/receivables/${api}`, { ...apiQuery, format: "csv" })} className={buttonClasses({ variant: "secondary" })} download>
              Download CSV
            </a>
            <a href={href(`/api/v1/reports/receivables/${api}`, { ...apiQuery, format: "xlsx" })} className={buttonClasses({ variant: "secondary" })} download>
              Download Excel
            </a>
            <PrintButton />
          </div>
        }
      />
      <p className="mb-3 hidden text-sm text-slate-700 print:block">
        {company} · {viewTitles[q.view]} · {q.view === "credit" ? `as of ${formatDate(ctx.now())}` : q.view === "ageing" ? `as of ${formatDate(q.to)}` : `${formatDate(q.from)} to ${formatDate(q.to)}`}
        {chips.length ? ` · ${chips.map((c) => `${c.label}: ${c.value}`).join(" · ")}` : ""}
      </p>
      <ReportsNav active="receivables" />
      <section aria-label="At a glance" className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4">
        <Figure label={`Outstanding on ${formatDate(q.to)}`} value={formatINR(dso.totals.receivables)} href={retailerFiltered ? `/retailers/${q.filters.connectionId}/ledger?to=${q.to}` : `/receivables?asOf=${q.to}`} hint="Ledger balance (= ageing total)" />
        {retailerFiltered ? (
          <Figure label="Credit sales" value={formatINR(dso.totals.creditSales)} href={href("/reports/receivables/documents", { kind: "sales", ...range })} hint={`${formatDate(q.from)} – ${formatDate(q.to)}`} />
        ) : (
          <Figure label="Overdue" value={formatINR(overdue.toFixed(2))} tone={overdue.gt(0) ? "warning" : undefined} href={href("/reports/receivables", { view: "ageing", from: q.from, to: q.to })} hint={`90+ days: ${formatINR(a.d90_plus)}`} />
        )}
        <Figure label="Collected" value={formatINR(summary.totals.net)} href={href("/reports/receivables/documents", { kind: "payments", ...range, method: q.view === "collections" ? q.method : undefined })} hint={`${summary.totals.receipts} receipts${summary.totals.refunds ? `, ${summary.totals.refunds} refunds` : ""}`} />
        <Figure label="DSO" value={dso.totals.dso === null ? "—" : `${dso.totals.dso} days`} href={href("/reports/receivables", { view: "dso", ...range })} hint={`Over ${dso.totals.days} days`} />
      </section>
      <div className="mt-4 print:hidden">
        <LinkTabs label="Receivables views" items={views.map((v) => ({ href: href("/reports/receivables", { view: v.key === "collections" ? undefined : v.key, from: q.from, to: q.to, ...q.filters }), label: v.label, active: v.key === q.view }))} />
      </div>
      <Filters q={q} />
      {(chips.length > 0 || dropped.length > 0) && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm print:hidden">
          {chips.map((c) => (
            <Link key={c.key} href={href("/reports/receivables", { ...receivablesParams(q), [c.key]: undefined })} className="rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-brand-800 hover:bg-brand-100" aria-label={`Remove filter ${c.label}: ${c.value}`}>
              {c.label}: {c.value} <span aria-hidden>×</span>
            </Link>
          ))}
          {dropped.length > 0 && <span className="text-warning-700">Ignored values that are not valid: {dropped.join(", ")}</span>}
        </div>
      )}
      <div className="mt-4">
        {q.view === "collections" && <CollectionsView q={q} report={summary} />}
        {q.view === "dso" && <DsoView q={q} report={dso} />}
        {q.view === "credit" && <CreditView report={await getCreditUsage(ctx, { status: q.status, ...q.filters })} />}
        {q.view === "ageing" && <AgeingView report={ageing} shown={AGEING_ROWS} />}
      </div>
    </div>
  );
}

function Filters({ q }: { q: ReceivablesQuery }) {
  const label = "flex flex-col gap-1 text-sm text-slate-600";
  return (
    <form method="get" action="/reports/receivables" className="mt-4 flex flex-wrap items-end gap-3 print:hidden" aria-label="Report options">
      {q.view !== "collections" && <input type="hidden" name="view" value={q.view} />}
      {q.filters.connectionId && <input type="hidden" name="connectionId" value={q.filters.connectionId} />}
      {q.view !== "credit" && (
        <>
          {q.view !== "ageing" && (
            <label className={label}>
              From <DateInput name="from" defaultValue={q.from} className="w-40" />
            </label>
          )}
          <label className={label}>
            {q.view === "ageing" ? "As of" : "To"} <DateInput name="to" defaultValue={q.to} className="w-40" />
          </label>
          {q.view === "ageing" && <input type="hidden" name="from" value={q.from} />}
        </>
      )}
      {q.view === "collections" && (
        <>
          <label className={label}>
            Group by
            <Select name="groupBy" defaultValue={q.collectionsGroupBy} className="w-40" options={[{ value: "day", label: "Day" }, { value: "week", label: "Week" }, { value: "month", label: "Month" }, { value: "mode", label: "Mode of payment" }, { value: "retailer", label: "Retailer" }]} />
          </label>
          <label className={label}>
            Mode
            <Select name="method" defaultValue={q.method ?? ""} className="w-44" placeholder="All modes" options={paymentMethods.map((m) => ({ value: m, label: paymentMethodLabels[m] }))} />
          </label>
        </>
      )}
      {q.view === "dso" && (
        <label className={label}>
          Group by
          <Select name="groupBy" defaultValue={q.dsoGroupBy} className="w-40" options={[{ value: "month", label: "Month" }, { value: "week", label: "Week" }, { value: "retailer", label: "Retailer" }]} />
        </label>
      )}
      {q.view === "credit" && (
        <label className={label}>
          Show
          <Select name="status" defaultValue={q.status} className="w-52" options={[{ value: "all", label: "All retailers" }, { value: "over", label: "Over the limit" }, { value: "near", label: "Near the limit (80%+)" }, { value: "on_hold", label: "With orders on hold" }]} />
        </label>
      )}
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Show
      </button>
    </form>
  );
}
