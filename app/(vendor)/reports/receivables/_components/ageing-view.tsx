import { IntentLink as Link } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import type { AgeingReport } from "@/lib/billing/get-ageing";
import type { AgeingBuckets } from "@/lib/billing/ledger-types";
import { formatDate, formatINR } from "@/lib/format";
import { Figure } from "../../_components/figure";

const columns: { key: keyof AgeingBuckets; label: string; tone?: string }[] = [
  { key: "notDue", label: "Not due" },
  { key: "d0_30", label: "1–30" },
  { key: "d31_60", label: "31–60", tone: "text-warning-700" },
  { key: "d61_90", label: "61–90", tone: "text-danger-700" },
  { key: "d90_plus", label: "90+", tone: "text-danger-700" },
  { key: "unappliedCredit", label: "Unapplied credit" },
];

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
          <Table className="min-w-[900px]">
            <caption className="sr-only">Receivables ageing as of {report.asOf}, largest balances first</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">Retailer</Th>
                {columns.map((c) => (
                  <Th key={c.key} numeric>
                    {c.label}
                  </Th>
                ))}
                <Th numeric>Total</Th>
              </Tr>
            </THead>
            <TBody>
              {report.rows.map((r) => (
                <Tr key={r.connectionId}>
                  <Td className="sticky left-0 z-10 bg-white">
                    <Link href={`/retailers/${r.connectionId}/ledger?to=${report.asOf}`} className="font-medium text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {r.customerCode ?? "—"} · {r.paymentTermsDays ? `${r.paymentTermsDays} days` : "Due on invoice"}
                    </span>
                  </Td>
                  {columns.map((c) => (
                    <Td key={c.key} numeric>
                      <span className={r.buckets[c.key] === "0.00" ? "text-slate-500" : c.tone}>{formatINR(r.buckets[c.key])}</span>
                    </Td>
                  ))}
                  <Td numeric className="font-semibold">
                    {formatINR(r.buckets.total)}
                  </Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">All {report.retailersWithBalance} retailers</Td>
                {columns.map((c) => (
                  <Td key={c.key} numeric>
                    {formatINR(t[c.key])}
                  </Td>
                ))}
                <Td numeric>{formatINR(t.total)}</Td>
              </Tr>
            </TFoot>
          </Table>
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
