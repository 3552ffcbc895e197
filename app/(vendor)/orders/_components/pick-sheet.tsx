// One order's pick list sheet: the order's own pick-list page prints one, the orders list's "Print
// pick lists" prints several on one page, each starting on a new sheet of paper.
import { PostalAddress } from "@/components/ui/postal-address";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime, formatQuantity } from "@/lib/format";
import type { PickListView } from "@/lib/orders/views";

// Printing drops the dashboard frame (sidebar, top bar, page padding): the sheet is the page.
export const pickSheetPrintCss = `
@media print {
  @page { size: A4; margin: 12mm; }
  html, body { background: #fff !important; }
  body aside, body header.sticky { display: none !important; }
  body .min-h-dvh { padding-left: 0 !important; }
  body main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .pick-sheet { border: 0 !important; box-shadow: none !important; padding: 0 !important; }
  .pick-sheet tr { break-inside: avoid; }
  .pick-sheet + .pick-sheet { break-before: page; margin-top: 0 !important; }
}`;

/** heading: h1 when the sheet is the page, h2 when several share one page under its own h1. */
export function PickSheet({ pick, className, heading: Heading = "h1" }: { pick: PickListView; className?: string; heading?: "h1" | "h2" }) {
  const a = pick.order.shippingAddress;
  return (
    <article className={cn("pick-sheet rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-card sm:p-8", className)} aria-label={`Pick list ${pick.order.number}`}>
      <div className="flex flex-wrap items-start justify-between gap-6 border-b border-slate-300 pb-5">
        <div>
          <Heading className="text-2xl font-semibold tracking-tight">Pick list</Heading>
          <p className="mt-1 font-mono text-lg">{pick.order.number}</p>
          <p className="mt-1 text-sm text-slate-600">
            For <span className="font-medium text-slate-900">{pick.order.retailerName}</span> · {pick.order.placedAt ? `placed ${formatDate(pick.order.placedAt)}` : "not placed yet"} · Warehouse <span className="font-medium text-slate-900">{pick.warehouse.code}</span> {pick.warehouse.name}
          </p>
        </div>
        <div className="text-sm leading-6">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Ship to</p>
          <PostalAddress address={a} />
        </div>
      </div>

      {pick.order.notes && (
        <p className="mt-4 rounded-md border border-slate-300 px-3 py-2 text-sm">
          <span className="font-semibold">Notes: </span>
          {pick.order.notes}
        </p>
      )}

      <div className="mt-5 overflow-x-auto">
        <table className="w-full border-collapse text-sm" aria-label="Products to pick">
          <thead>
            <tr className="border-b-2 border-slate-800 text-left text-xs tracking-wide text-slate-600 uppercase">
              <th scope="col" className="w-8 py-2 pr-2">#</th>
              <th scope="col" className="py-2 pr-3">SKU</th>
              <th scope="col" className="py-2 pr-3">Product</th>
              <th scope="col" className="hidden py-2 pr-3 sm:table-cell print:table-cell">Barcode</th>
              <th scope="col" className="py-2 pr-3 text-right">Qty</th>
              <th scope="col" className="py-2 pr-3 text-right">Packs</th>
              <th scope="col" className="w-16 px-1 py-2 text-center">Picked</th>
              <th scope="col" className="w-16 px-1 py-2 text-center">Checked</th>
            </tr>
          </thead>
          <tbody>
            {pick.lines.map((l, i) => (
              <tr key={l.productId} className="border-b border-slate-300 align-top">
                <td className="py-3 pr-2 tabular-nums text-slate-500">{i + 1}</td>
                <td className="py-3 pr-3 font-mono text-[13px] whitespace-nowrap">{l.sku}</td>
                <td className="py-3 pr-3 font-medium">
                  {l.name}
                  {l.freeGoods && <span className="ml-1 text-xs font-semibold">(free goods)</span>}
                </td>
                <td className="hidden py-3 pr-3 font-mono text-[13px] whitespace-nowrap text-slate-700 sm:table-cell print:table-cell">{l.barcode ?? "—"}</td>
                <td className="py-3 pr-3 text-right font-semibold whitespace-nowrap tabular-nums">
                  {formatQuantity(l.quantity)} <span className="text-xs font-normal text-slate-500">{l.unit}</span>
                </td>
                <td className="py-3 pr-3 text-right whitespace-nowrap tabular-nums">{l.packs ?? "—"}</td>
                <td className="py-3 text-center">
                  <Tick label={`Picked ${l.name}`} />
                </td>
                <td className="py-3 text-center">
                  <Tick label={`Checked ${l.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="text-sm">
              <td colSpan={3} className="pt-3 text-slate-600">
                {pick.lines.length} {pick.lines.length === 1 ? "line" : "lines"}
              </td>
              <td className="hidden sm:table-cell print:table-cell" />
              {/* A total only adds up when every line is in the same unit. */}
              <td className="pt-3 pr-3 text-right font-semibold tabular-nums">{new Set(pick.lines.map((l) => l.unit)).size === 1 ? `${formatQuantity(pick.totalQuantity)} ${pick.lines[0]!.unit}` : ""}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="mt-12 grid gap-8 sm:grid-cols-3 print:grid-cols-3">
        {["Picked by", "Checked by", "Packed by"].map((who) => (
          <div key={who} className="text-sm">
            <div className="h-10 border-b border-slate-800" />
            <p className="mt-1.5 font-medium">{who}</p>
            <p className="text-xs text-slate-500">Name, signature and date</p>
          </div>
        ))}
      </div>

      <p className="mt-8 text-xs text-slate-500">Printed {formatDateTime(pick.printedAt)}</p>
    </article>
  );
}

/** A box to tick on a tablet, or with a pen on paper (it prints as it is). */
function Tick({ label }: { label: string }) {
  return <input type="checkbox" aria-label={label} className="size-5 rounded-sm border-2 border-slate-700 align-middle accent-slate-800" />;
}
