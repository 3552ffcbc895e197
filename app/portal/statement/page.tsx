import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { RangeRefused, StatementRangeForm } from "@/components/billing/statement-range";
import { LedgerStatement, drCr } from "@/components/billing/ledger-statement";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { vendorsTakingOnlinePayments } from "@/lib/billing/gateway/gateway-accounts";
import { getMyOutstanding } from "@/lib/billing/get-ageing";
import { getMyLedger } from "@/lib/billing/get-ledger";
import type { LedgerView } from "@/lib/billing/ledger-types";
import { fromPaise, toPaise } from "@/lib/billing/paise";
import { cn } from "@/lib/cn";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { one, type SearchParams } from "@/lib/search-params";
import { PayNowButton } from "../invoices/_components/pay-now-button";

export const metadata: Metadata = { title: "Statement" };

export default async function PortalStatementPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const vendors = await getMyOutstanding(ctx);
  const online = await vendorsTakingOnlinePayments(ctx.db, vendors.map((v) => v.vendor.code));
  const code = one(sp.vendor)?.toUpperCase();
  // Without a choice, open the statement of the vendor owed the most (else the first).
  const largest = [...vendors].sort((a, b) => Number(b.outstanding) - Number(a.outstanding))[0];
  const selected = vendors.find((v) => v.vendor.code === code) ?? largest;
  const from = one(sp.from) || undefined;
  const to = one(sp.to) || undefined;
  let view: LedgerView | null = null;
  let rangeError: string | null = null;
  if (selected) {
    try {
      view = await getMyLedger(ctx, selected.vendor.code, { from, to });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "validation") throw e;
      rangeError = e.message;
      view = await getMyLedger(ctx, selected.vendor.code);
    }
  }
  const range = view ? new URLSearchParams({ from: view.from, to: view.to }).toString() : "";

  return (
    <>
      <PageHeader title="Statement" description="What you owe each vendor, and your statement of account with them: invoices, notes, payments and the running balance." />
      {vendors.length === 0 ? (
        <EmptyState
          bordered
          title="No vendors yet"
          description="Once a vendor accepts you, what you owe them and your statement appear here."
          action={
            <Link href="/portal/vendors" className={buttonClasses()}>
              My vendors
            </Link>
          }
        />
      ) : (
        <>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Outstanding per vendor">
            {vendors.map((v) => {
              const active = selected?.connectionId === v.connectionId;
              const overdue = [v.ageing.d0_30, v.ageing.d31_60, v.ageing.d61_90, v.ageing.d90_plus].some((x) => x !== "0.00");
              return (
                <li key={v.connectionId}>
                  <Link
                    href={`/portal/statement?vendor=${v.vendor.code}`}
                    aria-current={active ? "page" : undefined}
                    className={cn("block rounded-lg border bg-white px-4 py-3 transition-colors hover:border-brand-300", active ? "border-brand-500 ring-2 ring-brand-500/20" : "border-slate-200")}
                  >
                    <span className="block text-sm font-medium text-slate-900">{v.vendor.name}</span>
                    <span className="mt-1 block text-xl font-semibold text-slate-900 tabular-nums">{drCr(v.outstanding)}</span>
                    <span className="mt-1 block text-xs text-slate-500">
                      {overdue ? <span className="font-medium text-danger-700">Overdue {formatINR(addOverdue(v.ageing))}</span> : "Nothing overdue"}
                      {v.creditLimit !== "0.00" && <> · limit {formatINR(v.creditLimit)}</>}
                    </span>
                  </Link>
                  {Number(v.outstanding) > 0 && online.has(v.vendor.code) && (
                    <div className="mt-2 flex justify-end">
                      <PayNowButton connectionId={v.connectionId} size="sm" label={`Pay ${formatINR(v.outstanding)} now`} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {!selected || !view ? (
            <p className="mt-6 text-sm text-slate-500">Choose a vendor to see your statement.</p>
          ) : (
            <section className="mt-8" aria-label={`Statement with ${selected.vendor.name}`}>
              <div className="flex flex-wrap items-end justify-between gap-3">
                <StatementRangeForm action="/portal/statement" from={view.from} to={view.to} hidden={{ vendor: selected.vendor.code }} />
                <div className="flex gap-2">
                  <a href={`/api/v1/me/vendors/${selected.vendor.code}/ledger/pdf?${range}`} className={buttonClasses({ variant: "secondary" })}>
                    Download PDF
                  </a>
                  <a href={`/api/v1/me/vendors/${selected.vendor.code}/ledger?${range}&format=csv`} className={buttonClasses({ variant: "secondary" })} download>
                    Download CSV
                  </a>
                </div>
              </div>
              <RangeRefused message={rangeError} />
              <div className="mt-6">
                <LedgerStatement view={view} hrefFor={(e) => (e.kind === "receipt" || e.kind === "refund" ? null : `/portal/invoices/${e.documentId}`)} />
              </div>
            </section>
          )}
        </>
      )}
    </>
  );
}

function addOverdue(b: { d0_30: string; d31_60: string; d61_90: string; d90_plus: string }): string {
  // Past-due buckets are open amounts, never negative.
  return fromPaise([b.d0_30, b.d31_60, b.d61_90, b.d90_plus].reduce((s, v) => s + (toPaise(v) ?? 0n), 0n));
}
