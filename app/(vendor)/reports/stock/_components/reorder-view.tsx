import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { formatDate, formatINR, formatQuantity } from "@/lib/format";
import type { ReorderRow, ReorderSuggestions } from "@/lib/reporting/stock/get-reorder-suggestions";
import { Figure } from "../../_components/figure";
import type { StockQuery } from "../stock-query";
import { ledgerHref } from "./ledger-link";

const reasons = { out_of_stock: { label: "Out of stock", tone: "danger" }, below_reorder_level: { label: "Below reorder level", tone: "warning" }, cover_short: { label: "Cover < lead time", tone: "info" } } as const;

export function ReorderView({ q, report }: { q: StockQuery; report: ReorderSuggestions }) {
  const t = report.totals;
  const window = { from: report.outflowFrom, to: report.outflowTo };
  const ownLeadTimes = report.rows.filter((r) => r.leadTimeSource === "product").length;
  return (
    <>
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4">
        <Figure label="Products to reorder" value={String(t.products)} hint={`of ${t.considered} active products`} tone={t.products ? "warning" : undefined} />
        <Figure label="Suggested purchase" value={formatINR(t.suggestedValue)} hint={t.unvalued ? `${t.unvalued} without a cost price` : "At cost price"} />
        <Figure label="Default lead time" value={`${report.leadTimeDays} days`} hint={ownLeadTimes ? `${ownLeadTimes} of ${report.rows.length} listed use their own` : "For products without their own"} />
        <Figure label="Cover after arrival" value={`${report.coverDays} days`} hint={`Outflow of ${formatDate(report.outflowFrom)} – ${formatDate(report.outflowTo)}`} />
      </section>
      <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
        <p>
          <strong>Daily outflow</strong> = dispatched in the last 30 days ÷ 30{q.filters.warehouseId ? " (transfers out of this warehouse count too)" : ""}. <strong>Days of cover</strong> = available (on hand − reserved) ÷ daily outflow.
        </p>
        <p className="mt-1">
          Listed when available is below the reorder level or the cover is shorter than the lead time. <strong>Suggested</strong> = reorder level + daily outflow × (lead time + cover days) − available, rounded up to whole packs.
        </p>
        <p className="mt-1">
          <strong>Lead time</strong> is the product&apos;s own (set on the product) where it has one, else the default of {report.leadTimeDays} days, marked <DefaultMark />.
        </p>
      </div>
      <div className="mt-3">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="Nothing to reorder" description="Every active product is above its reorder level and covers the lead time." />
        ) : (
          <Table className="sm:min-w-[900px] print:min-w-0">
            <caption className="sr-only">Reorder suggestions as of {report.asOf}</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">Product</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Reorder level</Th>
                <Th numeric>Available</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Out in 30 days</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Days of cover</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Lead time</Th>
                <Th className="hidden sm:table-cell print:table-cell">Why</Th>
                <Th numeric>Suggested</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Value</Th>
              </Tr>
            </THead>
            <TBody>
              {report.rows.map((r) => (
                <Tr key={r.productId}>
                  <Td className="sticky left-0 z-10 bg-white sm:min-w-44">
                    <span className="font-medium text-slate-900">{r.name}</span>
                    <span className="block text-xs text-slate-500">{r.sku}</span>
                    <span className="mt-1 block sm:hidden">
                      <Badge tone={reasons[r.reason].tone}>{reasons[r.reason].label}</Badge>
                    </span>
                  </Td>
                  <Td numeric muted className="hidden sm:table-cell print:table-cell">
                    {formatQuantity(r.reorderLevel)}
                  </Td>
                  <Td numeric>
                    <Link href={ledgerHref("on_hand", { productId: r.productId, warehouseId: q.filters.warehouseId })} className="text-brand-700 hover:underline" aria-label={`Ledger rows of ${r.name}`}>
                      {formatQuantity(r.available, r.unit)}
                    </Link>
                    {r.reserved !== "0" && <span className="block text-xs text-slate-500">{formatQuantity(r.reserved)} reserved</span>}
                  </Td>
                  <Td numeric className="hidden sm:table-cell print:table-cell">
                    {Number(r.outflow30) > 0 ? (
                      <Link href={ledgerHref("outflow", { productId: r.productId, warehouseId: q.filters.warehouseId }, window)} className="text-brand-700 hover:underline" aria-label={`Dispatches of ${r.name} in the last 30 days`}>
                        {formatQuantity(r.outflow30)}
                      </Link>
                    ) : (
                      <span className="text-slate-500">0</span>
                    )}
                    <span className="block text-xs text-slate-500">{r.dailyOutflow}/day</span>
                  </Td>
                  <Td numeric className="hidden sm:table-cell print:table-cell">{r.daysOfCover ?? "—"}</Td>
                  <Td numeric className="hidden sm:table-cell print:table-cell">
                    <LeadTime row={r} />
                  </Td>
                  <Td className="hidden sm:table-cell print:table-cell">
                    <Badge tone={reasons[r.reason].tone}>{reasons[r.reason].label}</Badge>
                  </Td>
                  <Td numeric className="font-semibold">
                    {formatQuantity(r.suggested, r.unit)}
                    {r.packSize && r.packUnit && <span className="block text-xs font-normal text-slate-500">{formatQuantity(String(Number(r.suggested) / Number(r.packSize)))} {r.packUnit} of {formatQuantity(r.packSize)}</span>}
                  </Td>
                  <Td numeric className="hidden sm:table-cell print:table-cell">{r.suggestedValue ? formatINR(r.suggestedValue) : <span className="text-warning-700">No cost</span>}</Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">Total</Td>
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td className="hidden sm:table-cell print:table-cell" />
                <Td numeric>
                  <span className="sm:hidden print:hidden">{formatINR(t.suggestedValue)}</span>
                </Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{formatINR(t.suggestedValue)}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.rows.length} products; the totals and the downloads cover all of them.</p>}
    </>
  );
}

/** "21 d" for a product's own lead time; the report's default is shown lighter with a marker. */
function LeadTime({ row }: { row: ReorderRow }) {
  if (row.leadTimeSource === "product") return <span title="The product's own lead time">{row.leadTimeDays} d</span>;
  return (
    <span className="text-slate-500" title="The report's default lead time (the product has none of its own)">
      {row.leadTimeDays} d <DefaultMark />
    </span>
  );
}

function DefaultMark() {
  return <span className="ml-0.5 rounded border border-slate-300 px-1 text-[10px] font-medium text-slate-500">default</span>;
}
