import { IntentLink as Link } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { AgeingTable } from "@/components/billing/ageing-table";
import type { AgeingReport } from "@/lib/billing/get-ageing";
import { formatDate, formatINR } from "@/lib/format";
import { Figure } from "../../_components/figure";


/** The billing ageing (getAgeing) as of the report's last day: its buckets and the largest balances. */
export function AgeingView({ report, shown }: { report: AgeingReport; shown: number }) {
  const t = report.totals;
  return (
    <>
      <section aria-label="Ageing buckets" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
        <Figure label="Not due" value={formatINR(t.notDue)} />
        <Figure label="1–30 days" value={formatINR(t.d0_30)} />
        <Figure label="31–60 days" value={formatINR(t.d31_60)} tone={t.d31_60 !== "0.00" ? "warning" : undefined} />
        <Figure label="61–90 days" value={formatINR(t.d61_90)} tone={t.d61_90 !== "0.00" ? "danger" : undefined} />
        <Figure label="90+ days" value={formatINR(t.d90_plus)} tone={t.d90_plus !== "0.00" ? "danger" : undefined} />
      </section>
      <div className="mt-4">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="Nothing outstanding" description={`No retailer owes anything or holds unapplied credit as of ${formatDate(report.asOf)}.`} />
        ) : (
          <AgeingTable report={report} asOf={report.asOf} sticky className="min-w-[900px]" footLabel={`All ${report.retailersWithBalance} retailers`} caption={`Receivables ageing as of ${report.asOf}, largest balances first`} />
        )}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        Open amounts by days past the due date as of {formatDate(report.asOf)}; the total is each retailer&apos;s ledger balance.{" "}
        {report.retailersWithBalance > shown ? `The ${shown} largest balances are shown; the downloads and ` : "The downloads and "}
        <Link href={`/receivables?asOf=${report.asOf}`} className="text-brand-700 underline print:hidden">
          the Receivables screen
        </Link>
        <span className="hidden print:inline">the Receivables screen</span> list every retailer.
      </p>
    </>
  );
}
