import { IntentLink as Link } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatINR, formatQuantity } from "@/lib/format";
import type { StockValuation } from "@/lib/reporting/stock/get-stock-valuation";
import { Figure } from "../../_components/figure";
import type { StockQuery } from "../stock-query";
import { ledgerHref } from "./ledger-link";

const filterKey = { warehouse: "warehouseId", category: "categoryId", product: "productId" } as const;
const heading = { warehouse: "Warehouse", category: "Category", product: "Product" } as const;

export function ValuationView({ q, report }: { q: StockQuery; report: StockValuation }) {
  const t = report.totals;
  const product = report.groupBy === "product";
  const share = (v: string) => (Number(t.value) > 0 ? `${((Number(v) / Number(t.value)) * 100).toFixed(1)}%` : "—");
  return (
    <>
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4">
        <Figure label="Stock value at cost" value={formatINR(t.value)} href={ledgerHref("on_hand", q.filters)} />
        <Figure label="Products in stock" value={String(t.products)} />
        <Figure label="Shelves" value={String(t.shelves)} hint="Product × warehouse with stock" />
        <Figure label="Without cost price" value={String(t.unvalued)} tone={t.unvalued ? "warning" : undefined} hint={t.unvalued ? "Their stock is not in the value" : "Every product is valued"} />
      </section>
      <div className="mt-4">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="No stock" description="Nothing on hand with these filters." />
        ) : (
          <Table>
            <caption className="sr-only">Stock on hand and value by {heading[report.groupBy].toLowerCase()}</caption>
            <THead>
              <Tr>
                <Th className="sticky left-0 z-10 bg-slate-50">{heading[report.groupBy]}</Th>
                {product ? (
                  <>
                    <Th numeric>On hand</Th>
                    <Th numeric className="hidden sm:table-cell print:table-cell">Cost price</Th>
                  </>
                ) : (
                  <>
                    <Th numeric className="hidden sm:table-cell print:table-cell">Products</Th>
                    <Th numeric className="hidden sm:table-cell print:table-cell">Without cost</Th>
                  </>
                )}
                <Th numeric>Value</Th>
                <Th numeric>Share</Th>
              </Tr>
            </THead>
            <TBody>
              {report.rows.map((r) => {
                const drill = ledgerHref("on_hand", { ...q.filters, [filterKey[report.groupBy]]: r.key });
                return (
                  <Tr key={r.key}>
                    <Td className="sticky left-0 z-10 bg-white">
                      <span className="font-medium text-slate-900">{r.name}</span>
                      {r.code && <span className="block text-xs text-slate-500">{r.code}</span>}
                    </Td>
                    {product ? (
                      <>
                        <Td numeric>
                          <Link href={drill} className="text-brand-700 hover:underline">
                            {formatQuantity(r.quantity ?? "0", r.unit)}
                          </Link>
                        </Td>
                        <Td numeric muted className="hidden sm:table-cell print:table-cell">
                          {r.costPrice ? formatINR(r.costPrice) : "Not set"}
                        </Td>
                      </>
                    ) : (
                      <>
                        <Td numeric className="hidden sm:table-cell print:table-cell">{r.products}</Td>
                        <Td numeric className={cn("hidden sm:table-cell print:table-cell", r.unvalued ? "text-warning-700" : "text-slate-500")}>
                          {r.unvalued}
                        </Td>
                      </>
                    )}
                    <Td numeric className="font-medium">
                      <Link href={drill} className="text-brand-700 hover:underline" aria-label={`Ledger rows behind ${formatINR(r.value)} for ${r.name}`}>
                        {formatINR(r.value)}
                      </Link>
                    </Td>
                    <Td numeric muted>
                      {share(r.value)}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
            <TFoot>
              <Tr>
                <Td className="sticky left-0 z-10 bg-slate-50">Total</Td>
                {product ? <Td /> : <Td numeric className="hidden sm:table-cell print:table-cell">{t.products}</Td>}
                {product ? <Td className="hidden sm:table-cell print:table-cell" /> : <Td numeric className="hidden sm:table-cell print:table-cell">{t.unvalued}</Td>}
                <Td numeric>{formatINR(t.value)}</Td>
                <Td numeric>{Number(t.value) > 0 ? "100%" : "—"}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.rows.length} rows; the totals and the downloads cover all of them.</p>}
      <p className="mt-2 text-xs text-slate-500">Value = on hand today × the product&apos;s cost price. Products without a cost price are counted but not valued.</p>
    </>
  );
}
