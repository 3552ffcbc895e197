// The ageing table both the Receivables screen and the receivables report show: a row per retailer
// (linked to its ledger up to the as-of day), a column per bucket, the ledger balance, and the totals.
import type { ReactNode } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import type { AgeingReport } from "@/lib/billing/get-ageing";
import type { AgeingBuckets } from "@/lib/billing/ledger-types";
import { cn } from "@/lib/cn";
import { formatINR } from "@/lib/format";

export const ageingColumns: { key: keyof AgeingBuckets; label: string; tone?: string }[] = [
  { key: "notDue", label: "Not due" },
  { key: "d0_30", label: "1–30" },
  { key: "d31_60", label: "31–60", tone: "text-warning-700" },
  { key: "d61_90", label: "61–90", tone: "text-danger-700" },
  { key: "d90_plus", label: "90+", tone: "text-danger-700" },
  { key: "unappliedCredit", label: "Unapplied credit" },
];

/**
 * `heading` draws a column's header (the Receivables screen makes some of them sort links); `asOf` is added to
 * each ledger link; `sticky` keeps the retailer column in view when the table scrolls sideways.
 */
export function AgeingTable({
  report,
  asOf,
  heading = (_key, label) => label,
  footLabel = "All retailers",
  sticky = false,
  caption,
  className,
}: {
  report: Pick<AgeingReport, "rows" | "totals">;
  asOf?: string;
  heading?: (key: keyof AgeingBuckets | "name" | "total", label: string) => ReactNode;
  footLabel?: string;
  sticky?: boolean;
  caption?: string;
  className?: string;
}) {
  const stick = (bg: string) => (sticky ? `sticky left-0 z-10 ${bg}` : undefined);
  return (
    <Table className={className}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <THead>
        <Tr>
          <Th className={stick("bg-slate-50")}>{heading("name", "Retailer")}</Th>
          {ageingColumns.map((c) => (
            <Th key={c.key} numeric>
              {heading(c.key, c.label)}
            </Th>
          ))}
          <Th numeric>{heading("total", "Total")}</Th>
        </Tr>
      </THead>
      <TBody>
        {report.rows.map((r) => (
          <Tr key={r.connectionId} interactive={!sticky}>
            <Td className={stick("bg-white")}>
              <Link href={`/retailers/${r.connectionId}/ledger${asOf ? `?to=${asOf}` : ""}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              <span className="block text-xs text-slate-500">
                {r.customerCode ?? "—"} · {r.paymentTermsDays ? `${r.paymentTermsDays} days` : "Due on invoice"}
              </span>
            </Td>
            {ageingColumns.map((c) => (
              <Td key={c.key} numeric>
                <span className={cn(r.buckets[c.key] === "0.00" ? "text-slate-500" : c.tone)}>{formatINR(r.buckets[c.key])}</span>
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
          <Td className={stick("bg-slate-50")}>{footLabel}</Td>
          {ageingColumns.map((c) => (
            <Td key={c.key} numeric>
              {formatINR(report.totals[c.key])}
            </Td>
          ))}
          <Td numeric>{formatINR(report.totals.total)}</Td>
        </Tr>
      </TFoot>
    </Table>
  );
}
