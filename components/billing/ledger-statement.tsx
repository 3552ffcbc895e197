// A retailer ledger (statement of account) on screen: opening balance, entries with the running
// balance, totals, closing balance and the ageing of the closing balance. Used by the vendor's
// /retailers/[id]/ledger and the portal's /portal/statement; renders a LedgerView as built by
// lib/billing/get-ledger.ts (the CSV and the PDF render the same view).
import { IntentLink as Link } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import type { AgeingBuckets, LedgerEntry, LedgerView } from "@/lib/billing/ledger-types";
import { cn } from "@/lib/cn";
import { formatDate, formatINR } from "@/lib/format";

const kindLabels: Record<LedgerEntry["kind"], string> = { invoice: "Invoice", debit_note: "Debit note", credit_note: "Credit note", receipt: "Receipt", refund: "Refund" };

/** Balance as the statement prints it: "₹1,200.00 Dr" (owed to the vendor) or "₹300.00 Cr". */
export function drCr(amount: string): string {
  if (/^-?0(\.0+)?$/.test(amount)) return formatINR("0");
  return amount.startsWith("-") ? `${formatINR(amount.slice(1))} Cr` : `${formatINR(amount)} Dr`;
}

export function LedgerStatement({ view, hrefFor }: { view: LedgerView; hrefFor?: (e: LedgerEntry) => string | null }) {
  return (
    <div className="space-y-6">
      <dl className="grid gap-3 sm:grid-cols-4">
        <Figure label={`Opening on ${formatDate(view.from)}`} value={drCr(view.openingBalance)} />
        <Figure label="Debits" value={formatINR(view.totals.debit)} hint="Invoices, debit notes, refunds" />
        <Figure label="Credits" value={formatINR(view.totals.credit)} hint="Receipts, credit notes" />
        <Figure label={`Closing on ${formatDate(view.to)}`} value={drCr(view.closingBalance)} strong />
      </dl>
      <AgeingStrip buckets={view.ageing} asOf={view.to} />
      {view.entries.length === 0 ? (
        <EmptyState bordered title="No entries in this period" description={`Nothing was invoiced, credited, received or refunded between ${formatDate(view.from)} and ${formatDate(view.to)}.`} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Date</Th>
              <Th>Document</Th>
              <Th>Description</Th>
              <Th numeric>Debit</Th>
              <Th numeric>Credit</Th>
              <Th numeric>Balance</Th>
            </Tr>
          </THead>
          <TBody>
            <Tr className="bg-slate-50/60">
              <Td muted>{formatDate(view.from)}</Td>
              <Td colSpan={4} muted>
                Opening balance
              </Td>
              <Td numeric className="font-medium">
                {drCr(view.openingBalance)}
              </Td>
            </Tr>
            {view.entries.map((e) => {
              const href = hrefFor?.(e);
              return (
                <Tr key={`${e.kind}-${e.documentId}`}>
                  <Td muted className="whitespace-nowrap">
                    {formatDate(e.date)}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {href ? (
                      <Link href={href} className="font-medium text-brand-700 hover:underline">
                        {e.number}
                      </Link>
                    ) : (
                      <span className="font-medium">{e.number}</span>
                    )}
                    <span className="block text-xs text-slate-500">{kindLabels[e.kind]}</span>
                  </Td>
                  <Td className="min-w-48">
                    <span className="block">{e.description}</span>
                    {e.dueDate && e.open && e.open !== "0.00" && (
                      <span className="block text-xs text-slate-500">
                        Due {formatDate(e.dueDate)} · {formatINR(e.open)} open
                      </span>
                    )}
                  </Td>
                  <Td numeric>{e.debit !== "0.00" ? formatINR(e.debit) : ""}</Td>
                  <Td numeric>{e.credit !== "0.00" ? formatINR(e.credit) : ""}</Td>
                  <Td numeric className="font-medium">
                    {drCr(e.balance)}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
          <TFoot>
            <Tr>
              <Td colSpan={3} align="right">
                Totals
              </Td>
              <Td numeric>{formatINR(view.totals.debit)}</Td>
              <Td numeric>{formatINR(view.totals.credit)}</Td>
              <Td />
            </Tr>
            <Tr>
              <Td colSpan={5} align="right">
                Closing balance on {formatDate(view.to)}
              </Td>
              <Td numeric>{drCr(view.closingBalance)}</Td>
            </Tr>
          </TFoot>
        </Table>
      )}
    </div>
  );
}

/** Not due, 1–30, 31–60, 61–90 and 90+ days past due, unapplied credit, total. */
export function AgeingStrip({ buckets, asOf }: { buckets: AgeingBuckets; asOf: string }) {
  const cells: [string, string, string?][] = [
    ["Not due", buckets.notDue],
    ["1–30 days", buckets.d0_30],
    ["31–60 days", buckets.d31_60, "text-warning-700"],
    ["61–90 days", buckets.d61_90, "text-danger-700"],
    ["90+ days", buckets.d90_plus, "text-danger-700"],
    ["Unapplied credit", buckets.unappliedCredit],
    ["Total", buckets.total],
  ];
  return (
    <section aria-label={`Ageing as of ${formatDate(asOf)}`} className="rounded-lg border border-slate-200 bg-white">
      <h3 className="border-b border-slate-100 px-4 py-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Ageing as of {formatDate(asOf)}</h3>
      <dl className="grid grid-cols-2 divide-slate-100 sm:grid-cols-4 lg:grid-cols-7 lg:divide-x">
        {cells.map(([label, value, tone], i) => (
          <div key={label} className={cn("px-4 py-3", i === cells.length - 1 && "bg-slate-50")}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className={cn("mt-0.5 text-sm tabular-nums", i === cells.length - 1 ? "font-semibold text-slate-900" : value === "0.00" ? "font-medium text-slate-500" : cn("font-medium", tone ?? "text-slate-900"))}>{formatINR(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Figure({ label, value, hint, strong }: { label: string; value: string; hint?: string; strong?: boolean }) {
  return (
    <div className={cn("rounded-lg border border-slate-200 bg-white px-4 py-3", strong && "border-brand-200 bg-brand-50/40")}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cn("mt-1 tabular-nums", strong ? "text-lg font-semibold text-slate-900" : "text-base font-medium text-slate-900")}>{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
