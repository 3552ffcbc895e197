import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Input } from "@/components/ui/input";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requireStaff } from "@/lib/auth/session";
import { listMyCompanies } from "@/lib/company/list-my-companies";
import { makeCtx } from "@/lib/ctx";
import { formatDate } from "@/lib/format";
import { canSeeReport } from "@/lib/reporting/report-access";
import { describeSalesFilters } from "@/lib/reporting/sales/describe-sales-filters";
import { getReorderSuggestions } from "@/lib/reporting/stock/get-reorder-suggestions";
import { getStockAgeing } from "@/lib/reporting/stock/get-stock-ageing";
import { getStockMovements } from "@/lib/reporting/stock/get-stock-movements";
import { getStockValuation } from "@/lib/reporting/stock/get-stock-valuation";
import { listStockReportOptions } from "@/lib/reporting/stock/list-stock-report-options";
import type { StockView } from "@/lib/reporting/stock/stock.schemas";
import type { SearchParams } from "@/lib/search-params";
import { PrintButton } from "../_components/print-button";
import { ReportPrintStyles } from "../_components/report-print";
import { ReportsNav } from "../_components/reports-nav";
import { AgeingView } from "./_components/ageing-view";
import { MovementsView } from "./_components/movements-view";
import { ReorderView } from "./_components/reorder-view";
import { ValuationView } from "./_components/valuation-view";
import { href, readStockQuery, stockParams, type StockQuery } from "./stock-query";

export const metadata: Metadata = { title: "Stock report" };

const views: { key: StockView; label: string }[] = [
  { key: "valuation", label: "On hand & value" },
  { key: "movements", label: "Movements" },
  { key: "ageing", label: "Slow movers" },
  { key: "reorder", label: "Reorder" },
];
const viewTitles: Record<StockView, string> = { valuation: "Stock on hand and value", movements: "Stock movement summary", ageing: "Slow movers and stock ageing", reorder: "Reorder suggestions" };

export default async function StockReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!canSeeReport(actor, "stock")) redirect("/reports");
  const ctx = makeCtx(actor);
  const { query: q, dropped } = readStockQuery(await searchParams, ctx.now());
  const [options, chips, companies] = await Promise.all([listStockReportOptions(ctx), describeSalesFilters(ctx, q.filters), listMyCompanies(ctx)]);
  const company = companies.find((c) => c.id === actor.companyId)?.name;
  const api = `/api/v1/reports/stock/${q.view}`;
  const apiQuery = { ...stockParams(q), view: undefined };

  return (
    <div className="report-sheet">
      <ReportPrintStyles orientation={q.view === "movements" || q.view === "reorder" ? "landscape" : "portrait"} />
      <PageHeader
        title="Stock"
        description="From the stock ledger: every figure links to the ledger rows behind it. Values at each product's cost price."
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <a href={href(api, { ...apiQuery, format: "csv" })} className={buttonClasses({ variant: "secondary" })} download>
              Download CSV
            </a>
            <a href={href(api, { ...apiQuery, format: "xlsx" })} className={buttonClasses({ variant: "secondary" })} download>
              Download Excel
            </a>
            <PrintButton />
          </div>
        }
      />
      <p className="mb-3 hidden text-sm text-slate-700 print:block">
        {company} · {viewTitles[q.view]}
        {q.view === "movements" ? ` · ${formatDate(q.from)} to ${formatDate(q.to)}` : ` · as of ${formatDate(ctx.now())}`}
        {chips.length ? ` · ${chips.map((c) => `${c.label}: ${c.value}`).join(" · ")}` : ""}
      </p>
      <ReportsNav active="stock" />
      <div className="mt-3 print:hidden">
        <LinkTabs label="Stock views" items={views.map((v) => ({ href: href("/reports/stock", { ...q.filters, view: v.key === "valuation" ? undefined : v.key }), label: v.label, active: v.key === q.view }))} />
      </div>
      <Filters q={q} options={options} />
      {(chips.length > 0 || dropped.length > 0) && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm print:hidden">
          {chips.map((c) => (
            <Link key={c.key} href={href("/reports/stock", { ...stockParams(q), [c.key]: undefined })} className="rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-brand-800 hover:bg-brand-100" aria-label={`Remove filter ${c.label}: ${c.value}`}>
              {c.label}: {c.value} <span aria-hidden>×</span>
            </Link>
          ))}
          {dropped.length > 0 && <span className="text-warning-700">Ignored values that are not valid: {dropped.join(", ")}</span>}
        </div>
      )}
      <div className="mt-4">
        {q.view === "valuation" && <ValuationView q={q} report={await getStockValuation(ctx, { groupBy: q.valuationGroupBy, ...q.filters })} />}
        {q.view === "movements" && <MovementsView q={q} report={await getStockMovements(ctx, { from: q.from, to: q.to, groupBy: q.movementGroupBy, ...q.filters })} />}
        {q.view === "ageing" && <AgeingView q={q} report={await getStockAgeing(ctx, { minDays: q.minDays, ...q.filters })} />}
        {q.view === "reorder" && <ReorderView q={q} report={await getReorderSuggestions(ctx, { leadTimeDays: q.leadTimeDays, coverDays: q.coverDays, ...q.filters })} />}
      </div>
    </div>
  );
}

function Filters({ q, options }: { q: StockQuery; options: Awaited<ReturnType<typeof listStockReportOptions>> }) {
  const label = "flex flex-col gap-1 text-sm text-slate-600";
  return (
    <form method="get" action="/reports/stock" className="mt-4 flex flex-wrap items-end gap-3 print:hidden" aria-label="Report options">
      {q.view !== "valuation" && <input type="hidden" name="view" value={q.view} />}
      {q.filters.productId && <input type="hidden" name="productId" value={q.filters.productId} />}
      {q.view === "movements" && (
        <>
          <label className={label}>
            From <DateInput name="from" defaultValue={q.from} className="w-40" />
          </label>
          <label className={label}>
            To <DateInput name="to" defaultValue={q.to} className="w-40" />
          </label>
        </>
      )}
      {(q.view === "valuation" || q.view === "movements") && (
        <label className={label}>
          Group by
          <Select
            name="groupBy"
            defaultValue={q.view === "valuation" ? q.valuationGroupBy : q.movementGroupBy}
            className="w-40"
            options={(q.view === "valuation" ? (["warehouse", "category", "product"] as const) : (["product", "warehouse", "category"] as const)).map((g) => ({ value: g, label: g[0]!.toUpperCase() + g.slice(1) }))}
          />
        </label>
      )}
      <label className={label}>
        Warehouse
        <Select name="warehouseId" defaultValue={q.filters.warehouseId ?? ""} className="w-56 max-w-full" placeholder="All warehouses" options={options.warehouses.map((w) => ({ value: w.id, label: w.label }))} />
      </label>
      <label className={label}>
        Category
        <Select name="categoryId" defaultValue={q.filters.categoryId ?? ""} className="w-56 max-w-full" placeholder="All categories" options={[{ value: "none", label: "Uncategorised" }, ...options.categories.map((c) => ({ value: c.id, label: c.label }))]} />
      </label>
      {q.view === "ageing" && (
        <label className={label}>
          Idle at least
          <Select name="minDays" defaultValue={String(q.minDays)} className="w-40" options={[{ value: "0", label: "Any time" }, { value: "31", label: "31 days" }, { value: "61", label: "61 days" }, { value: "91", label: "91 days" }]} />
        </label>
      )}
      {q.view === "reorder" && (
        <>
          <label className={label}>
            Default lead time (days)
            <Input type="number" name="leadTimeDays" min={1} max={180} defaultValue={q.leadTimeDays} className="w-28" />
          </label>
          <label className={label}>
            Cover after arrival (days)
            <Input type="number" name="coverDays" min={0} max={180} defaultValue={q.coverDays} className="w-28" />
          </label>
        </>
      )}
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Show
      </button>
    </form>
  );
}
