import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate, formatINR, formatQuantity } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { ageingBucketLabels, ageingBuckets, type AgeingBucket, type StockAgeing } from "@/lib/reporting/stock/get-stock-ageing";
import { Figure } from "../../_components/figure";
import { href, type StockQuery } from "../stock-query";
import { ledgerHref } from "./ledger-link";

const tone: Record<AgeingBucket, BadgeTone> = { d0_30: "success", d31_60: "warning", d61_90: "danger", d90_plus: "danger" };
const bucketTitles: Record<AgeingBucket, string> = { d0_30: "Moved in 30 days", d31_60: "Idle 31–60 days", d61_90: "Idle 61–90 days", d90_plus: "Idle over 90 days" };
const minDaysOf: Record<AgeingBucket, string | undefined> = { d0_30: undefined, d31_60: "31", d61_90: "61", d90_plus: "91" };

export function AgeingView({ q, report }: { q: StockQuery; report: StockAgeing }) {
  const b = report.buckets;
  const idle = [b.d31_60, b.d61_90, b.d90_plus].reduce((s, x) => s.plus(x.value), new Prisma.Decimal(0));
  const total = new Prisma.Decimal(report.totals.value);
  const shown = report.rows.reduce((s, r) => s.plus(r.value ?? 0), new Prisma.Decimal(0));
  return (
    <>
      <section aria-label="Value by idle days" className="grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4">
        {ageingBuckets.map((k) => (
          <Figure
            key={k}
            label={bucketTitles[k]}
            value={formatINR(b[k].value)}
            hint={`${b[k].shelves} ${b[k].shelves === 1 ? "shelf" : "shelves"}`}
            tone={k === "d0_30" ? undefined : Number(b[k].value) > 0 ? (k === "d31_60" ? "warning" : "danger") : undefined}
            href={href("/reports/stock", { ...q.filters, view: "ageing", minDays: minDaysOf[k] })}
          />
        ))}
      </section>
      <p className="mt-3 text-sm text-slate-600">
        Stock idle over 30 days: <strong className="tabular-nums">{formatINR(idle.toFixed(2))}</strong>
        {total.gt(0) ? ` (${idle.div(total).times(100).toFixed(1)}% of ${formatINR(report.totals.value)} at cost)` : ""}. Slowest first.
      </p>
      <div className="mt-3">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="Nothing idle that long" description="No shelf with stock has been idle for that many days." />
        ) : (
          <Table className="sm:min-w-[760px] print:min-w-0">
            <caption className="sr-only">Shelves with stock by days since their last outward movement, as of {report.asOf}</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">Product</Th>
                <Th className="hidden sm:table-cell print:table-cell">Warehouse</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">On hand</Th>
                <Th numeric>Value</Th>
                <Th className="hidden sm:table-cell print:table-cell">Last out</Th>
                <Th numeric>Idle days</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Out in 30 days</Th>
              </Tr>
            </THead>
            <TBody>
              {report.rows.map((s) => (
                <Tr key={`${s.productId}-${s.warehouseId}`}>
                  <Td className="sticky left-0 z-10 bg-white">
                    <span className="font-medium text-slate-900">{s.name}</span>
                    <span className="block text-xs text-slate-500">
                      {s.sku}
                      <span className="sm:hidden"> · {s.warehouseCode} · {formatQuantity(s.onHand, s.unit)}</span>
                    </span>
                  </Td>
                  <Td muted className="hidden sm:table-cell print:table-cell">{s.warehouseCode}</Td>
                  <Td numeric className="hidden sm:table-cell print:table-cell">
                    <Link href={ledgerHref("on_hand", { productId: s.productId, warehouseId: s.warehouseId })} className="text-brand-700 hover:underline" aria-label={`Ledger rows of ${s.name} in ${s.warehouseCode}`}>
                      {formatQuantity(s.onHand, s.unit)}
                    </Link>
                  </Td>
                  <Td numeric>{s.value ? formatINR(s.value) : <span className="text-warning-700">No cost</span>}</Td>
                  <Td muted className="hidden whitespace-nowrap sm:table-cell print:table-cell">
                    {s.lastOutward ? formatDate(s.lastOutward) : <span title={`Stock came in on ${formatDate(s.idleSince)}`}>Never · in {formatDate(s.idleSince)}</span>}
                  </Td>
                  <Td numeric>
                    <Badge tone={tone[s.bucket]}>{s.idleDays}</Badge>
                    <span className="sr-only"> days, {ageingBucketLabels[s.bucket]}</span>
                  </Td>
                  <Td numeric className={cn("hidden sm:table-cell print:table-cell", Number(s.outLast30) === 0 && "text-slate-500")}>
                    {formatQuantity(s.outLast30)}
                  </Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">
                  {report.rows.length} {report.rows.length === 1 ? "shelf" : "shelves"}
                  {report.minDays ? ` idle ${report.minDays}+ days` : ""}
                </Td>
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td numeric>{formatINR(shown.toFixed(2))}</Td>
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td />
                <Td className="hidden sm:table-cell print:table-cell" />
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.rows.length} shelves; the downloads cover all of them.</p>}
      <p className="mt-2 text-xs text-slate-500">
        Idle days: since the shelf&apos;s last dispatch or transfer out, or — when that emptied the shelf, or nothing has gone out — since the stock now on it came in. As of {formatDate(report.asOf)}; value at cost.
      </p>
    </>
  );
}
