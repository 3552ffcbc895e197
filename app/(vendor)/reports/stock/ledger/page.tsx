import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR, formatQuantity } from "@/lib/format";
import { canSeeReport } from "@/lib/reporting/report-access";
import { describeSalesFilters } from "@/lib/reporting/sales/describe-sales-filters";
import { listStockLedger } from "@/lib/reporting/stock/list-stock-ledger";
import { ledgerFigures, stockFilters, type LedgerFigure } from "@/lib/reporting/stock/stock.schemas";
import { one, pageFrom, type SearchParams } from "@/lib/search-params";
import { PrintButton } from "../../_components/print-button";
import { ReportPrintStyles } from "../../_components/report-print";
import { ReportsNav } from "../../_components/reports-nav";
import { href } from "../stock-query";

export const metadata: Metadata = { title: "Stock: ledger rows" };
const PAGE_SIZE = 50;

const figureLabels: Record<LedgerFigure, string> = {
  on_hand: "Stock on hand today",
  opening: "Opening stock",
  closing: "Closing stock",
  in: "Stock in",
  out: "Stock out",
  receipts: "Receipts",
  returns: "Returns",
  transfers_in: "Transfers in",
  adjustments_in: "Adjustments up",
  dispatches: "Dispatches",
  transfers_out: "Transfers out",
  adjustments_out: "Adjustments down",
  outflow: "Outflow (dispatches)",
};

export default async function StockLedgerPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!canSeeReport(actor, "stock")) redirect("/reports");
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const figureParam = one(sp.figure);
  const figure: LedgerFigure = (ledgerFigures as readonly string[]).includes(figureParam ?? "") ? (figureParam as LedgerFigure) : "on_hand";
  const filters: Record<string, string> = {};
  for (const k of Object.keys(stockFilters) as (keyof typeof stockFilters)[]) {
    const v = one(sp[k]);
    if (v && stockFilters[k].safeParse(v).success) filters[k] = v;
  }
  const period = figure === "on_hand" ? {} : { from: one(sp.from), to: one(sp.to) };
  const page = Math.min(pageFrom(one(sp.page)), 20_000);
  const ledger = await listStockLedger(ctx, { figure, ...period, ...filters, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE }).catch((e) => {
    // A hand-edited URL with a bad period: back to the report rather than an error page.
    if (e instanceof AppError && e.code === "validation") redirect("/reports/stock");
    throw e;
  });
  const chips = await describeSalesFilters(ctx, filters);
  const t = ledger.totals;
  const here = { figure: figure === "on_hand" ? undefined : figure, from: ledger.from ?? undefined, to: ledger.to ?? undefined, ...filters };
  const back = figure === "on_hand" ? href("/reports/stock", filters) : figure === "outflow" ? href("/reports/stock", { ...filters, view: "reorder" }) : href("/reports/stock", { ...filters, view: "movements", from: ledger.from ?? undefined, to: ledger.to ?? undefined });
  const when = ledger.from ? (figure === "opening" ? `before ${formatDate(ledger.from)}` : figure === "closing" ? `up to ${formatDate(ledger.to!)}` : `${formatDate(ledger.from)} to ${formatDate(ledger.to!)}`) : "all time";

  return (
    <div className="report-sheet">
      <ReportPrintStyles orientation="landscape" />
      <PageHeader
        title={`Ledger rows: ${figureLabels[figure]}`}
        description={`${when}${chips.length ? " · " + chips.map((c) => `${c.label}: ${c.value}`).join(" · ") : ""}`}
        actions={
          <div className="flex flex-wrap items-center gap-3 print:hidden">
            <Link href={back} className="text-sm text-brand-700 hover:underline">
              Back to the report
            </Link>
            <PrintButton />
          </div>
        }
      />
      <ReportsNav active="stock" />
      <p className="mt-4 text-sm text-slate-600">
        {ledger.total} ledger rows of {t.products} product{t.products === 1 ? "" : "s"}
        {chips.some((c) => c.key === "productId") ? (
          <>
            ; quantity <strong className="tabular-nums">{formatQuantity(t.figureQuantity)}</strong>
          </>
        ) : null}
        ; value at cost <strong className="tabular-nums">{formatINR(t.figureValue)}</strong>
        {["out", "dispatches", "transfers_out", "adjustments_out", "outflow"].includes(figure) ? " (rows are negative: stock leaving)" : ""}.
      </p>
      <div className="mt-3">
        {ledger.data.length === 0 ? (
          <EmptyState bordered title="No ledger rows" description="Nothing moved for this figure." />
        ) : (
          <Table className="sm:min-w-[820px] print:min-w-0">
            <caption className="sr-only">Stock ledger rows behind the figure, newest first</caption>
            <THead>
              <Tr>
                <Th className="hidden sm:table-cell print:table-cell">When</Th>
                <Th className="hidden sm:table-cell print:table-cell">Movement</Th>
                <Th>Product</Th>
                <Th className="hidden sm:table-cell print:table-cell">Warehouse</Th>
                <Th numeric>Quantity</Th>
                <Th numeric className="hidden sm:table-cell print:table-cell">Value</Th>
                <Th className="hidden sm:table-cell print:table-cell">Document</Th>
              </Tr>
            </THead>
            <TBody>
              {ledger.data.map((r) => (
                <Tr key={r.id}>
                  <Td muted className="hidden whitespace-nowrap sm:table-cell print:table-cell">
                    {formatDateTime(r.at)}
                  </Td>
                  <Td className="hidden sm:table-cell print:table-cell">
                    <Badge tone={r.quantity.startsWith("-") ? "danger" : "success"}>{r.kindLabel}</Badge>
                    {r.reason && <span className="block max-w-56 truncate text-xs text-slate-500" title={r.reason}>{r.reason}</span>}
                  </Td>
                  <Td>
                    <span className="font-medium text-slate-900">{r.product.name}</span>
                    <span className="block text-xs text-slate-500">{r.product.sku}</span>
                    <span className="mt-1 block text-xs text-slate-500 sm:hidden">
                      <Badge tone={r.quantity.startsWith("-") ? "danger" : "success"}>{r.kindLabel}</Badge> {formatDateTime(r.at)} · {r.warehouse.code}
                      {r.reference?.href ? (
                        <>
                          {" · "}
                          <Link href={r.reference.href} className="font-mono text-brand-700">
                            {r.reference.label}
                          </Link>
                        </>
                      ) : null}
                    </span>
                  </Td>
                  <Td muted className="hidden sm:table-cell print:table-cell">{r.warehouse.code}</Td>
                  <Td numeric className={r.quantity.startsWith("-") ? "text-danger-700" : undefined}>
                    {formatQuantity(r.quantity, r.product.unit)}
                  </Td>
                  <Td numeric muted className="hidden sm:table-cell print:table-cell">
                    {r.value ? formatINR(r.value) : "—"}
                  </Td>
                  <Td className="hidden sm:table-cell print:table-cell">
                    {r.reference?.href ? (
                      <Link href={r.reference.href} className="font-mono text-[13px] whitespace-nowrap text-brand-700 hover:underline">
                        {r.reference.label}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{r.reference?.label ?? "—"}</span>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td colSpan={4} className="hidden sm:table-cell print:table-cell">
                  All {ledger.total} rows
                </Td>
                <Td className="sm:hidden print:hidden">All {ledger.total} rows</Td>
                <Td numeric>{chips.some((c) => c.key === "productId") ? formatQuantity(t.quantity) : ""}</Td>
                <Td numeric className="hidden sm:table-cell print:table-cell">{formatINR(t.value)}</Td>
                <Td className="hidden sm:table-cell print:table-cell" />
              </Tr>
            </TFoot>
          </Table>
        )}
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={ledger.total} noun="rows" hrefFor={(p) => href("/reports/stock/ledger", { ...here, page: String(p) })} />
    </div>
  );
}
