import { DateInput } from "@/components/ui/date-input";
import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { AgeingTable } from "@/components/billing/ageing-table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getAgeing } from "@/lib/billing/get-ageing";
import type { AgeingBuckets } from "@/lib/billing/ledger-types";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import { ageingSorts } from "@/lib/billing/payments.schemas";
import { cn } from "@/lib/cn";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { isCalendarDay } from "@/lib/pricing/dates";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Receivables" };

const PAGE_SIZE = 50;
type Sort = (typeof ageingSorts)[number];
/** The bucket columns the screen can sort by (largest first). */
const sortable: Partial<Record<keyof AgeingBuckets, Sort>> = { notDue: "-notDue", d61_90: "-d61_90", d90_plus: "-d90_plus" };

export default async function ReceivablesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const sp = await searchParams;
  const sort: Sort = (ageingSorts as readonly string[]).includes(one(sp.sort) ?? "") ? (one(sp.sort) as Sort) : "-total";
  const q = one(sp.q)?.trim().slice(0, 100) || undefined;
  const asOfParam = one(sp.asOf);
  const asOf = asOfParam && isCalendarDay(asOfParam) ? asOfParam : undefined;
  const page = Math.min(pageFrom(one(sp.page)), 10_000);
  const report = await getAgeing(makeCtx(actor), { q, sort, asOf, page, pageSize: PAGE_SIZE });
  const href = hrefBuilder("/receivables", { q, sort: sort === "-total" ? undefined : sort, asOf });
  const csv = `/api/v1/receivables/ageing?${new URLSearchParams({ format: "csv", ...(q ? { q } : {}), ...(asOf ? { asOf } : {}), sort }).toString()}`;
  const sortLink = (s: Sort, label: string) => (
    <Link href={href({ sort: s === "-total" ? undefined : s, page: undefined })} className={cn("hover:text-slate-900", sort === s && "text-slate-900 underline underline-offset-4")} aria-label={`Sort by ${label}`}>
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Receivables"
        description="What each retailer owes, by days past the due date. The total is each retailer's ledger balance; unapplied credit (advances, credit notes) is shown as a negative."
        actions={
          <>
            <a href={csv} className={buttonClasses({ variant: "secondary" })} download>
              Download CSV
            </a>
            {can(actor, "payments.write") && (
              <Link href="/payments/new" className={buttonClasses()}>
                Record payment
              </Link>
            )}
          </>
        }
      />
      <dl className="mt-6 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Summary label="Total outstanding" value={report.totals.total} strong />
        <Summary label="Not due" value={report.totals.notDue} />
        <Summary label="Overdue" value={sumOverdue(report.totals)} tone="text-warning-700" />
        <Summary label="90+ days" value={report.totals.d90_plus} tone="text-danger-700" />
        <Summary label="Unapplied credit" value={report.totals.unappliedCredit} />
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <dt className="text-xs text-slate-500">Retailers with a balance</dt>
          <dd className="mt-1 text-base font-medium text-slate-900 tabular-nums">{report.retailersWithBalance}</dd>
        </div>
      </dl>
      <form className="mt-6 flex flex-wrap items-end gap-3" action="/receivables" role="search">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q">Retailer</Label>
          <div className="w-72 max-w-full">
            <Input id="q" name="q" defaultValue={q} placeholder="Name or customer code" />
          </div>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="asOf">As of</Label>
          <div className="w-44">
            <DateInput id="asOf" name="asOf" defaultValue={report.asOf} />
          </div>
        </div>
        {sort !== "-total" && <input type="hidden" name="sort" value={sort} />}
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Show
        </button>
        {(q || asOf) && (
          <Link href="/receivables" className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        )}
      </form>
      <div className="mt-4">
        {report.rows.length === 0 ? (
          <EmptyState
            bordered
            title={q ? "No retailer matches" : "Nothing outstanding"}
            description={q ? "Try another name or customer code." : `No retailer owes anything or holds unapplied credit as of ${formatDate(report.asOf)}.`}
          />
        ) : (
          <AgeingTable
            report={report}
            asOf={asOf}
            heading={(key, label) => {
              if (key === "name") return sortLink("name", label);
              if (key === "total") return sortLink(sort === "-total" ? "total" : "-total", label);
              const s = sortable[key];
              return s ? sortLink(s, label) : label;
            }}
          />
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={report.matching} hrefFor={(n) => href({ page: n })} noun="retailers" />
      </div>
    </>
  );
}

function sumOverdue(b: AgeingBuckets): string {
  return fromPaise([b.d0_30, b.d31_60, b.d61_90, b.d90_plus].reduce((s, v) => s + (toPaise(v.replace(/^-/, "")) ?? 0n) * (v.startsWith("-") ? -1n : 1n), 0n));
}

function Summary({ label, value, tone, strong }: { label: string; value: string; tone?: string; strong?: boolean }) {
  return (
    <div className={cn("rounded-lg border border-slate-200 bg-white px-4 py-3", strong && "border-brand-200 bg-brand-50/40")}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cn("mt-1 tabular-nums", strong ? "text-lg font-semibold" : "text-base font-medium", value !== "0.00" && tone ? tone : "text-slate-900")}>{formatINR(value)}</dd>
    </div>
  );
}
