import { IntentLink as Link } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { formatINR, formatQuantity } from "@/lib/format";
import type { MovementColumn, MovementFigures, MovementRow, StockMovements } from "@/lib/reporting/stock/get-stock-movements";
import type { LedgerFigure } from "@/lib/reporting/stock/stock.schemas";
import { Figure } from "../../_components/figure";
import type { StockQuery } from "../stock-query";
import { ledgerHref } from "./ledger-link";

const figureOf: Record<MovementColumn, LedgerFigure> = {
  opening: "opening", receipts: "receipts", returns: "returns", transfersIn: "transfers_in", adjustmentsIn: "adjustments_in", in: "in",
  dispatches: "dispatches", transfersOut: "transfers_out", adjustmentsOut: "adjustments_out", out: "out", closing: "closing",
};
const inCols: [MovementColumn, string][] = [["receipts", "Receipts"], ["returns", "Returns"], ["transfersIn", "Transfers"], ["adjustmentsIn", "Adjust. +"]];
const outCols: [MovementColumn, string][] = [["dispatches", "Dispatches"], ["transfersOut", "Transfers"], ["adjustmentsOut", "Adjust. −"]];
const filterKey = { warehouse: "warehouseId", category: "categoryId", product: "productId" } as const;
const heading = { warehouse: "Warehouse", category: "Category", product: "Product" } as const;
const th = "px-2 py-2 text-right text-[11px] font-medium tracking-wide whitespace-nowrap text-slate-500 uppercase";
const td = "px-2 py-2 text-right whitespace-nowrap tabular-nums";
// On a phone the kinds fold into one In and one Out column; the page and paper show every kind.
const wide = "hidden sm:table-cell print:table-cell";
const narrow = "sm:hidden print:hidden";

export function MovementsView({ q, report }: { q: StockQuery; report: StockMovements }) {
  const t = report.totals.values;
  const period = { from: report.from, to: report.to };
  const product = report.groupBy === "product";
  return (
    <>
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4 print:grid-cols-4">
        <Figure label="Opening value" value={formatINR(t.opening)} href={ledgerHref("opening", q.filters, period)} />
        <Figure label="In" value={formatINR(t.in)} href={ledgerHref("in", q.filters, period)} hint="Receipts, returns, transfers, adjustments +" />
        <Figure label="Out" value={formatINR(t.out)} href={ledgerHref("out", q.filters, period)} hint="Dispatches, transfers, adjustments −" />
        <Figure label="Closing value" value={formatINR(t.closing)} href={ledgerHref("closing", q.filters, period)} hint="Opening + in − out" />
      </section>
      <div className="mt-4">
        {report.rows.length === 0 ? (
          <EmptyState bordered title="No stock and no movements" description="Nothing was on hand or moved in this period with these filters." />
        ) : (
          <div className="relative w-full overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-[13px] sm:min-w-[900px] print:min-w-0">
              <caption className="sr-only">
                Stock movements from {report.from} to {report.to} by {heading[report.groupBy].toLowerCase()}
                {product ? ", in each product's unit" : ", value at cost"}
              </caption>
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" rowSpan={2} className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
                    {heading[report.groupBy]}
                  </th>
                  <th scope="col" rowSpan={2} className={th}>Opening</th>
                  <th scope="col" rowSpan={2} className={cn(th, narrow)}>In</th>
                  <th scope="col" rowSpan={2} className={cn(th, narrow)}>Out</th>
                  <th scope="colgroup" colSpan={4} className="hidden border-x border-slate-200 px-2.5 pt-2 text-center text-xs font-semibold tracking-wide text-success-700 uppercase sm:table-cell print:table-cell">In</th>
                  <th scope="colgroup" colSpan={3} className="hidden border-r border-slate-200 px-2.5 pt-2 text-center text-xs font-semibold tracking-wide text-danger-700 uppercase sm:table-cell print:table-cell">Out</th>
                  <th scope="col" rowSpan={2} className={th}>
                    Closing
                    {product && <span className="block text-[10px] font-normal normal-case">value at cost</span>}
                  </th>
                </tr>
                <tr>
                  {inCols.map(([c, label], i) => (
                    <th key={c} scope="col" className={cn(th, wide, i === 0 && "border-l border-slate-200", i === inCols.length - 1 && "border-r border-slate-200")}>{label}</th>
                  ))}
                  {outCols.map(([c, label], i) => (
                    <th key={c} scope="col" className={cn(th, wide, i === outCols.length - 1 && "border-r border-slate-200")}>{label}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rows.map((r) => (
                  <Row key={r.key} r={r} period={period} filter={{ ...q.filters, [filterKey[report.groupBy]]: r.key }} product={product} />
                ))}
              </tbody>
              <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold text-slate-900">
                <tr>
                  <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left">Total value</th>
                  {(["opening", "in", "out", ...inCols.map((c) => c[0]), ...outCols.map((c) => c[0]), "closing"] as MovementColumn[]).map((c) => (
                    <td key={c} className={cn(td, c === "in" || c === "out" ? narrow : c === "opening" || c === "closing" ? undefined : wide)}>{formatINR(t[c])}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </div>
      {report.truncated && <p className="mt-2 text-sm text-slate-500">Showing the first {report.rows.length} rows; the totals and the downloads cover all of them.</p>}
      <p className="mt-2 text-xs text-slate-500">
        {product ? "Quantities in each product's unit; the totals are values at cost. " : "Values at each product's cost price today. "}
        Opening: every ledger row before {report.from}; closing: every row up to the end of {report.to} (IST) = opening + in − out. Transfers between warehouses show as both in and out unless one warehouse is chosen.
        {report.totals.unvalued > 0 && ` ${report.totals.unvalued} product${report.totals.unvalued === 1 ? " has" : "s have"} no cost price and count as zero in the values.`}
      </p>
    </>
  );
}

function Row({ r, period, filter, product }: { r: MovementRow; period: { from: string; to: string }; filter: Record<string, string | undefined>; product: boolean }) {
  const f: MovementFigures = product ? r.quantities! : r.values;
  const show = (c: MovementColumn) => (product ? formatQuantity(f[c]) : formatINR(f[c]));
  const cell = (c: MovementColumn, extra?: string, below?: string) => {
    const zero = Number(f[c]) === 0;
    return (
      <td key={c} className={cn(td, extra, zero && "text-slate-500")}>
        {zero ? (
          show(c)
        ) : (
          <Link href={ledgerHref(figureOf[c], filter, period)} className="text-brand-700 hover:underline" aria-label={`Ledger rows behind ${c} ${show(c)} of ${r.name}`}>
            {show(c)}
          </Link>
        )}
        {below && <span className="block text-xs font-normal text-slate-500">{below}</span>}
      </td>
    );
  };
  return (
    <tr className="hover:bg-slate-50">
      <th scope="row" className="sticky left-0 z-10 w-44 min-w-36 bg-white px-3 py-2 text-left font-medium text-slate-900 lg:w-56">
        <span className="block">{r.name}</span>
        {(r.code || r.unit) && <span className="block text-xs font-normal text-slate-500">{[r.code, r.unit].filter(Boolean).join(" · ")}</span>}
      </th>
      {cell("opening")}
      {cell("in", narrow)}
      {cell("out", narrow)}
      {inCols.map(([c]) => cell(c, wide))}
      {outCols.map(([c]) => cell(c, wide))}
      {cell("closing", "font-semibold", product ? (r.unvalued ? "No cost" : formatINR(r.values.closing)) : undefined)}
    </tr>
  );
}
